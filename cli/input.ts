import { readFileSync } from "node:fs";
import { CliError } from "@/cli/errors";

/** A whole file (or standard input, "-") as UTF-8 text; anything else is refused by name. */
export function readInput(file: string): string {
  const buffer = file === "-" ? readFileSync(0) : readFileSync(file);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(buffer);
  } catch {
    throw new CliError(`${file === "-" ? "standard input" : file} is not valid UTF-8 text.`);
  }
}
