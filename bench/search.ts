// `npx tsx bench/search.ts [--claims 100000,1000000] [--articles 100000] [--json]`: the search
// bench on its own (no app build needed: Sanad's search and matches operations in-process, the
// raw baseline through plain pg, both on the same database).
import { parseArgs } from "node:util";
import { setupDatabase } from "./lib/harness";
import { log } from "./lib/stats";

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { claims: { type: "string" }, articles: { type: "string" }, queries: { type: "string" }, json: { type: "boolean" } },
});
const claimSizes = (values.claims ?? process.env.SANAD_BENCH_SEARCH_CLAIMS ?? "100000,1000000").split(",").map(Number);
const articles = Number(values.articles ?? process.env.SANAD_BENCH_SEARCH_ARTICLES ?? 100_000);
const database = await setupDatabase();
process.env.DATABASE_URL = database.url;
let code = 0;
try {
  const { runSearchBench } = await import("./suites/search");
  const result = await runSearchBench({ databaseUrl: database.url, claimSizes, articles, queries: Number(values.queries ?? 60) });
  if (values.json) process.stdout.write(JSON.stringify({ where: database.where, ...result }, null, 2) + "\n");
  else {
    process.stdout.write(`search bench (${database.where})\n`);
    process.stdout.write("claims     articles  seed s  search claims p50/p95 ms  search all p50/p95 ms  raw tsquery p50/p95 ms  matches p50/p95 ms  p95 / raw  matches without wording\n");
    for (const r of result.rows as any[]) {
      const f = (x: { p50Ms: number; p95Ms: number }) => `${x.p50Ms} / ${x.p95Ms}`.padEnd(24);
      process.stdout.write(`${String(r.claims).padEnd(10)} ${String(r.articles).padEnd(9)} ${String(r.seedS).padEnd(7)} ${f(r.searchClaims)} ${f(r.searchAll)}${f(r.rawTsquery)}${f(r.matches)}${String(r.searchClaimsP95OverRaw).padEnd(10)} ${r.matchesWithoutWording}\n`);
    }
  }
} catch (e) {
  code = 1;
  log(`failed: ${(e as Error).stack ?? e}`);
} finally {
  await database.teardown();
}
process.exit(code);
