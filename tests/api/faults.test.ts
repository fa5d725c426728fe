// PostgreSQL stopped under load. This file runs its own PostgreSQL (embedded, in a temporary
// folder) and its own `next start`, so stopping the database disturbs no other test.
//   - while it is down, requests fail fast with 503 and a clear error, never a 500;
//   - no half-written article or claim: each one in the database is whole (its sentences, its
//     audit event), committed or not at all;
//   - when it is back, the same app process serves again, without a restart;
//   - every write the app acknowledged (201) is in the database.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { ensureDatabase, startEmbeddedPostgres, type RunningPostgres } from "@/lib/database/embedded-postgres";
import { migrateDeploy } from "@/lib/database/migrate";
import { startOwnApp, type OwnApp } from "./harness";

let dir: string;
let server: RunningPostgres | null = null;
let port: number;
let databaseUrl: string;
let app: OwnApp;
const token = `sanad_${randomBytes(32).toString("base64url")}`;
const projectId = randomUUID();

async function sql<T extends pg.QueryResultRow = any>(text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "sanad-faults-"));
  // PostgreSQL runs as its own user when the tests run as root: it must reach the folder.
  chmodSync(dir, 0o755);
  server = await startEmbeddedPostgres({ dataDir: dir });
  port = server.port;
  await ensureDatabase(server.url("postgres"), "sanad");
  databaseUrl = server.url("sanad");
  await migrateDeploy(databaseUrl);
  const userId = randomUUID();
  await sql(`INSERT INTO users (id, email, name, password_hash, updated_at) VALUES ($1, $2, 'Faults', 'scrypt$1$1$1$AA==$AA==', now())`, [userId, `${userId}@sanad.test`]);
  await sql(`INSERT INTO api_tokens (id, user_id, label, token_hash) VALUES ($1, $2, 'faults', $3)`, [randomUUID(), userId, createHash("sha256").update(token).digest("hex")]);
  await sql(`INSERT INTO projects (id, name, updated_at) VALUES ($1, 'Faults', now())`, [projectId]);
  await sql(`INSERT INTO memberships (id, project_id, user_id, role) VALUES ($1, $2, $3, 'reviewer')`, [randomUUID(), projectId, userId]);
  app = await startOwnApp({ DATABASE_URL: databaseUrl, SANAD_DB_POOL_SIZE: "5" });
}, 240_000);

