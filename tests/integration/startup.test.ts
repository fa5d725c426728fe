import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { DatabaseStartError, startEmbeddedPostgres } from "@/lib/database/embedded-postgres";

const dirs: string[] = [];
function tempDir() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "sanad-start-"));
  chmodSync(dir, 0o755);
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** `npm start`'s server script, with a given environment; it must fail in a sentence. */
function serve(env: Record<string, string>) {
  return spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/serve.ts"], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...env } as unknown as NodeJS.ProcessEnv,
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("start-up faults", () => {
  it("names a bad environment variable", () => {
    const r = serve({ PORT: "not-a-port", SANAD_DATA_DIR: tempDir() });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("Sanad could not start");
    expect(r.stderr).toContain("PORT");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("names what is missing from a single sign-on configuration, and a password login turned off without one", () => {
    const partial = serve({ SANAD_OIDC_ISSUER: "https://id.example.org", SANAD_DATA_DIR: tempDir() });
    expect(partial.status).toBe(1);
    expect(partial.stderr).toContain("SANAD_OIDC_CLIENT_ID: is required with SANAD_OIDC_ISSUER");
    const locked = serve({ SANAD_PASSWORD_LOGIN: "0", SANAD_DATA_DIR: tempDir() });
    expect(locked.status).toBe(1);
    expect(locked.stderr).toContain("SANAD_PASSWORD_LOGIN: 0 needs single sign-on");
    expect(locked.stderr).not.toMatch(/\n\s+at /);
  });

  it("says so plainly when DATABASE_URL cannot be reached", () => {
    const r = serve({ DATABASE_URL: "postgresql://sanad:x@127.0.0.1:1/sanad", SANAD_DATA_DIR: tempDir() });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("cannot reach the database at 127.0.0.1:1/sanad");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("embedded PostgreSQL", () => {
  it("refuses a second server on the same data directory, and recovers from a killed one's stale lock", async () => {
    const dataDir = tempDir();
    const first = await startEmbeddedPostgres({ dataDir, databases: ["sanad"] });
    try {
      const client = new pg.Client({ connectionString: first.url("sanad") });
      await client.connect();
      await client.query("CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')");
      await client.end();
      await expect(startEmbeddedPostgres({ dataDir })).rejects.toBeInstanceOf(DatabaseStartError);
      await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(/already running on the data directory/);
      // A killed run: the server dies without cleaning up, its lock file stays behind.
      const lock = path.join(dataDir, "pg", "postmaster.pid");
      const pid = Number(readFileSync(lock, "utf8").split("\n")[0]);
      process.kill(pid, "SIGKILL");
      for (let i = 0; i < 50; i++) {
        try {
          process.kill(pid, 0);
          await new Promise((r) => setTimeout(r, 100));
        } catch {
          break;
        }
      }
      expect(existsSync(lock)).toBe(true);
    } finally {
      await first.stop();
    }
    const second = await startEmbeddedPostgres({ dataDir, databases: ["sanad"] });
    try {
      const client = new pg.Client({ connectionString: second.url("sanad") });
      await client.connect();
      const { rows } = await client.query("SELECT v FROM kept");
      await client.end();
      expect(rows).toEqual([{ v: "still here" }]);
    } finally {
      await second.stop();
    }
  });
});
