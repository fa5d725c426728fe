import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findFreePort } from "@/lib/database/embedded-postgres";
import { waitForHealth } from "../setup/wait-for-health";

// What `npm start` does on a desk's machine, on its own data directory: its PostgreSQL, migrations,
// seed, then the (already built) app; Ctrl-C stops everything; the next start finds the data.
const dataDir = mkdtempSync(path.join(os.tmpdir(), "sanad-npm-start-"));
chmodSync(dataDir, 0o755);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function postgresRunningOn(dir: string): boolean {
  const lock = path.join(dir, "pg", "postmaster.pid");
  if (!existsSync(lock)) return false;
  const pid = Number(readFileSync(lock, "utf8").split("\n")[0]);
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function start(port: number): Promise<{ child: ChildProcess; output: () => string }> {
  let out = "";
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), SANAD_DATA_DIR: dataDir, SANAD_DEMO_PASSWORD: "start-test-password" };
  delete env.DATABASE_URL;
  delete env.NEXTAUTH_URL;
  const child = spawn(process.execPath, ["scripts/start.mjs", "scripts/serve.ts"], { env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  await waitForHealth(`http://127.0.0.1:${port}`, child, () => out, 120_000, "npm start");
  return { child, output: () => out };
}

async function interrupt(child: ChildProcess) {
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  child.kill("SIGINT");
  return exited;
}

describe("npm start", () => {
  it("serves the seeded desk on its own PostgreSQL, stops cleanly on Ctrl-C, and finds its data again", async () => {
    const port = await findFreePort(43000 + Math.floor(Math.random() * 500));
    const first = await start(port);
    expect(first.output()).toContain("admin@sanad.test");
    expect((await fetch(`http://127.0.0.1:${port}/login`)).status).toBe(200);
    expect(postgresRunningOn(dataDir)).toBe(true);
    const health = await (await fetch(`http://127.0.0.1:${port}/api/health`)).json();
    expect(health).toEqual({ status: "ok", database: "ok" });
    // The command line works beside the running app, on the same embedded database.
    const env: NodeJS.ProcessEnv = { ...process.env, SANAD_DATA_DIR: dataDir };
    delete env.DATABASE_URL;
    const cli = spawnSync(process.execPath, ["scripts/start.mjs", "scripts/sanad.ts", "token", "create", "--email", "editor@sanad.test"], { env, encoding: "utf8", timeout: 60_000 });
    expect(cli.status, cli.stderr).toBe(0);
    const token = cli.stdout.trim();
    const projects = async () => (await (await fetch(`http://127.0.0.1:${port}/api/v1/projects`, { headers: { Authorization: `Bearer ${token}` } })).json()).items;
    const before = await projects();
    expect(before).toHaveLength(1);
    expect(before[0].articleCount).toBe(2);
    expect([0, 130]).toContain(await interrupt(first.child));
    expect(postgresRunningOn(dataDir)).toBe(false);

    const second = await start(port);
    // Seeding found everything and created nothing: no passwords were generated this time.
    const accounts = JSON.parse(readFileSync(path.join(dataDir, "demo-accounts.json"), "utf8"));
    expect(Object.keys(accounts).sort()).toEqual(["admin@sanad.test", "editor@sanad.test", "reviewer1@sanad.test", "reviewer2@sanad.test"]);
    expect(await projects()).toEqual(before);
    expect([0, 130]).toContain(await interrupt(second.child));
    expect(postgresRunningOn(dataDir)).toBe(false);
  });
});
