import "server-only";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit/write-audit";
import { getEnv } from "@/lib/env";

export type LinkRefusal = "unverified" | "no_email" | "unknown" | "deactivated" | "conflict";
export type LinkResult = { ok: true; userId: string; created: boolean } | { ok: false; reason: LinkRefusal };

// Accounts made by single sign-on have no password: this is no scrypt hash, so none matches.
export const NO_PASSWORD = "!sso";

/**
 * An identity from the configured provider, to a Sanad account: the one already linked to its
 * subject, else the one with its email when the provider vouches for the email
 * (email_verified true), else a new account with no project when sign-up is allowed.
 */
export async function linkOidcIdentity(identity: { subject: string; email?: unknown; emailVerified?: unknown; name?: unknown }): Promise<LinkResult> {
  const linked = await db.user.findUnique({ where: { oidcSubject: identity.subject } });
  if (linked) return linked.deactivatedAt ? { ok: false, reason: "deactivated" } : { ok: true, userId: linked.id, created: false };
  if (typeof identity.email !== "string" || !identity.email.includes("@")) return { ok: false, reason: "no_email" };
  if (identity.emailVerified !== true) return { ok: false, reason: "unverified" };
  const email = identity.email.trim().toLowerCase();
  const existing = await db.user.findUnique({ where: { email } });
  if (existing) {
    if (existing.deactivatedAt) return { ok: false, reason: "deactivated" };
    if (existing.oidcSubject && existing.oidcSubject !== identity.subject) return { ok: false, reason: "conflict" };
    return db.$transaction(async (tx) => {
      const changed = await tx.user.updateMany({ where: { id: existing.id, oidcSubject: null }, data: { oidcSubject: identity.subject } });
      if (changed.count === 1) await writeAudit(tx, { actorId: existing.id, projectId: null, entity: "user", entityId: existing.id, action: "link-sso" });
      return { ok: true as const, userId: existing.id, created: false };
    });
  }
  if (getEnv().SANAD_OIDC_ALLOW_SIGNUP !== "1") return { ok: false, reason: "unknown" };
  const name = typeof identity.name === "string" && identity.name.trim() ? identity.name.trim().slice(0, 200) : email.split("@")[0];
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { email, name, passwordHash: NO_PASSWORD, oidcSubject: identity.subject } });
      await writeAudit(tx, { actorId: null, projectId: null, entity: "user", entityId: user.id, action: "create", after: { email, name, isAdmin: false, via: "sso" } });
      return { ok: true as const, userId: user.id, created: true };
    });
  } catch {
    // Two first sign-ins at once: the other one made the account; link to it.
    const made = await db.user.findUnique({ where: { oidcSubject: identity.subject } });
    return made ? { ok: true, userId: made.id, created: false } : { ok: false, reason: "conflict" };
  }
}
