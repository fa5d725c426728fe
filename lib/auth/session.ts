import "server-only";
import { cookies } from "next/headers";
import { decode, getToken } from "next-auth/jwt";
import { db, queryRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { logRefusedCookie } from "@/lib/auth/options";
import { AppError } from "@/lib/errors";
import { hashToken } from "@/lib/auth/token-hash";
import { getEnv } from "@/lib/env";
import type { ProjectRole } from "@/lib/permissions/roles";

export type Actor = {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  via: "session" | "token";
  // Browser sessions only (issue 16): the server-side session, how it signed in, whether the
  // account has two-factor on, when the session last passed it, whether it must enrol first.
  sessionId?: string;
  method?: "password" | "oidc";
  twoFactor?: boolean;
  twoFactorAt?: number | null;
  mustEnrol?: boolean;
  // Token callers of a route that names an article: the article and the caller's role in its
  // project, read in the same query as the token. Only read here; what the role allows is the
  // operation's decision (lib/claims/internal/article-to-annotate.ts).
  article?: ArticleAccess;
};

export type ArticleAccess = { id: string; projectId: string; body: string; role: ProjectRole | null };


type TokenRow = {
  id: string; usable: boolean; stale_use: boolean; user_id: string; email: string; name: string; is_admin: boolean;
  article_id: string | null; project_id: string | null; body: string | null; role: ProjectRole | null;
};

async function actorFromToken(token: string, articleId: string | null): Promise<Actor | null> {
  // Every API call starts here: one joined query, on the pool (queryRows; Prisma's `include`
  // would cost two round trips and two query compilations; see docs/benchmarks.md). For a route
  // that names an article, the article and the caller's membership of its project come with it
  // (claim creation, the hottest write, needs both). Timestamps are compared in SQL (stored in
  // UTC, as Prisma writes them).
  const [found] = await queryRows<TokenRow>(Prisma.sql`
    SELECT t.id, t.revoked_at IS NULL AND u.deactivated_at IS NULL AS usable,
           (t.last_used_at IS NULL OR t.last_used_at < (now() AT TIME ZONE 'UTC') - interval '60 seconds') AS stale_use,
           u.id AS user_id, u.email, u.name, u.is_admin,
           a.id AS article_id, a.project_id, a.body, m.role::text AS role
    FROM api_tokens t JOIN users u ON u.id = t.user_id
    LEFT JOIN articles a ON a.id = ${articleId}
    LEFT JOIN memberships m ON m.project_id = a.project_id AND m.user_id = u.id
    WHERE t.token_hash = ${hashToken(token)}`);
  // A deactivated account's tokens stop on the next request, whichever process serves it.
  if (!found || !found.usable) return null;
  // Last-used is informative; a minute's precision spares a write per request.
  if (found.stale_use) await db.apiToken.update({ where: { id: found.id }, data: { lastUsedAt: new Date() } });
  const article = found.article_id !== null ? { id: found.article_id, projectId: found.project_id!, body: found.body!, role: found.role } : undefined;
  return { id: found.user_id, email: found.email, name: found.name, isAdmin: found.is_admin, via: "token", ...(article ? { article } : {}) };
}

/**
 * The caller of an API route: a bearer token, else the browser session. Throws 401. A route that
 * names an article passes its id: a token caller's answer then carries the article and the
 * caller's role (Actor.article), read in the same query.
 */
export async function requireActor(request: Request, scope: { articleId?: string } = {}): Promise<Actor> {
  const header = request.headers.get("authorization");
  if (header !== null) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const actor = match ? await actorFromToken(match[1], scope.articleId ?? null) : null;
    if (!actor) throw new AppError("unauthenticated", "The API token is missing, malformed, revoked or unknown.");
    return actor;
  }
  const actor = await getSessionActor();
  if (!actor) throw new AppError("unauthenticated", "Sign in, or send Authorization: Bearer <token>.");
  assertSameOrigin(request);
  if (actor.mustEnrol && !ENROLMENT_PATHS.test(new URL(request.url).pathname)) {
    throw new AppError("forbidden", "Two-factor sign-in is required: enrol first (Settings, or /two-factor).", { reason: "two_factor_enrolment_required" });
  }
  return actor;
}

