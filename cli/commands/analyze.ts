import { parseArgs } from "node:util";
import { analyze, formatReport } from "@/lib/text";
import { CliError } from "@/cli/errors";
import { readInput } from "@/cli/input";

/** `analyze [--json] FILE`: the text analysis of one article; no database. */
export async function runAnalyze(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { json: { type: "boolean" }, language: { type: "string" } }, allowPositionals: true });
  if (positionals.length !== 1) throw new CliError("analyze needs one FILE (or - for standard input).");
  const result = analyze(readInput(positionals[0]), { language: values.language });
  process.stdout.write(values.json ? JSON.stringify(result) + "\n" : formatReport(result) + "\n");
  return 0;
}