afterAll(async () => {
  await app?.stop();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 60_000);

type Outcome = { kind: "article" | "claim"; status: number; body: any; started: number; ms: number; id?: string; retryAfter?: string | null };

const ARTICLE = "The ministry said 7 million people were freed. Its spokesman later said 7.7 million. Both were quoted on Monday.";

async function call(method: string, p: string, body: unknown) {
  const res = await fetch(app.url + p, {
    method,
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await res.text();
  let parsed: any = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* kept as text */
  }
  return { status: res.status, body: parsed, headers: res.headers };
}

/** Writers that import an article and flag a claim on it, over and over, until told to stop. */
function load(writers: number) {
  const outcomes: Outcome[] = [];
  let running = true;
  const loops = Array.from({ length: writers }, async (_, w) => {
    for (let i = 0; running; i++) {
      let started = Date.now();
      const article = await call("POST", `/api/v1/projects/${projectId}/articles`, { title: `w${w} #${i}`, body: `${ARTICLE} ${w}-${i}-${randomUUID()}` });
      outcomes.push({ kind: "article", status: article.status, body: article.body, started, ms: Date.now() - started, id: article.body?.id, retryAfter: article.headers.get("retry-after") });
      if (article.status !== 201) {
        await new Promise((r) => setTimeout(r, 100));
        continue;
      }
      const start = (article.body.body as string).indexOf("7.7 million");
      started = Date.now();
      const claim = await call("POST", `/api/v1/articles/${article.body.id}/claims`, { start, end: start + 11, note: `w${w} #${i}` });
      outcomes.push({ kind: "claim", status: claim.status, body: claim.body, started, ms: Date.now() - started, id: claim.body?.id, retryAfter: claim.headers.get("retry-after") });
    }
  });
  return {
    outcomes,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("PostgreSQL stops under load", () => {
  it("503 while it is down, the same process serves when it is back, no acknowledged write lost, nothing half-written", async () => {
    onTestFailed(() => console.error(`the app's log:\n${app.output().slice(-6000)}`));
    const pid = app.child.pid;
    const writes = load(4);
    await sleep(3_000);
    expect(writes.outcomes.filter((o) => o.status === 201).length, "writes succeed before the fault").toBeGreaterThan(0);

    // Down.
    const stopping = Date.now();
    await server!.stop();
    server = null;
    const down = Date.now();
    await sleep(4_000);
    const health = await fetch(`${app.url}/api/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ status: "unavailable", database: "unreachable" });

    // Back, on the same port and folder; the app is not touched.
    server = await startEmbeddedPostgres({ dataDir: dir, port });
    const up = Date.now();
    const deadline = Date.now() + 60_000;
    for (;;) {
      const res = await fetch(`${app.url}/api/health`).catch(() => null);
      if (res?.status === 200) break;
      expect(Date.now(), "the app serves again within a minute of PostgreSQL's return").toBeLessThan(deadline);
      await sleep(250);
    }
    const recovered = Date.now();
    await sleep(3_000);
    await writes.stop();
    expect(app.child.pid).toBe(pid);
    expect(app.child.exitCode).toBeNull();

    const all = writes.outcomes;
    // Never a 500, whatever the moment: an answer is a success or "unavailable".
    const statuses = new Set(all.map((o) => o.status));
    expect([...statuses].filter((s) => s !== 201 && s !== 503), JSON.stringify(all.filter((o) => o.status !== 201 && o.status !== 503).slice(0, 3))).toEqual([]);
    // While down: 503 with a clear error, fast.
    const whileDown = all.filter((o) => o.started >= down + 500 && o.started + o.ms <= up);
    expect(whileDown.length, "requests were made while PostgreSQL was down").toBeGreaterThan(3);
    for (const o of whileDown) {
      expect(o.status).toBe(503);
      expect(o.body.error.code).toBe("unavailable");
      expect(o.body.error.message).toMatch(/database/i);
      expect(Number(o.retryAfter)).toBeGreaterThan(0);
      // The pool gives up on a refused connection at once (and after 5 s at worst).
      expect(o.ms, "fails fast").toBeLessThan(10_000);
    }
    // After: served again by the same process.
    const after = all.filter((o) => o.started >= recovered);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((o) => o.status === 201), JSON.stringify(after.filter((o) => o.status !== 201).slice(0, 3))).toBe(true);

    // Every acknowledged write is in the database.
    const ackedArticles = all.filter((o) => o.kind === "article" && o.status === 201).map((o) => o.id!);
    const ackedClaims = all.filter((o) => o.kind === "claim" && o.status === 201).map((o) => o.id!);
    const articles = await sql<{ id: string; sentences: number; audits: number }>(
      `SELECT a.id,
              (SELECT count(*)::int FROM sentences s WHERE s.article_id = a.id) AS sentences,
              (SELECT count(*)::int FROM audit_events e WHERE e.entity = 'article' AND e.entity_id = a.id AND e.action = 'import') AS audits
         FROM articles a WHERE a.project_id = $1`,
      [projectId],
    );
    const claims = await sql<{ id: string; audits: number }>(
      `SELECT c.id, (SELECT count(*)::int FROM audit_events e WHERE e.entity = 'claim' AND e.entity_id = c.id AND e.action = 'create') AS audits
         FROM claims c WHERE c.project_id = $1`,
      [projectId],
    );
    const articleIds = new Set(articles.map((a) => a.id));
    const claimIds = new Set(claims.map((c) => c.id));
    expect(ackedArticles.filter((id) => !articleIds.has(id)), "acknowledged articles lost").toEqual([]);
    expect(ackedClaims.filter((id) => !claimIds.has(id)), "acknowledged claims lost").toEqual([]);
    // Whole or absent: an article with its sentences and audit event, a claim with its audit event.
    for (const a of articles) expect([a.sentences > 0, a.audits], a.id).toEqual([true, 1]);
    for (const c of claims) expect(c.audits, c.id).toBe(1);
    console.info(
      JSON.stringify({
        faults: {
          requests: all.length,
          acknowledgedArticles: ackedArticles.length,
          acknowledgedClaims: ackedClaims.length,
          articlesInDatabase: articles.length,
          claimsInDatabase: claims.length,
          unavailable: all.filter((o) => o.status === 503).length,
          stopMs: down - stopping,
          recoveryMs: recovered - up,
        },
      }),
    );
  }, 240_000);
});
