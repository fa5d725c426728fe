// Runs one article's analysis off the app's event loop (see analyze-article.ts).
import os from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { analyzeInto } from "./article-limits";
import { RowCollector } from "./suggestion-rows";

// On Linux a thread has its own nice value (setpriority on "this process" sets the calling
// thread's): the analysis gives way to the requests of everyone else when the CPU is short.
// Elsewhere it would lower the whole app, so it is left alone.
if (process.platform === "linux") {
  try {
    os.setPriority(10);
  } catch {
    /* not allowed here: run at the app's priority */
  }
}

// The rows go back ready to store, as a few buffers of JSON (see RowBatches), transferred rather
// than copied: the app's thread never holds the analysis's objects.
const { articleId, body, language } = workerData as { articleId: string; body: string; language: string | null };
const rows = new RowCollector();
const analysed = analyzeInto(rows, articleId, body, language);
if (analysed.ok) {
  const batches = rows.take();
  const buffers = [...batches.sentences, ...batches.quantities, ...batches.suggestions].map((b) => b.buffer as ArrayBuffer);
  parentPort?.postMessage({ ...analysed, rows: batches }, buffers);
} else {
  parentPort?.postMessage(analysed);
}
