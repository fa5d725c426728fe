import "server-only";
import { getServerSession } from "next-auth";
import { db } from "@/lib/db";
import { authOptions } from "@/lib/auth/options";
import { AppError } from "@/lib/errors";
import { hashToken } from "@/lib/auth/token-hash";
import { getEnv } from "@/lib/env";

export type Actor = {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  via: "session" | "token";
  // Browser sessions only (issue 16): how the session signed in, whether the account has
  // two-factor on, when the session last passed it, and whether it must enrol before anything.
  method?: "password" | "oidc";
  twoFactor?: boolean;
  twoFactorAt?: number | null;
  mustEnrol?: boolean;
};


type TokenRow = { id: string; revoked_at: Date | null; last_used_at: Date | null; user_id: string; email: string; name: string; is_admin: boolean; deactivated_at: Date | null };

async function actorFromToken(token: string): Promise<Actor | null> {
  // Every API call starts here: one joined query (Prisma's `include` would cost two round trips
  // and two query compilations; see docs/benchmarks.md).
  const [found] = await db.$queryRaw<TokenRow[]>`
    SELECT t.id, t.revoked_at, t.last_used_at, u.id AS user_id, u.email, u.name, u.is_admin, u.deactivated_at
    FROM api_tokens t JOIN users u ON u.id = t.user_id
    WHERE t.token_hash = ${hashToken(token)}`;
  // A deactivated account's tokens stop on the next request, whichever process serves it.
  if (!found || found.revoked_at || found.deactivated_at) return null;
  // Last-used is informative; a minute's precision spares a write per request.
  if (!found.last_used_at || Date.now() - found.last_used_at.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: found.id }, data: { lastUsedAt: new Date() } });
  }
  return { id: found.user_id, email: found.email, name: found.name, isAdmin: found.is_admin, via: "token" };
}

/** The caller of an API route: a bearer token, else the browser session. Throws 401. */
export async function requireActor(request: Request): Promise<Actor> {
  const header = request.headers.get("authorization");
  if (header !== null) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const actor = match ? await actorFromToken(match[1]) : null;
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
 * The signed-in user of a page, or null. The session callback (lib/auth/options.ts) has checked
 * the cookie's server-side session and read the user from the database: an ended session, or
 * a cookie that does not decrypt, has no user.
 */
export async function getSessionActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions);
  const user = session?.user;
  if (!user?.id) return null;
  const method = user.method === "oidc" ? "oidc" : "password";
  const twoFactor = user.twoFactor === true;
  // With single sign-on, the second factor is the identity provider's business.
  const mustEnrol = method === "password" && !twoFactor && getEnv().SANAD_REQUIRE_2FA === "1";
  return { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin, via: "session", method, twoFactor, twoFactorAt: user.twoFactorAt ?? null, mustEnrol };
}
