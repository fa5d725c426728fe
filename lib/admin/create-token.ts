import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { hashToken } from "@/lib/auth/token-hash";
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
