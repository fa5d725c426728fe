// `npm start`: PostgreSQL (its own, unless DATABASE_URL is set), migrations, seed, production
// build, then `next start`. Ctrl-C stops the app and then PostgreSQL.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { EnvError, parseEnv } from "../lib/env";
import { DatabaseStartError, startEmbeddedPostgres, type RunningPostgres } from "../lib/database/embedded-postgres";
import { MigrationError, migrateDeploy } from "../lib/database/migrate";
import { checkDatabaseUrl } from "../lib/database/check-url";

const SOURCES = ["app", "components", "lib", "types", "next.config.ts", "package-lock.json", "tsconfig.json"];

function newestSourceMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const st = statSync(entry);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(entry)) {
    if (name === "generated") continue;
    newest = Math.max(newest, newestSourceMtime(path.join(entry, name)));
  }
  return newest;
}

function buildIfStale() {
  const marker = path.join(process.env.SANAD_DIST_DIR || ".next", "BUILD_ID");
  const builtAt = existsSync(marker) ? statSync(marker).mtimeMs : 0;
  if (builtAt > Math.max(...SOURCES.map(newestSourceMtime))) return;
  console.log("Sanad: building the app (next build)… this takes a minute or two the first time.");
  const result = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: "postgresql://build:build@127.0.0.1:1/build" },
  });
  if (result.status !== 0) fail("The build failed; see the messages above.");
}

function fail(message: string): never {
  console.error(`\nSanad could not start: ${message}\n`);
  process.exit(1);
}

function persistentSecret(dataDir: string): string {
  const file = path.join(dataDir, "session-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

async function main() {
  let env;
  try {
    env = parseEnv(process.env);
  } catch (e) {
    if (e instanceof EnvError) fail(e.message);
    throw e;
  }
  const dataDir = path.resolve(env.SANAD_DATA_DIR);
  mkdirSync(dataDir, { recursive: true });

  let pg: RunningPostgres | null = null;
  let app: ChildProcess | null = null;
  let stopping = false;
  const shutdown = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    console.log("\nSanad: stopping…");
    if (app && app.exitCode === null) {
      const exited = new Promise((r) => app!.once("exit", r));
      app.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    }
    if (pg) await pg.stop();
    console.log("Sanad: stopped.");
    process.exit(code);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void shutdown(0));

  let databaseUrl = env.DATABASE_URL;
  try {
    if (!databaseUrl) {
      console.log(`Sanad: starting PostgreSQL (data in ${path.join(dataDir, "pg")})…`);
      pg = await startEmbeddedPostgres({ dataDir, port: env.SANAD_PG_PORT, databases: ["sanad"] });
      databaseUrl = pg.url("sanad");
    } else {
      await checkDatabaseUrl(databaseUrl);
    }
    console.log("Sanad: applying migrations…");
    await migrateDeploy(databaseUrl);
  } catch (e) {
    if (pg) await pg.stop();
    if (e instanceof DatabaseStartError || e instanceof MigrationError) fail(e.message);
    fail(e instanceof Error ? e.message : String(e));
  }

  process.env.DATABASE_URL = databaseUrl;
  const secret = env.NEXTAUTH_SECRET ?? persistentSecret(dataDir);
  const url = env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`;

  console.log("Sanad: seeding the demo desk (only what is missing)…");
  const { seed, DEMO_ACCOUNTS } = await import("../seeds/seed");
  const seeded = await seed({ demoPassword: env.SANAD_DEMO_PASSWORD }).catch((e) => {
    void pg?.stop();
    fail(`seeding failed: ${e instanceof Error ? e.message : String(e)}`);
  });
  const passwordsFile = path.join(dataDir, "demo-accounts.json");
  const known: Record<string, string> = existsSync(passwordsFile) ? JSON.parse(readFileSync(passwordsFile, "utf8")) : {};
  for (const c of seeded.created) known[c.email] = env.SANAD_DEMO_PASSWORD ? "(SANAD_DEMO_PASSWORD)" : c.password;
  writeFileSync(passwordsFile, JSON.stringify(known, null, 2), { mode: 0o600 });
  const { db } = await import("../lib/db");
  await db.$disconnect();

  buildIfStale();

  // Next.js alone would listen on every interface; Sanad listens where HOST says (127.0.0.1 by default).
  app = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(env.PORT), "-H", env.HOST], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: secret, NEXTAUTH_URL: url, NEXT_TELEMETRY_DISABLED: "1" },
  });
  app.on("exit", (code) => {
    if (!stopping) {
      console.error(`Sanad: the web server exited (code ${code}).`);
      void shutdown(code ?? 1);
    }
  });

  const accounts = DEMO_ACCOUNTS.map((a) => `    ${a.email.padEnd(24)} ${(known[a.email] ?? "(set at first start)").padEnd(22)} ${a.isAdmin ? "admin" : a.role}`);
  console.log(
    [
      "",
      `  Sanad is starting on ${url} (listening on ${env.HOST}:${env.PORT})`,
      `  Database: ${pg ? `embedded PostgreSQL on port ${pg.port}` : "DATABASE_URL"}`,
      "  Demo accounts (email, password, role):",
      ...accounts,
      `  (passwords are kept in ${passwordsFile}; Ctrl-C stops Sanad)`,
      "",
    ].join("\n"),
  );
}

void main();
