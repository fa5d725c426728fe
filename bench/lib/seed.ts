// Bulk test data, written straight to the database through `db` (lib/db.ts): what would take
// hours through the API takes seconds here. Import after DATABASE_URL is set.
import { randomBytes, randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { db } from "@/lib/db";
import { hashToken } from "@/lib/auth/token-hash";
import { startSession } from "@/lib/auth/start-session";
import { unsafeCreateArticle } from "@/lib/articles/create-article";
import { SECRET } from "./harness";
import type { BenchArticle } from "./corpus";

// Passwords are never checked by the benchmarks (sessions are minted, tokens are bearer).
const NO_PASSWORD = "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

export const id = (prefix: string) => `${prefix}${randomUUID().replace(/-/g, "")}`;

export type BenchUser = { id: string; email: string; name: string; token: string };

/** Users with one API token each, members of `projectId` with `role`. */
export async function createUsers(projectId: string, count: number, role: "reviewer" | "editor", label: string): Promise<BenchUser[]> {
  const users: BenchUser[] = [];
  for (let i = 0; i < count; i++) {
    const u = { id: id("u"), email: `${label}-${i}-${randomBytes(3).toString("hex")}@bench.test`, name: `${label} ${i}`, token: `sanad_${randomBytes(24).toString("base64url")}` };
    users.push(u);
  }
  await db.user.createMany({ data: users.map((u) => ({ id: u.id, email: u.email, name: u.name, passwordHash: NO_PASSWORD, locale: "ar" })) });
  await db.membership.createMany({ data: users.map((u) => ({ id: id("m"), projectId, userId: u.id, role })) });
  await db.apiToken.createMany({ data: users.map((u) => ({ id: id("t"), userId: u.id, label: "bench", tokenHash: hashToken(u.token) })) });
  return users;
}

export async function createProject(name: string) {
  return db.project.create({ data: { id: id("p"), name, organizationName: "Bench desk" } });
}

/** Imports one article the way the app does (analysis, sentences, figures, suggestions). */
export async function importArticle(projectId: string, createdById: string, a: BenchArticle) {
  return unsafeCreateArticle({ projectId, createdById, input: { title: a.title, body: a.body, language: a.language, outlet: a.outlet, sourceUrl: a.sourceUrl, publishedAt: new Date(a.publishedAt) } });
}

/** A next-auth session cookie for a user, signed with the bench secret (what sign-in would set). */
export async function sessionCookie(user: { id: string; email: string; name: string }) {
  // A signed-in browser: a session row on the server, named by the cookie (lib/auth/start-session.ts).
  const sid = await startSession(user.id);
  const value = await encode({
    token: { sub: user.id, uid: user.id, sid, email: user.email, name: user.name, isAdmin: false, locale: "ar" },
    secret: SECRET,
    maxAge: 12 * 60 * 60,
  });
  return { name: "next-auth.session-token", value };
}
