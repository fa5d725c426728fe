// Runs bench/load-worker.mjs (autocannon) in a child process and returns its figures.
import { spawn } from "node:child_process";

export type LoadPlan = {
  url: string;
  connections: number;
  amount: number;
  method: "GET" | "POST";
  overallRate?: number;
  requests: { path: string; token: string; body?: unknown }[];
};

export type LoadResult = {
  responses: number;
  ok: number;
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
  seconds: number;
  reqPerS: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
};

export function runLoad(plan: LoadPlan): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    // Plain node, no tsx: the load generator should cost as little CPU as it can.
    const child = spawn(process.execPath, ["bench/load-worker.mjs"], { stdio: ["pipe", "pipe", "pipe"] });
    child.stdin.end(JSON.stringify(plan));
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`load worker failed (${code}): ${err}`));
      try {
        resolve(JSON.parse(out.trim().split("\n").pop()!));
      } catch (e) {
        reject(new Error(`load worker said: ${out}\n${err}`));
      }
    });
  });
}
