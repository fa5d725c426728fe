// Shared by the hardening tests: browser sessions, a fingerprint of what a desk owns in the
// database (to prove a refused request changed nothing), and private app processes for tests
// that must not disturb the shared one (stopping PostgreSQL, trusting a proxy).
import { spawn, type ChildProcess } from "node:child_process";
import { inject } from "vitest";
import { db } from "@/lib/db";
import { findFreePort } from "@/lib/database/embedded-postgres";
import { PASSWORD } from "../factories";
import { waitForHealth } from "../setup/wait-for-health";

export const appUrl = inject("appUrl");

// ---------------------------------------------------------------------------------------------
// Browser sessions: what the login form does, by hand (csrf token, form post, cookies).

export type SignInAnswer = { status: number; body: any; sessionCookie: string | null; headers: Headers; ms: number };

function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]);
}

/** POSTs the credentials form as the login page does; `ms` times the POST alone. */
export async function signIn(
  email: string,
  password = PASSWORD,
  opts: { base?: string; headers?: Record<string, string>; csrf?: boolean; code?: string } = {},
): Promise<SignInAnswer> {
  const base = opts.base ?? appUrl;
  const csrfRes = await fetch(`${base}/api/auth/csrf`, { headers: opts.headers });
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const cookie = cookiesOf(csrfRes).join("; ");
  const form = new URLSearchParams({ email, password, json: "true", callbackUrl: base });
  if (opts.csrf !== false) form.set("csrfToken", csrfToken);
  // The second step of a two-factor account: a TOTP code or a recovery code.
  if (opts.code !== undefined) form.set("code", opts.code);
  const started = performance.now();
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie, ...opts.headers },
    body: form.toString(),
    redirect: "manual",
  });
  const text = await res.text();
  const ms = performance.now() - started;
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* kept as text */
  }
  const session = cookiesOf(res).find((c) => /^(__Secure-)?next-auth\.session-token=./.test(c)) ?? null;
  return { status: res.status, body, sessionCookie: session, headers: res.headers, ms };
}

