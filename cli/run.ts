import { COMMANDS, USAGE } from "@/cli/commands";
import { CliError, reportError } from "@/cli/errors";
import { connectDatabase, disconnectDatabase } from "@/cli/database";

async function withDatabase<T>(work: () => Promise<T>): Promise<T> {
  await connectDatabase();
  try {
    return await work();
  } finally {
    await disconnectDatabase();
  }
}

/** Runs one command line (argv without node and the script) and returns its exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  try {
    if (command === undefined || command === "help" || command === "--help" || command === "-h") {
      process.stdout.write(USAGE + "\n");
      return command ? 0 : 2;
    }
    const entry = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!entry) throw new CliError(`Unknown command "${command}".\n\n${USAGE}`);
    // Modules that hold the database client load only once DATABASE_URL points somewhere.
    if (!entry.database) return await (await entry.load())(args, command);
    return await withDatabase(async () => (await entry.load())(args, command));
  } catch (e) {
    return reportError(e);
  }
}
