import { createReadStream } from "node:fs";
import { parseArgs } from "node:util";
import { CliError } from "@/cli/errors";
import { resolveProject } from "@/cli/resolve";
import { commandLineActor } from "@/lib/auth/system-actor";
import { importFactChecks, type ItemReport } from "@/lib/fact-checks/import-fact-checks";
import { JsonStreamError, streamJsonItems } from "@/lib/fact-checks/json-stream";

/** `fact-checks import --project P FILE`: the file is read as a stream, items stored in batches. */
export async function runFactChecks([sub, ...args]: string[]): Promise<number> {
  if (sub !== "import") throw new CliError('Usage: fact-checks import --project P [--json] FILE');
  const { values, positionals } = parseArgs({ args, options: { project: { type: "string" }, json: { type: "boolean" } }, allowPositionals: true });
  if (positionals.length !== 1) throw new CliError("fact-checks import needs one FILE (JSON-LD: an array, a @graph, or one ClaimReview).");
  const project = await resolveProject(values.project);
  const file = positionals[0];
  const input = file === "-" ? process.stdin.setEncoding("utf8") : createReadStream(file, { encoding: "utf8" });
  // Per-item lines for what was not simply stored; a 100,000-item file prints as it goes.
  const report = (r: ItemReport) => {
    if (r.status === "stored") return;
    if (values.json) process.stdout.write(JSON.stringify(r) + "\n");
    else process.stdout.write(`  item ${r.index}: ${r.status}${r.url ? ` ${r.url}` : ""}${r.reasons ? `: ${r.reasons.join("; ")}` : ""}\n`);
  };
  try {
    const summary = await importFactChecks({ actor: commandLineActor(), projectId: project.id, items: streamJsonItems(input as AsyncIterable<string>), report });
    if (values.json) process.stdout.write(JSON.stringify({ summary }) + "\n");
    else {
      process.stdout.write(
        `${summary.items} items: ${summary.stored} stored, ${summary.partial} partial, ${summary.duplicate} duplicates, ${summary.invalid} invalid, ${summary.skipped} skipped\n`,
      );
      if (summary.items > 0 && summary.stored + summary.partial + summary.duplicate === 0) process.stdout.write("No ClaimReview item could be stored.\n");
    }
    return summary.invalid > 0 || summary.stored + summary.partial + summary.duplicate === 0 ? 1 : 0;
  } catch (e) {
    if (e instanceof JsonStreamError) throw new CliError(`${file}: ${e.message}`);
    if ((e as NodeJS.ErrnoException).code === "ENOENT") throw new CliError(`${file}: no such file.`);
    throw e;
  }
}
