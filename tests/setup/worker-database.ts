// Each test worker gets its own database, cloned from the migrated template, emptied between tests.
import pg from "pg";
import { afterAll, beforeEach, inject } from "vitest";
import { withDatabase } from "./global-database";

const adminUrl = inject("adminUrl");
const templateDb = inject("templateDb");
const runId = inject("runId");
const name = `sanad_w${process.env.VITEST_POOL_ID ?? "0"}_${runId}`;
const url = withDatabase(adminUrl, name);

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
if (exists.rowCount === 0) {
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDb}"`);
  } catch (e) {
    if ((e as { code?: string }).code !== "42P04") throw e;
  }
}
await admin.end();
process.env.DATABASE_URL = url;

const cleaner = new pg.Client({ connectionString: url });
await cleaner.connect();
const { rows } = await cleaner.query(
  "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'",
);
const tables = rows.map((r) => `"${r.tablename}"`).join(", ");

beforeEach(async () => {
  // The audit trail refuses TRUNCATE by trigger; replica mode lets the test harness reset it.
  await cleaner.query(`SET session_replication_role = replica; TRUNCATE ${tables} CASCADE; SET session_replication_role = DEFAULT;`);
});

afterAll(async () => {
  await cleaner.end();
});
