// Sanad's command line: `npm run -s sanad -- <command>`. Works whether or not the web app runs,
// on the same database (DATABASE_URL, or the embedded PostgreSQL of SANAD_DATA_DIR).
import { runCli } from "../lib/cli/run";

process.exitCode = await runCli(process.argv.slice(2));
