import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";

// Server-side sessions: how a browser session ends before its cookie expires.
//
// The session cookie is a next-auth JWT, sealed with NEXTAUTH_SECRET, which on its own stays valid
// until it expires (12 hours), whatever happens to the account. So each sign-in also makes a row
// in `sessions`, and the JWT carries that row's id (`sid`). Every page and API request made with
// the cookie (getSessionActor in lib/auth/session.ts) looks the row up together with its user;
// no row, or an expired one, means signed out: 401 on the API, a redirect to /login on pages.
//
//   startSession(userId)          at sign-in (next-auth's jwt callback, lib/auth/options.ts)
//   endSession(sessionId)         (end-session.ts) at sign-out (next-auth's signOut event): that
//                                 browser only
//   endAllSessions(userId, tx?, keep?)  (end-all-sessions.ts) every browser of that user (but
//                                 `keep`, the session changing its own password): call it when
//                                 an account is deactivated or its password changes, inside the
//                                 same transaction as that change. API tokens are separate (revoke
//                                 them with the token operations).
//
// Cookies issued before sessions were stored carry no `sid` and are refused: their users sign
// in again.

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/** A new server-side session for a sign-in; returns its id, which the cookie carries. */
export async function startSession(userId: string): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  const now = new Date();
  // Whatever of this user's has expired goes now: the table holds live sessions only.
  await db.$transaction([
    db.session.deleteMany({ where: { userId, expiresAt: { lt: now } } }),
    db.session.create({ data: { id, userId, createdAt: now, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) } }),
  ]);
  return id;
}
