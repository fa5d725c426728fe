import "server-only";
import { getServerSession } from "next-auth";
import { db } from "@/lib/db";
import { authOptions } from "@/lib/auth/options";
import { AppError } from "@/lib/errors";
import { hashToken } from "@/lib/auth/token-hash";

export type Actor = { id: string; email: string; name: string; isAdmin: boolean; via: "session" | "token" };


type TokenRow = { id: string; revoked_at: Date | null; last_used_at: Date | null; user_id: string; email: string; name: string; is_admin: boolean };

async function actorFromToken(token: string): Promise<Actor | null> {
  // Every API call starts here: one joined query (Prisma's `include` would cost two round trips
  // and two query compilations; see docs/benchmarks.md).
  const [found] = await db.$queryRaw<TokenRow[]>`
    SELECT t.id, t.revoked_at, t.last_used_at, u.id AS user_id, u.email, u.name, u.is_admin
    FROM api_tokens t JOIN users u ON u.id = t.user_id
    WHERE t.token_hash = ${hashToken(token)}`;
  if (!found || found.revoked_at) return null;
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
  return actor;
}

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
  return { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin, via: "session" };
}
