// Sanad's command line, the second entry point beside app/: `npm run -s sanad -- <command>`.
// Works whether or not the web app runs, on the same database (DATABASE_URL, or the embedded
// PostgreSQL of SANAD_DATA_DIR).
import { runCli } from "@/cli/run";

const code = await runCli(process.argv.slice(2));
// Exit explicitly (pools and timers may linger), but only once standard output is flushed.
process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