/** A signed-in browser's session cookie ("next-auth.session-token=…"); throws if sign-in fails. */
export async function sessionFor(email: string, password = PASSWORD, base = appUrl): Promise<string> {
  const answer = await signIn(email, password, { base });
  if (!answer.sessionCookie) throw new Error(`sign-in failed for ${email}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.sessionCookie;
}

/** Fetches a page (or anything) as a browser with this cookie, without following redirects. */
export async function getPage(path: string, cookie?: string, base = appUrl) {
  const res = await fetch(base + path, { headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });
  return { status: res.status, headers: res.headers, html: await res.text() };
}

// ---------------------------------------------------------------------------------------------
// What a desk owns in the database, as one comparable value: row counts and a hash of every
// row's content. Equal fingerprints before and after a request mean it changed nothing
// (no insert, no update, no delete). Scoped to the desk: other test files write in parallel.

export type Scope = { projectIds: string[]; userIds: string[] };

const SCOPED_TABLES: Record<string, string> = {
  projects: `SELECT * FROM projects WHERE id = ANY($1::text[])`,
  memberships: `SELECT * FROM memberships WHERE project_id = ANY($1::text[]) OR user_id = ANY($2::text[])`,
  users: `SELECT * FROM users WHERE id = ANY($2::text[])`,
  // last_used_at is informative and refreshed by any authenticated call, even a refused one.
  api_tokens: `SELECT id, user_id, label, token_hash, created_at, revoked_at FROM api_tokens WHERE user_id = ANY($2::text[])`,
  articles: `SELECT * FROM articles WHERE project_id = ANY($1::text[]) OR created_by_id = ANY($2::text[])`,
  sentences: `SELECT s.* FROM sentences s JOIN articles a ON a.id = s.article_id WHERE a.project_id = ANY($1::text[])`,
  quantities: `SELECT q.* FROM quantities q JOIN articles a ON a.id = q.article_id WHERE a.project_id = ANY($1::text[])`,
  suggestions: `SELECT s.* FROM suggestions s JOIN articles a ON a.id = s.article_id WHERE a.project_id = ANY($1::text[])`,
  assignments: `SELECT s.* FROM assignments s JOIN articles a ON a.id = s.article_id WHERE a.project_id = ANY($1::text[])`,
  claims: `SELECT * FROM claims WHERE project_id = ANY($1::text[]) OR created_by_id = ANY($2::text[])`,
  claim_links: `SELECT l.* FROM claim_links l JOIN claims c ON c.id = l.claim_id WHERE c.project_id = ANY($1::text[])`,
  sources: `SELECT s.* FROM sources s JOIN claims c ON c.id = s.claim_id WHERE c.project_id = ANY($1::text[]) OR s.created_by_id = ANY($2::text[])`,
  verdicts: `SELECT v.* FROM verdicts v JOIN claims c ON c.id = v.claim_id WHERE c.project_id = ANY($1::text[]) OR v.reviewer_id = ANY($2::text[])`,
  adjudications: `SELECT j.* FROM adjudications j JOIN claims c ON c.id = j.claim_id WHERE c.project_id = ANY($1::text[]) OR j.editor_id = ANY($2::text[])`,
  audit_events: `SELECT * FROM audit_events WHERE project_id = ANY($1::text[]) OR actor_id = ANY($2::text[])`,
  events: `SELECT id, project_id, type, article_id, claim_id, actor_id, data, created_at FROM events WHERE project_id = ANY($1::text[]) OR actor_id = ANY($2::text[])`,
  comments: `SELECT * FROM comments WHERE project_id = ANY($1::text[]) OR author_id = ANY($2::text[])`,
  notifications: `SELECT * FROM notifications WHERE project_id = ANY($1::text[]) OR user_id = ANY($2::text[])`,
  notification_preferences: `SELECT * FROM notification_preferences WHERE user_id = ANY($2::text[])`,
  presence: `SELECT * FROM presence WHERE project_id = ANY($1::text[]) OR user_id = ANY($2::text[])`,
};

export async function fingerprint(scope: Scope): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [table, sql] of Object.entries(SCOPED_TABLES)) {
    const inner = sql.replaceAll("$1::text[]", "ARRAY(SELECT unnest(p) FROM scope)").replaceAll("$2::text[]", "ARRAY(SELECT unnest(u) FROM scope)");
    const rows = await db.$queryRawUnsafe<{ n: number; h: string }[]>(
      `WITH scope AS (SELECT $1::text[] AS p, $2::text[] AS u)
       SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM (${inner}) t`,
      scope.projectIds,
      scope.userIds,
    );
    out[table] = `${rows[0].n}:${rows[0].h}`;
  }
  return out;
}

export function scopeOf(desk: { project: { id: string }; other: { id: string }; [k: string]: any }): Scope {
  const userIds = ["editor", "reviewer", "reviewer2", "outsider", "admin"].map((k) => desk[k].user.id as string);
  return { projectIds: [desk.project.id, desk.other.id], userIds };
}

// ---------------------------------------------------------------------------------------------
// A private `next start` of the test build, for tests that need their own process.

export type OwnApp = { url: string; child: ChildProcess; output: () => string; stop: () => Promise<void> };

export async function startOwnApp(env: Record<string, string>): Promise<OwnApp> {
  const port = await findFreePort(43000 + Math.floor(Math.random() * 2000));
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      NEXTAUTH_SECRET: "sanad-test-secret-0123456789abcdefghijklmnopqrstuvwxyz",
      NEXTAUTH_URL: url,
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "error",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      let timer: NodeJS.Timeout | undefined;
      const late = await Promise.race([exited.then(() => false), new Promise<boolean>((r) => (timer = setTimeout(() => r(true), 5_000)))]);
      clearTimeout(timer);
      if (late) child.kill("SIGKILL");
    }
    child.stdout?.destroy();
    child.stderr?.destroy();
  };
  try {
    await waitForHealth(url, child, () => output, 90_000, "the private app");
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, child, output: () => output, stop };
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
