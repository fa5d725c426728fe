import "server-only";
import { Worker } from "node:worker_threads";
import { log } from "@/lib/log";
import { analyzeInto, type AnalysedArticle } from "@/lib/articles/article-limits";
import type { RowBatches, RowCollector } from "@/lib/articles/suggestion-rows";

type FromWorker = AnalysedArticle & { rows?: RowBatches };

/** Bodies from this length up are analysed in a worker thread; a news article (~7 KB) takes under a millisecond inline. */
export const WORKER_FROM_CHARS = 100_000;
/**
 * A worker's V8 heap. The analysis of the largest accepted body fits in 64 MB of old generation
 * (48 MB does not), its rows being buffers outside the heap; twice that leaves room, and a small
 * heap is collected sooner, which keeps the app's RSS down while it runs (docs/benchmarks.md).
 */
const WORKER_HEAP_MB = 128;
const WORKER_YOUNG_MB = 8;
/** Large analyses at once per process; more wait their turn, so two hostile imports cost no more memory than one. */
const MAX_RUNNING = 1;

let running = 0;
const waiting: (() => void)[] = [];
async function turn<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_RUNNING) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

let workerUnavailable = false;

function inWorker(articleId: string, body: string, language: string | null): Promise<FromWorker | "no-worker"> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL("./analysis-worker.ts", import.meta.url), {
        workerData: { articleId, body, language },
        resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
      });
    } catch {
      resolve("no-worker");
      return;
    }
    let answered = false;
    worker.once("message", (m: FromWorker) => {
      answered = true;
      resolve(m);
      void worker.terminate();
    });
    worker.once("error", (e: Error & { code?: string }) => {
      if (answered) return;
      answered = true;
      // Where the worker's code cannot be loaded (the TypeScript source under tsx or vitest), analyse here.
      if (e.code === "ERR_UNKNOWN_FILE_EXTENSION" || e.code === "ERR_MODULE_NOT_FOUND" || e.code === "MODULE_NOT_FOUND") resolve("no-worker");
      else if (e.code === "ERR_WORKER_OUT_OF_MEMORY") resolve({ ok: false, overrun: { reason: "too_complex", limit: WORKER_HEAP_MB } });
      else reject(e);
    });
    worker.once("exit", (code) => {
      if (!answered) reject(new Error(`analysis worker exited with code ${code}`));
    });
  });
}

/**
 * The analysis of a body, within the article limits, its rows added to `rows` as article
 * `articleId`'s. Large bodies are analysed in a worker thread (one at a time), so that seconds of
 * analysis never stall the requests of everyone else.
 */
export async function analyzeArticle(rows: RowCollector, articleId: string, body: string, language: string | null | undefined): Promise<AnalysedArticle> {
  if (body.length < WORKER_FROM_CHARS || workerUnavailable) return analyzeInto(rows, articleId, body, language);
  return turn(async () => {
    const result = await inWorker(articleId, body, language ?? null);
    if (result !== "no-worker") {
      if (!result.ok) return result;
      if (result.rows) rows.addBatches(result.rows);
      return { ok: true, language: result.language, direction: result.direction };
    }
    workerUnavailable = true;
    log.warn("analysis worker unavailable; analysing on the main thread");
    return analyzeInto(rows, articleId, body, language);
  });
}
