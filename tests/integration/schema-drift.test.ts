import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";

// prisma/schema.prisma must model everything the migrations made (foreign keys, indexes, generated
// columns): otherwise the next `prisma migrate diff`, the way a migration is written here
// (README, "Working on the database"), proposes dropping what it does not know. The diff
// replays the migrations on a shadow database of the test server (prisma/migrate-adapter.ts).
describe("schema and migrations", () => {
  it("prisma migrate diff from the migrations to the schema is empty", () => {
    const run = spawnSync(
      process.execPath,
      [path.join("node_modules", "prisma", "build", "index.js"), "migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema-datamodel", "prisma/schema.prisma", "--script", "--exit-code"],
      { env: { ...process.env, DATABASE_URL: inject("adminUrl") }, encoding: "utf8", timeout: 120_000 },
    );
    // --exit-code: 0 for an empty diff, 2 for a non-empty one, 1 for an error.
    expect({ status: run.status, stdout: run.stdout.trim(), stderr: run.status === 0 ? "" : run.stderr.slice(0, 2000) }).toEqual({
      status: 0,
      stdout: "-- This is an empty migration.",
      stderr: "",
    });
  }, 180_000);
});
