import { parseArgs } from "node:util";
import { CliError } from "@/cli/errors";
import { resolveProject } from "@/cli/resolve";
import { commandLineActor } from "@/lib/auth/system-actor";
import { parseWith } from "@/lib/validation/parse";
import { search } from "@/lib/search/search";
import { searchQuerySchema } from "@/lib/validation/search";

/** `search --project P "QUERY"`: the API's search, by the command line trusted as an operator, printed one hit a line. */
export async function runSearch(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { project: { type: "string" }, type: { type: "string" }, limit: { type: "string" }, json: { type: "boolean" } },
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new CliError('search needs one QUERY (quote it: "…").');
  const project = await resolveProject(values.project);
  const query = parseWith(searchQuerySchema, { q: positionals[0], projectId: project.id, type: values.type, limit: values.limit });
  const result = await search({ actor: commandLineActor(), query });
  if (values.json) {
    process.stdout.write(JSON.stringify(result) + "\n");
    return 0;
  }
  if (result.items.length === 0) process.stdout.write("No results.\n");
  for (const hit of result.items) {
    const snippet = hit.snippet.map((p) => (p.hit ? `[${p.text}]` : p.text)).join("").replace(/\s+/g, " ").trim();
    const facts = [hit.status, hit.finalRatingLabel, hit.external ? "external" : null].filter(Boolean).join(", ");
    process.stdout.write(`${hit.type} ${hit.id}${facts ? ` (${facts})` : ""}${hit.title ? ` · ${hit.title}` : ""}\n  ${snippet}\n`);
  }
  return 0;
}
