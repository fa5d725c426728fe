import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { hashToken } from "@/lib/auth/token-hash";
import { writeAudit } from "@/lib/audit/write-audit";

/** A new personal API token: returned once, stored only as a hash. */
export async function createToken({ userId, label, actorId }: { userId: string; label?: string; actorId: string | null }) {
  const token = `sanad_${randomBytes(32).toString("base64url")}`;
  return db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({ data: { userId, label: label ?? "", tokenHash: hashToken(token) } });
    await writeAudit(tx, { actorId, projectId: null, entity: "token", entityId: row.id, action: "create", after: { userId, label: row.label } });
    return { id: row.id, label: row.label, token, createdAt: row.createdAt };
  });
}
