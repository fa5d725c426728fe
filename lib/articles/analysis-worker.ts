// Runs one article's analysis off the app's event loop (see analyze-article.ts).
import { parentPort, workerData } from "node:worker_threads";
import { analyzeWithinLimits } from "./article-limits";

const { body, language } = workerData as { body: string; language: string | null };
parentPort?.postMessage(analyzeWithinLimits(body, language));
