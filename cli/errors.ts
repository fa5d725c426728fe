import { AppError } from "@/lib/errors";
import { EnvError } from "@/lib/env";

/** A mistake in how the command was called (exit code 2); its message is printed as it is. */
export class CliError extends Error {}

/**
 * What the command line prints for an error and the exit code: 2 for usage (a bad argument, a
 * missing file, a bad environment), 1 for input the operation refused. Anything else is a bug,
 * and is thrown on with its stack.
 */
export function reportError(e: unknown): number {
  if (e instanceof CliError || e instanceof EnvError) return fail(e.message, 2);
  if (e instanceof AppError) {
    const fields = e.details.fields ? " (" + Object.entries(e.details.fields).map(([k, v]) => `${k}: ${v}`).join("; ") + ")" : "";
    return fail(`${e.message}${fields}`, 1);
  }
  if (e instanceof Error && /ENOENT/.test(e.message)) return fail(e.message.replace(/^ENOENT: /, ""), 2);
  if (e instanceof Error && e.name === "TypeError" && /ERR_PARSE_ARGS/.test(String((e as { code?: string }).code))) return fail(e.message, 2);
  throw e;
}

function fail(message: string, code: number): number {
  process.stderr.write(`sanad: ${message}\n`);
  return code;
}
