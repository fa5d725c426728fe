// The machinery around the benchmarks: a database, the production build, app processes.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { findFreePort, startEmbeddedPostgres } from "@/lib/database/embedded-postgres";
import { migrateDeploy } from "@/lib/database/migrate";
import { log } from "./stats";

export const DIST_DIR = process.env.SANAD_DIST_DIR || ".next-bench";
export const SECRET = "sanad-bench-secret-0123456789abcdefghijklmnopqrstuvwxyz";

export type BenchDatabase = { url: string; where: string; teardown: () => Promise<void> };

function withDatabase(url: string, database: string) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * A fresh database for this run: on the server of DATABASE_URL when set (created and dropped
 * here), else on an embedded PostgreSQL in a temporary folder, removed at the end.
 */
export async function setupDatabase(): Promise<BenchDatabase> {
  const name = `sanad_bench_${process.pid}_${Date.now().toString(36)}`;
  const given = process.env.DATABASE_URL;
  if (given) {
    const admin = new pg.Client({ connectionString: given });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${name}"`);
    } finally {
      await admin.end();
    }
    const url = withDatabase(given, name);
    log(`database ${name} on ${new URL(given).host} (DATABASE_URL); migrating`);
    await migrateDeploy(url);
    return {
      url,
      where: `PostgreSQL at ${new URL(given).host} (DATABASE_URL), scratch database`,
      teardown: async () => {
        const c = new pg.Client({ connectionString: given });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => c.end());
      },
    };
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "sanad-bench-"));
  // PostgreSQL runs as its own user when we are root: it must reach the folder.
  chmodSync(dataDir, 0o755);
  log(`embedded PostgreSQL in ${dataDir}`);
  const server = await startEmbeddedPostgres({ dataDir, databases: ["sanad_bench"] });
  const url = server.url("sanad_bench");
  await migrateDeploy(url);
  let version = "";
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  version = (await c.query("SHOW server_version")).rows[0].server_version;
  await c.end();
  return {
    url,
    where: `embedded PostgreSQL ${version} (embedded-postgres package), default settings, max_connections=300`,
    teardown: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The production build, in its own folder so it never clashes with other builds. Built in
 * Next's two phases (compile, then generate), which give the same output as a plain
 * `next build` without its type-check step: type errors are the tests' business, and one in a
 * file under work elsewhere should not stop a benchmark of the code that runs.
 */
export function buildApp() {
  if (process.env.SANAD_BENCH_SKIP_BUILD === "1" && existsSync(path.join(DIST_DIR, "BUILD_ID"))) {
    log(`reusing the build in ${DIST_DIR} (SANAD_BENCH_SKIP_BUILD=1)`);
    return;
  }
  log(`next build into ${DIST_DIR}`);
  for (const mode of ["compile", "generate"]) {
    const built = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build", "--experimental-build-mode", mode], {
      stdio: ["ignore", "pipe", "pipe"],
      encoding: "utf8",
      env: { ...process.env, SANAD_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: "postgresql://build:build@127.0.0.1:1/build" },
    });
    if (built.status !== 0) throw new Error(`next build (${mode}) failed:\n${built.stdout}\n${built.stderr}`);
  }
}

export type App = { url: string; port: number; pid: number; serverPids: () => number[]; stop: () => Promise<void>; output: () => string };

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) out.push(Number(entry));
    } catch {
      /* gone */
    }
  }
  return out;
}

/** The process and its descendants. */
export function processTree(pid: number): number[] {
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...childrenOf(all[i]));
  return all;
}

export function memoryOf(pid: number): { rssMb: number; hwmMb: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0);
    return { rssMb: kb("VmRSS") / 1024, hwmMb: kb("VmHWM") / 1024 };
  } catch {
    return { rssMb: 0, hwmMb: 0 };
  }
}

/** `next start` on the bench build and database; resolves once /api/health answers. */
export async function startApp({ databaseUrl, poolSize, nodeOptions }: { databaseUrl: string; poolSize: number; nodeOptions?: string }): Promise<App> {
  const port = await findFreePort(43000 + Math.floor(Math.random() * 2000));
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  // SANAD_BENCH_APP_NODE_ARGS: node's own flags for every app process, e.g. "--cpu-prof
  // --cpu-prof-dir=DIR" to profile the app under a benchmark's load (bench/profile-summary.mjs).
  const nodeArgs = (process.env.SANAD_BENCH_APP_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, "node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: SECRET,
      NEXTAUTH_URL: url,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
      LOG_LEVEL: "error",
      SANAD_DIST_DIR: DIST_DIR,
      SANAD_DB_POOL_SIZE: String(poolSize),
      ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (d: Buffer) => {
    output += d;
    if (output.length > 100_000) output = output.slice(-50_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the app did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const pid = child.pid!;
  return {
    url,
    port,
    pid,
    serverPids: () => processTree(pid),
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      let timer: NodeJS.Timeout | undefined;
      const late = await Promise.race([exited.then(() => false), new Promise<boolean>((r) => (timer = setTimeout(() => r(true), 5_000)))]);
      clearTimeout(timer);
      if (late) {
        for (const p of processTree(pid).reverse()) {
          try {
            process.kill(p, "SIGKILL");
          } catch {
            /* gone */
          }
        }
      }
      child.stdout?.destroy();
      child.stderr?.destroy();
    },
  };
}

/** User and system CPU a process has used, in seconds. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

export function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}