// What a session that must enrol in two-factor may still call.
const ENROLMENT_PATHS = /^\/api\/v1\/me\/(two-factor(\/.*)?|locale)$/;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A browser session's cookie travels with cross-site requests too; writes made with it must
 * come from Sanad's own pages. Token callers are not browsers and carry no ambient authority.
 * "Own" means the same origin: scheme, host and port. The request's scheme is the one the
 * browser used: X-Forwarded-Proto when a proxy in front terminates TLS, else the connection's.
 * (X-Forwarded-* cannot be set by a cross-site page without a CORS preflight, which Sanad never
 * grants, so they are not the attacker's to choose.)
 */
export function assertSameOrigin(request: Request) {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  const origin = request.headers.get("origin");
  const site = request.headers.get("sec-fetch-site");
  if (origin !== null) {
    const claimed = originOf(origin);
    if (claimed === null || claimed !== ownOrigin(request)) throw new AppError("forbidden", "Cross-site request refused.");
  } else if (site !== null && site !== "same-origin" && site !== "none") {
    throw new AppError("forbidden", "Cross-site request refused.");
  }
}

/** "scheme://host:port" with default ports dropped, as browsers serialise an Origin; null when it is not a URL. */
function originOf(value: string): string | null {
  try {
    const url = new URL(value);
    return url.origin === "null" ? null : url.origin;
  } catch {
    return null;
  }
}

function ownOrigin(request: Request): string | null {
  const first = (name: string) => request.headers.get(name)?.split(",")[0].trim() || null;
  const host = first("x-forwarded-host") ?? request.headers.get("host");
  const scheme = (first("x-forwarded-proto") ?? new URL(request.url).protocol.replace(/:$/, "")).toLowerCase();
  if (!host || (scheme !== "http" && scheme !== "https")) return null;
  return originOf(`${scheme}://${host}`);
}

/**
 * The signed-in user of a page or API call, or null. The cookie must decrypt (else one log line)
 * and name a live server-side session (lib/auth/start-session.ts); the user is read in the same query,
 * so the name and admin flag are current. Outside next-auth's session callback on purpose: a
 * database error here is the request's error (503), not a silent sign-out.
 */
export async function getSessionActor(): Promise<Actor | null> {
  const jar = await cookies();
  const token = await getToken({
    // Only the cookie: getToken would also read a bearer token as a session, which it is not.
    req: { cookies: Object.fromEntries(jar.getAll().map((c) => [c.name, c.value])), headers: {} } as unknown as Parameters<typeof getToken>[0]["req"],
    decode: async (params) => {
      try {
        return await decode(params);
      } catch (error) {
        logRefusedCookie(error);
        throw error;
      }
    },
  });
  if (typeof token?.sid !== "string" || typeof token.uid !== "string") return null;
  // A deactivated account has no live session, whatever its rows say.
  const [live] = await db.$queryRaw<LiveSession[]>`
    SELECT u.id, u.email, u.name, u.is_admin, u.totp_enabled_at IS NOT NULL AS two_factor
    FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE s.id = ${token.sid} AND s.user_id = ${token.uid} AND s.expires_at > now() AND u.deactivated_at IS NULL`;
  if (!live) return null;
  const method = token.method === "oidc" ? "oidc" : "password";
  // With single sign-on, the second factor is the identity provider's business.
  const mustEnrol = method === "password" && !live.two_factor && getEnv().SANAD_REQUIRE_2FA === "1";
  return {
    id: live.id,
    email: live.email,
    name: live.name,
    isAdmin: live.is_admin,
    via: "session",
    sessionId: token.sid,
    method,
    twoFactor: live.two_factor,
    twoFactorAt: token.twoFactorAt ?? null,
    mustEnrol,
  };
}

type LiveSession = { id: string; email: string; name: string; is_admin: boolean; two_factor: boolean };
