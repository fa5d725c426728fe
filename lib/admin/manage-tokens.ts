import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { hashToken } from "@/lib/auth/token-hash";
import { AppError } from "@/lib/errors";
import { auditActor, writeAudit } from "@/lib/audit/write-audit";
import type { AnyActor } from "@/lib/auth/system-actor";

/** A new personal API token for userId: returned once, stored only as a hash. `actor` made it (the user, or the command line). */
export async function createToken({ userId, label, actor }: { userId: string; label?: string; actor: AnyActor }) {
  const token = `sanad_${randomBytes(32).toString("base64url")}`;
  return db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({ data: { userId, label: label ?? "", tokenHash: hashToken(token) } });
    await writeAudit(tx, { ...auditActor(actor), projectId: null, entity: "token", entityId: row.id, action: "create", after: { userId, label: row.label } });
    return { id: row.id, label: row.label, token, createdAt: row.createdAt };
  });
}

export async function listTokens({ actor }: { actor: Actor }) {
  const rows = await db.apiToken.findMany({ where: { userId: actor.id }, orderBy: { createdAt: "desc" } });
  return rows.map((r) => ({ id: r.id, label: r.label, createdAt: r.createdAt, lastUsedAt: r.lastUsedAt, revokedAt: r.revokedAt }));
}

export async function revokeToken({ actor, tokenId }: { actor: Actor; tokenId: string }) {
  const row = await db.apiToken.findUnique({ where: { id: tokenId } });
  // Another user's token is as unknown as a missing one, unless the caller is an admin.
  if (!row || (row.userId !== actor.id && !actor.isAdmin)) throw new AppError("not_found", "Token not found.");
  if (row.revokedAt) return { id: row.id, revokedAt: row.revokedAt };
  return db.$transaction(async (tx) => {
    const after = await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() } });
    await writeAudit(tx, { actorId: actor.id, projectId: null, entity: "token", entityId: row.id, action: "revoke" });
    return { id: after.id, revokedAt: after.revokedAt };
  });
}
