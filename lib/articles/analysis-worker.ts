// Runs one article's analysis off the app's event loop (see analyze-article.ts).
import os from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { analyzeWithinLimits } from "./article-limits";

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

const { body, language } = workerData as { body: string; language: string | null };
parentPort?.postMessage(analyzeWithinLimits(body, language));
