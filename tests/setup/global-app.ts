// For API tests: the production build of Sanad, served by `next start` on its own database.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { findFreePort } from "../../lib/database/embedded-postgres";
import { withDatabase } from "./global-database";
import { waitForHealth } from "./wait-for-health";

declare module "vitest" {
  export interface ProvidedContext {
    appUrl: string;
    appDatabaseUrl: string;
  }
}

export const TEST_SECRET = "sanad-test-secret-0123456789abcdefghijklmnopqrstuvwxyz";

let app: ChildProcess | null = null;

export default async function setup(project: TestProject) {
  const adminUrl = project.getProvidedContext().adminUrl;
  const templateDb = project.getProvidedContext().templateDb;
  const runId = project.getProvidedContext().runId;
  const database = `sanad_app_${runId}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}" TEMPLATE "${templateDb}"`);
  await admin.end();
  const databaseUrl = withDatabase(adminUrl, database);

  // The tests run against what `npm start` serves; SANAD_SKIP_BUILD=1 reuses an existing build.
  const distDir = process.env.SANAD_DIST_DIR || ".next";
  if (!(process.env.SANAD_SKIP_BUILD === "1" && existsSync(`${distDir}/BUILD_ID`))) {
    const built = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: "postgresql://build:build@127.0.0.1:1/build" },
    });
    if (built.status !== 0) throw new Error("next build failed");
  }
  const port = await findFreePort(41000 + Math.floor(Math.random() * 1000));
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  app = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: TEST_SECRET,
      NEXTAUTH_URL: url,
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "error",
      SANAD_DB_POOL_SIZE: "20",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  app.stdout?.on("data", (d) => (output += d));
  app.stderr?.on("data", (d) => {
    output += d;
    if (process.env.SANAD_TEST_APP_LOG) process.stderr.write(d);
  });
  await waitForHealth(url, app, () => output, 60_000);
  project.provide("appUrl", url);
  project.provide("appDatabaseUrl", databaseUrl);
  return async () => {
    if (!app) return;
    if (app.exitCode === null && app.signalCode === null) {
      const exited = new Promise((r) => app!.once("exit", r));
      app.kill("SIGTERM");
      let timer: NodeJS.Timeout | undefined;
      const late = await Promise.race([exited.then(() => false), new Promise<boolean>((r) => (timer = setTimeout(() => r(true), 5_000)))]);
      clearTimeout(timer);
      if (late) app.kill("SIGKILL");
    }
    // Open pipes to a child keep the test runner alive after the last test.
    app.stdout?.destroy();
    app.stderr?.destroy();
  };
}
