// Once per test run: a PostgreSQL (DATABASE_URL's server, or an embedded one in a temporary
// folder), and a template database with every migration applied. Workers clone the template.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type RunningPostgres } from "../../lib/database/embedded-postgres";
import { migrateDeploy } from "../../lib/database/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    adminUrl: string;
    templateDb: string;
    runId: string;
  }
}

export function withDatabase(url: string, database: string) {
  const u = new URL(url);
  u.pathname = "/" + database;
  return u.toString();
}

let server: RunningPostgres | null = null;
let dir: string | null = null;

export default async function setup(project: TestProject) {
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    dir = mkdtempSync(path.join(os.tmpdir(), "sanad-test-"));
    server = await startEmbeddedPostgres({ dataDir: dir });
    adminUrl = server.url("postgres");
  }
  const templateDb = `sanad_template_${runId}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${templateDb}"`);
  await admin.end();
  await migrateDeploy(withDatabase(adminUrl, templateDb));
  project.provide("adminUrl", adminUrl);
  project.provide("templateDb", templateDb);
  project.provide("runId", runId);

  return async () => {
    if (server) {
      await server.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    } else {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      const { rows } = await c.query("SELECT datname FROM pg_database WHERE datname LIKE $1", [`%${runId}`]);
      for (const r of rows) await c.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
      await c.end();
    }
  };
}
