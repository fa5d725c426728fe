// `npm run bench` (a table) or `npm run -s bench -- --json` (one JSON object): every benchmark
// of issue 9 in one run, on the production build, each figure the median of several rounds.
// `--only analysis,claimCreate` runs a subset. Uses DATABASE_URL's server when set (in a
// scratch database it creates and drops), else an embedded PostgreSQL in a temporary folder.
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildApp, machine, setupDatabase, type BenchDatabase } from "./lib/harness";
import { log, round } from "./lib/stats";
import { formatTable, goalsOf } from "./lib/report";

const SUITES = ["analysis", "import", "claimCreate", "articlePage", "articleList", "export", "restore", "scaleOut", "rawPg", "hostileArticle", "search"] as const;
type Suite = (typeof SUITES)[number];
const NEEDS_APP: Suite[] = ["claimCreate", "articlePage", "articleList", "export", "scaleOut", "hostileArticle"];
// Also spelt as in the issues: --only hostile-article.
const ALIASES: Record<string, Suite> = { "hostile-article": "hostileArticle" };

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    json: { type: "boolean" },
    only: { type: "string" },
    pool: { type: "string" },
    // Sizes, so a quick run is possible (--quick sets small ones; a given size wins over it).
    quick: { type: "boolean" },
    claims: { type: "string" },
    "restore-claims": { type: "string" },
    articles: { type: "string" },
    requests: { type: "string" },
    sentences: { type: "string" },
    "search-claims": { type: "string" },
    "search-articles": { type: "string" },
  },
});
const size = (name: "claims" | "restore-claims" | "articles" | "requests" | "sentences" | "search-articles", full: number, quick: number) => {
  const given = values[name];
  if (given === undefined) return values.quick ? quick : full;
  const n = Number(given);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number`);
  return n;
};
const sizes = {
  exportClaims: size("claims", 100_000, 10_000),
  restoreClaims: size("restore-claims", 100_000, 10_000),
  importArticles: size("articles", 2000, 200),
  claimRequests: size("requests", 3000, 600),
  pageSentences: size("sentences", 2000, 2000),
};
// The search archive grows in place through these sizes (issue 14: 100,000 and 1,000,000 claims).
const searchClaims = (values["search-claims"] ?? (values.quick ? "10000,30000" : "100000,1000000")).split(",").map(Number);
if (searchClaims.some((n) => !Number.isInteger(n) || n < 1)) throw new Error("--search-claims must be positive whole numbers separated by commas");
const searchArticles = size("search-articles", 100_000, 2000);
const only = values.only ? (values.only.split(",").map((s) => s.trim()).filter(Boolean).map((s) => ALIASES[s] ?? s) as Suite[]) : [...SUITES];
for (const s of only) if (!SUITES.includes(s)) throw new Error(`unknown benchmark "${s}"; choose from ${SUITES.join(", ")}`);
// A ratio needs its baseline from the same run: claim creation brings the raw pg baseline.
if (only.includes("claimCreate") && !only.includes("rawPg")) only.push("rawPg");
const want = (s: Suite) => only.includes(s);
// Connections per app process. 32 clients on 2 cores: more connections than cores only queue.
const poolSize = Number(values.pool ?? process.env.SANAD_BENCH_POOL_SIZE ?? 10);

// The analysis benchmark may come from bench/analysis.ts (another engineer's) when it exports
// runAnalysisBench with the same shape; otherwise from bench/analysis-suite.ts.
async function analysisFigures() {
  const theirs = path.join(process.cwd(), "bench", "analysis.ts");
  if (existsSync(theirs)) {
    try {
      const mod = await import(theirs);
      if (typeof mod.runAnalysisBench === "function") {
        // Three rounds of whole-text ICU on the long paragraph (seconds each), for a median.
        const r = await mod.runAnalysisBench({ bareOneParagraphRounds: 3 });
        const ok = (x: unknown) => typeof x === "object" && x !== null && typeof (x as { mbPerS?: unknown }).mbPerS === "number" && typeof (x as { bareSegmenterMbPerS?: unknown }).bareSegmenterMbPerS === "number";
        if (ok(r?.paragraphs) && ok(r?.oneParagraph)) return { source: "bench/analysis.ts", paragraphs: r.paragraphs, oneParagraph: r.oneParagraph };
        log("bench/analysis.ts answered in another shape; using bench/analysis-suite.ts");
      }
    } catch (e) {
      log(`bench/analysis.ts failed (${(e as Error).message}); using bench/analysis-suite.ts`);
    }
  }
  const { runAnalysisSuite } = await import("./analysis-suite");
  return { source: "bench/analysis-suite.ts", ...(await runAnalysisSuite({ rounds: 7 })) };
}

const started = Date.now();
const result: Record<string, any> = { machine: machine(), startedAt: new Date(started).toISOString(), poolSize, sizes: { ...sizes, searchClaims, searchArticles } };
let database: BenchDatabase | null = null;
let failed = false;
let tearingDown = false;
const stopping = async () => {
  tearingDown = true;
  if (database) await database.teardown().catch((e) => log(`teardown: ${(e as Error).message}`));
  database = null;
};
// Stopping PostgreSQL ends the connections pools still hold open (57P01); that is expected then.
process.on("uncaughtException", (e) => {
  if (tearingDown && (e as { code?: string }).code === "57P01") return;
  log(`uncaught: ${e.stack ?? e}`);
  void stopping().finally(() => process.exit(1));
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void stopping().finally(() => process.exit(130));
  });
}

try {
  // Pure analysis first, while nothing else runs on the machine.
  if (want("analysis")) {
    log("analysis");
    result.analysis = await analysisFigures();
  }
  const needsDb = only.some((s) => s !== "analysis");
  if (needsDb) {
    if (only.some((s) => NEEDS_APP.includes(s))) buildApp();
    database = await setupDatabase();
    result.database = database.where;
    // lib/db.ts reads DATABASE_URL when first imported: only now may the suites load.
    process.env.DATABASE_URL = database.url;
    const url = database.url;
    if (want("import")) {
      const { runImport } = await import("./suites/import");
      log("import");
      result.import = await runImport({ articles: sizes.importArticles });
    }
    if (want("rawPg")) {
      const { runRawPg } = await import("./suites/raw-pg");
      log("raw PostgreSQL baseline");
      result.rawPg = await runRawPg({ databaseUrl: url, amount: Math.round((sizes.claimRequests * 5) / 3) });
    }
    if (want("claimCreate")) {
      const { runClaimCreate } = await import("./suites/claim-create");
      log("claim creation");
      result.claimCreate = await runClaimCreate({ databaseUrl: url, poolSize, amount: sizes.claimRequests });
    }
    if (want("articlePage")) {
      const { runArticlePage } = await import("./suites/article-page");
      log("article page");
      result.articlePage = await runArticlePage({ databaseUrl: url, poolSize, sentences: sizes.pageSentences });
    }
    if (want("articleList")) {
      const { runArticleList } = await import("./suites/article-list");
      log("article list");
      result.articleList = await runArticleList({ databaseUrl: url, poolSize });
    }
    if (want("export")) {
      const { runExport } = await import("./suites/export");
      log("export");
      result.export = await runExport({ databaseUrl: url, poolSize, claims: sizes.exportClaims });
    }
    if (want("restore")) {
      const { runRestore } = await import("./suites/restore");
      log("backup and restore");
      result.restore = await runRestore({ claims: sizes.restoreClaims });
    }
    if (want("scaleOut")) {
      const { runScaleOut } = await import("./suites/claim-create");
      log("scale-out");
      result.scaleOut = await runScaleOut({ databaseUrl: url, poolSize, amount: sizes.claimRequests });
    }
    if (want("hostileArticle")) {
      const { runHostileArticle } = await import("./suites/hostile-article");
      log("hostile article");
      result.hostileArticle = await runHostileArticle({ databaseUrl: url, poolSize });
    }
    // Last: a million claims make the database large for whatever would come after.
    if (want("search")) {
      const { runSearchBench } = await import("./suites/search");
      log("search and matches");
      result.search = await runSearchBench({ databaseUrl: url, claimSizes: searchClaims, articles: searchArticles, queries: values.quick ? 20 : 60 });
    }
    const { db } = await import("@/lib/db");
    await db.$disconnect();
  }
} catch (e) {
  failed = true;
  log(`failed: ${(e as Error).stack ?? e}`);
} finally {
  await stopping();
}

// Claim creation against the raw pg run of the same statements, measured above in this run.
if (result.claimCreate && result.rawPg?.claimStatements) result.claimCreate.ratioToRawPg = round(result.claimCreate.reqPerS / result.rawPg.claimStatements.opsPerS);
result.durationS = round((Date.now() - started) / 1000);
(result.machine as Record<string, unknown>).loadAverageAtEnd = machine().loadAverage;
result.goals = goalsOf(result);
if (values.json) process.stdout.write(JSON.stringify(result, null, 2) + "\n");
else process.stdout.write(formatTable(result));
process.exit(failed ? 1 : 0);
