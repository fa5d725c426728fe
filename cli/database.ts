import path from "node:path";
import { getEnv } from "@/lib/env";
import { startEmbeddedPostgres, type RunningPostgres } from "@/lib/database/embedded-postgres";
import { migrateDeploy } from "@/lib/database/migrate";

let embedded: RunningPostgres | null = null;

/**
 * Makes DATABASE_URL point at Sanad's database. When unset and the app is running, its
 * embedded PostgreSQL is already up: we read the port from its lock file and connect.
 * Otherwise we start it for the duration of the command.
 */
export async function connectDatabase(): Promise<void> {
  const env = getEnv();
  if (env.DATABASE_URL) return;
  const { existsSync, readFileSync } = await import("node:fs");
  const dataDir = path.resolve(env.SANAD_DATA_DIR);
  const lock = path.join(dataDir, "pg", "postmaster.pid");
  const credentials = path.join(dataDir, "pg-credentials.json");
  if (existsSync(lock) && existsSync(credentials)) {
    const lines = readFileSync(lock, "utf8").split("\n");
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = true;
    } catch (e) {
      alive = (e as NodeJS.ErrnoException).code === "EPERM";
    }
    if (alive && port) {
      const { password } = JSON.parse(readFileSync(credentials, "utf8"));
      process.env.DATABASE_URL = `postgresql://sanad:${encodeURIComponent(password)}@127.0.0.1:${port}/sanad`;
      return;
    }
  }
  embedded = await startEmbeddedPostgres({ dataDir, port: env.SANAD_PG_PORT, databases: ["sanad"] });
  process.env.DATABASE_URL = embedded.url("sanad");
  await migrateDeploy(process.env.DATABASE_URL);
}

export async function disconnectDatabase() {
  const { db } = await import("@/lib/db");
  await db.$disconnect();
  if (embedded) await embedded.stop();
}
