import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit } from "@/lib/audit/write-audit";
import { statusAfterVerdicts, type DisagreementRule } from "@/lib/claims/claim-status";

/**
 * Inside a transaction, before locking any claim: the project's disagreement rule, share-locked so a
 * change of the rule waits for the verdicts being given and they wait for it (always project first,
 * then claims, so the two never deadlock).
 */
export async function lockDisagreementRule(tx: Prisma.TransactionClient, projectId: string): Promise<DisagreementRule> {
  const [row] = await tx.$queryRaw<{ rule: DisagreementRule }[]>`SELECT disagreement_rule::text AS rule FROM projects WHERE id = ${projectId} FOR SHARE`;
  return row?.rule ?? "any";
}

/**
 * Inside the transaction that changes a project's rule (the project row already locked by its
 * update): every open or disputed claim gets the status the new rule gives it, audited like a
 * verdict's status change. Returns how many claims changed.
 */
export async function applyDisagreementRule(tx: Prisma.TransactionClient, { projectId, rule, actorId }: { projectId: string; rule: DisagreementRule; actorId: string }) {
  const claims = await tx.claim.findMany({
    where: { projectId, status: { in: ["open", "disputed"] } },
    select: { id: true, status: true, verdicts: { select: { rating: true } } },
    orderBy: { id: "asc" },
  });
  let changed = 0;
  for (const c of claims) {
    const status = statusAfterVerdicts(c.status as "open" | "disputed", c.verdicts.map((v) => v.rating), rule);
    if (status === c.status) continue;
    // Only if no one changed it meanwhile (a verdict holds the claim's lock, not the project's).
    const { count } = await tx.claim.updateMany({ where: { id: c.id, status: c.status }, data: { status } });
    if (count === 0) continue;
    await writeAudit(tx, { actorId, projectId, entity: "claim", entityId: c.id, action: "status", before: { status: c.status }, after: { status, rule } });
    changed += 1;
  }
  return changed;
}
