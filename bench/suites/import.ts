// Importing 2,000 news articles from JSONL through the command line, as a desk would:
// `npm run -s sanad -- import --project P FILE.jsonl` (cli/commands/import.ts), analysis and
// storage of sentences, figures and suggestions included. Timed end to end, start-up included.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { db } from "@/lib/db";
import { analyze } from "@/lib/text";
import { Corpus } from "../lib/corpus";
import { createProject, createUsers } from "../lib/seed";
import { log, median, nowMs, round } from "../lib/stats";

function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const child = spawn(npm, ["run", "-s", "sanad", "--", ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/**
 * The baseline: `analyze()` alone on the same articles, in this process, after a warm-up pass:
 * what the import would do with no database, no command start-up and no storage.
 */
function analysisAlone(articles: { body: string; language: "ar" | "en" }[], rounds: number) {
  const perS: number[] = [];
  for (let i = 0; i < rounds + 1; i++) {
    const t0 = nowMs();
    for (const a of articles) analyze(a.body, { language: a.language });
    const s = (nowMs() - t0) / 1000;
    if (i > 0) perS.push(articles.length / s);
    log(`import baseline (analyze() alone) round ${i}: ${articles.length} articles in ${s.toFixed(2)} s (${(articles.length / s).toFixed(0)}/s)`);
  }
  return median(perS);
}

export async function runImport({ rounds = 3, articles: ARTICLES = 2000 }: { rounds?: number; articles?: number } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "sanad-bench-import-"));
  try {
    const corpus = new Corpus(51);
    const lines: string[] = [];
    const all = [];
    let bytes = 0;
    for (let i = 0; i < ARTICLES; i++) {
      const article = corpus.article();
      all.push(article);
      const line = JSON.stringify(article);
      bytes += Buffer.byteLength(line);
      lines.push(line);
    }
    const file = path.join(dir, "articles.jsonl");
    writeFileSync(file, lines.join("\n") + "\n");
    const perS: number[] = [];
    const seconds: number[] = [];
    for (let i = 0; i < rounds; i++) {
      // A fresh project each round: the same file would otherwise be all duplicates.
      const project = await createProject(`bench import ${i}`);
      await createUsers(project.id, 1, "editor", `import-${i}`);
      const t0 = nowMs();
      const res = await runCli(["import", "--project", project.id, "--json", file], { ...process.env, DATABASE_URL: process.env.DATABASE_URL, LOG_LEVEL: "error" });
      const s = (nowMs() - t0) / 1000;
      const summary = JSON.parse(res.stdout.trim().split("\n").pop() || "{}") as { created?: number };
      const stored = await db.article.count({ where: { projectId: project.id } });
      if (res.code !== 0 || summary.created !== ARTICLES || stored !== ARTICLES) {
        throw new Error(`import exited ${res.code}, created ${summary.created}, stored ${stored}:\n${res.stderr.slice(-2000)}`);
      }
      perS.push(ARTICLES / s);
      seconds.push(s);
      log(`import round ${i + 1}: ${ARTICLES} articles in ${s.toFixed(1)} s (${(ARTICLES / s).toFixed(0)}/s)`);
    }
    const baseline = analysisAlone(all, rounds);
    return {
      articles: ARTICLES,
      articlesPerS: round(median(perS)),
      analysisAlone: { articlesPerS: round(baseline) },
      ratioToAnalysis: round(median(perS) / baseline),
      seconds: round(median(seconds)),
      avgArticleKb: round(bytes / ARTICLES / 1024),
      rounds,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
