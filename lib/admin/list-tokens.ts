import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";

/** The caller's own API tokens, newest first (never the tokens themselves, only their labels and dates). */
export async function listTokens({ actor }: { actor: Actor }) {
  const rows = await db.apiToken.findMany({ where: { userId: actor.id }, orderBy: { createdAt: "desc" } });
  return rows.map((r) => ({ id: r.id, label: r.label, createdAt: r.createdAt, lastUsedAt: r.lastUsedAt, revokedAt: r.revokedAt }));
}
