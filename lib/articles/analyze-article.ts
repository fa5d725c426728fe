import "server-only";
import { Worker } from "node:worker_threads";
import { log } from "@/lib/log";
import { analyzeWithinLimits, type LimitedAnalysis } from "@/lib/articles/article-limits";

/** Bodies from this length up are analysed in a worker thread; a news article (~7 KB) takes under a millisecond inline. */
export const WORKER_FROM_CHARS = 100_000;
/** A worker's V8 old generation: the analysis of the largest accepted body needs about 100 MB. */
const WORKER_HEAP_MB = 384;
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

function inWorker(body: string, language: string | null): Promise<LimitedAnalysis | "no-worker"> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL("./analysis-worker.ts", import.meta.url), {
        workerData: { body, language },
        resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
      });
    } catch {
      resolve("no-worker");
      return;
    }
    let answered = false;
    worker.once("message", (m: LimitedAnalysis) => {
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
 * The analysis of a body, within the article limits. Large bodies are analysed in a worker thread
 * (one at a time), so that seconds of analysis never stall the requests of everyone else.
 */
export async function analyzeArticle(body: string, language: string | null | undefined): Promise<LimitedAnalysis> {
  if (body.length < WORKER_FROM_CHARS || workerUnavailable) return analyzeWithinLimits(body, language);
  return turn(async () => {
    const result = await inWorker(body, language ?? null);
    if (result !== "no-worker") return result;
    workerUnavailable = true;
    log.warn("analysis worker unavailable; analysing on the main thread");
    return analyzeWithinLimits(body, language);
  });
}
