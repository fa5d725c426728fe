// Backup and restore of a project of 100,000 claims (each with two verdicts, an adjudication, a
// source on half), through the command line as a desk would: `sanad backup --project P --out F`,
// then `sanad restore F`. Wall time, and the peak resident memory of the process doing the work
// (VmRSS of every process in the command's tree, sampled every 20 ms; the largest).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { db } from "@/lib/db";
import { memoryOf, processTree } from "../lib/harness";
import { log, nowMs, round } from "../lib/stats";
import { CLAIMS, seedExport } from "./export";

async function measured(args: string[]): Promise<{ seconds: number; peakRssMb: number; stdout: string }> {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const t0 = nowMs();
  const child = spawn(npm, ["run", "-s", "sanad", "--", ...args], { env: { ...process.env, LOG_LEVEL: "error" }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  let peak = 0;
  const sample = () => {
    for (const pid of processTree(child.pid!)) peak = Math.max(peak, memoryOf(pid).rssMb);
  };
  const sampler = setInterval(sample, 20);
  const code = await new Promise<number>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (c) => resolve(c ?? 1));
  });
  clearInterval(sampler);
  if (code !== 0) throw new Error(`sanad ${args[0]} exited ${code}:\n${stderr.slice(-2000)}`);
  return { seconds: (nowMs() - t0) / 1000, peakRssMb: peak, stdout };
}

export async function runRestore({ claims = CLAIMS }: { claims?: number } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "sanad-bench-restore-"));
  try {
    const t0 = nowMs();
    const { projectId } = await seedExport(claims);
    log(`restore: ${claims} verified claims seeded in ${((nowMs() - t0) / 1000).toFixed(1)} s`);
    const file = path.join(dir, "backup.jsonl");
    const backup = await measured(["backup", "--project", projectId, "--out", file]);
    const mb = statSync(file).size / 2 ** 20;
    log(`backup: ${mb.toFixed(0)} MB in ${backup.seconds.toFixed(1)} s, peak RSS ${backup.peakRssMb.toFixed(0)} MB`);
    const restore = await measured(["restore", file]);
    const restoredId = /new project: (\S+)/.exec(restore.stdout)?.[1];
    const restored = restoredId ? await db.claim.count({ where: { projectId: restoredId } }) : 0;
    const original = await db.claim.count({ where: { projectId } });
    if (restored !== original) throw new Error(`restore gave ${restored} claims, the project had ${original}`);
    log(`restore: ${restored} claims in ${restore.seconds.toFixed(1)} s, peak RSS ${restore.peakRssMb.toFixed(0)} MB`);
    return {
      claims: restored,
      backupMb: round(mb),
      seconds: round(restore.seconds),
      claimsPerS: round(restored / restore.seconds),
      peakRssMb: round(restore.peakRssMb),
      backup: { seconds: round(backup.seconds), peakRssMb: round(backup.peakRssMb) },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
