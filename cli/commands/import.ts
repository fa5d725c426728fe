import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { CliError } from "@/cli/errors";
import { resolveProject } from "@/cli/resolve";
import { commandLineActor } from "@/lib/auth/system-actor";
import { unsafeCreateArticles } from "@/lib/articles/create-article";
import { articleInputSchema, type ArticleInput } from "@/lib/validation/article";
import { fieldsOf } from "@/lib/validation/parse";

type Summary = { created: number; duplicates: { line: number; existingId: string }[]; rejected: { line: number; reason: string }[] };

function progress(done: number, s: Summary) {
  if (!process.stderr.isTTY) {
    // Logs and pipes get a line now and then instead of a redrawn bar.
    if (done % 100 === 0) process.stderr.write(`${done} lines: ${s.created} created, ${s.duplicates.length} duplicates, ${s.rejected.length} rejected\n`);
    return;
  }
  const width = 24;
  const spin = "#".repeat(Math.min(width, Math.floor(done / 10) % (width + 1)));
  process.stderr.write(`\r[${spin.padEnd(width, ".")}] ${done} lines · ${s.created} created · ${s.duplicates.length} duplicates · ${s.rejected.length} rejected`);
}

/** Articles per transaction, and body characters: a batch shares its statements and its commit. */
const BATCH_ARTICLES = 250;
const BATCH_CHARS = 2_000_000;

/** JSONL import: a few hundred lines a transaction; a bad line is reported and the rest go on. No person imports: created_by stays empty, the audit names the command line. */
export async function runImport(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { project: { type: "string" }, json: { type: "boolean" } }, allowPositionals: true });
  if (positionals.length !== 1) throw new CliError("import needs one FILE.jsonl.");
  const project = await resolveProject(values.project);
  const actor = commandLineActor();
  const summary: Summary = { created: 0, duplicates: [], rejected: [] };
  const lines = createInterface({ input: positionals[0] === "-" ? process.stdin : createReadStream(positionals[0], { encoding: "utf8" }), crlfDelay: Infinity });
  let n = 0;
  let batch: { line: number; input: ArticleInput }[] = [];
  let batchChars = 0;
  const flush = async () => {
    const outcomes = await unsafeCreateArticles({ projectId: project.id, actor, inputs: batch.map((b) => b.input) });
    outcomes.forEach((o, k) => {
      const line = batch[k].line;
      if ("id" in o) summary.created++;
      else if (o.error.code === "conflict") summary.duplicates.push({ line, existingId: String(o.error.details.existingId) });
      else summary.rejected.push({ line, reason: o.error.message });
    });
    batch = [];
    batchChars = 0;
    progress(n, summary);
  };
  for await (const line of lines) {
    n++;
    if (line.trim() === "") continue;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (e) {
      summary.rejected.push({ line: n, reason: `not valid JSON (${(e as Error).message})` });
      continue;
    }
    const parsed = articleInputSchema.safeParse(raw);
    if (!parsed.success) {
      const fields = fieldsOf(parsed.error);
      summary.rejected.push({ line: n, reason: Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join("; ") });
      continue;
    }
    batch.push({ line: n, input: parsed.data });
    batchChars += parsed.data.body.length;
    if (batch.length >= BATCH_ARTICLES || batchChars >= BATCH_CHARS) await flush();
  }
  if (batch.length > 0) await flush();
  progress(n, summary);
  if (process.stderr.isTTY) process.stderr.write("\n");
  if (values.json) {
    console.log(JSON.stringify(summary));
  } else {
    console.log(`created ${summary.created}, duplicates ${summary.duplicates.length}, rejected ${summary.rejected.length}`);
    for (const d of summary.duplicates) console.log(`  line ${d.line}: duplicate of article ${d.existingId}`);
    for (const r of summary.rejected) console.log(`  line ${r.line}: rejected: ${r.reason}`);
  }
  return summary.rejected.length > 0 ? 1 : 0;
}
