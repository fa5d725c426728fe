import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { insertAdjudication } from "@/lib/review/internal/insert-adjudication";
import { listAgreedClaims } from "@/lib/review/list-agreed-claims";

/**
 * Verifies, in one confirmed action, the agreed claims the editor saw (their ids): each gets an
 * adjudication with the reviewers' common rating. A claim that changed meanwhile is skipped.
 */
export async function verifyAgreedClaims({ actor, projectId, claimIds, note }: { actor: Actor; projectId: string; claimIds: string[]; note?: string }) {
  const agreed = await listAgreedClaims({ actor, projectId });
  const byId = new Map(agreed.items.map((c) => [c.id, c]));
  const unknown = claimIds.filter((id) => !byId.has(id));
  if (unknown.length === claimIds.length && claimIds.length > 0) {
    throw new AppError("conflict", "None of these claims is (still) open with agreeing verdicts.", { skipped: unknown, reason: "nothing_to_verify" });
  }
  const verified: string[] = [];
  await db.$transaction(async (tx) => {
    for (const id of claimIds) {
      const c = byId.get(id);
      if (!c) continue;
      await insertAdjudication(tx, id, actor.id, c.rating, note ?? `Confirmed: ${c.verdicts} reviewers agreed.`);
      verified.push(id);
    }
  }, { timeout: 60_000 });
  return { verified, skipped: unknown };
}
