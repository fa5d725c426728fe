import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/write-audit";
import { canAnnotate } from "@/lib/permissions/roles";
import { getClaimOrThrow } from "@/lib/claims/get-claim-or-throw";
import { statusAfterVerdicts } from "@/lib/claims/claim-status";
import { lockDisagreementRule } from "@/lib/claims/disagreement-rule";
import type { VerdictInput } from "@/lib/validation/claim";

/**
 * The caller's own verdict on a claim. The first is created without a version; replacing it
 * needs the version it was based on, so two tabs cannot silently overwrite each other.
 */
export async function putVerdict({ actor, claimId, input }: { actor: Actor; claimId: string; input: VerdictInput }) {
  const { claim } = await getClaimOrThrow({ actor, claimId, allowed: canAnnotate, what: "give verdicts" });
  try {
    return await db.$transaction(async (tx) => {
      const disagreementRule = await lockDisagreementRule(tx, claim.projectId);
      // Serializes verdicts on one claim, so the disputed status is computed on all of them.
      const [locked] = await tx.$queryRaw<{ status: string }[]>`SELECT status::text AS status FROM claims WHERE id = ${claimId} FOR UPDATE`;
      if (locked.status === "verified") throw new AppError("conflict", "The claim is verified; an editor must reopen it before verdicts change.", { reason: "claim_verified" });
      if (locked.status === "retracted") throw new AppError("conflict", "The claim is retracted.", { reason: "claim_retracted" });
      const existing = await tx.verdict.findUnique({ where: { claimId_reviewerId: { claimId, reviewerId: actor.id } } });
      let verdict;
      if (!existing) {
        if (input.version !== undefined) throw new AppError("conflict", "You have no verdict on this claim yet; send it without a version.", { current: null, reason: "stale_version" });
        verdict = await tx.verdict.create({ data: { claimId, reviewerId: actor.id, rating: input.rating, rationale: input.rationale } });
        await writeAudit(tx, { actorId: actor.id, projectId: claim.projectId, entity: "verdict", entityId: verdict.id, action: "create", after: verdict });
      } else {
        if (input.version !== existing.version) {
          throw new AppError("conflict", `You already gave a verdict (version ${existing.version}); send that version to replace it.`, { current: existing, reason: "stale_version", params: { version: existing.version } });
        }
        verdict = await tx.verdict.update({
          where: { id: existing.id },
          data: { rating: input.rating, rationale: input.rationale, version: { increment: 1 } },
        });
        await writeAudit(tx, { actorId: actor.id, projectId: claim.projectId, entity: "verdict", entityId: verdict.id, action: "update", before: existing, after: verdict });
      }
      const ratings = (await tx.verdict.findMany({ where: { claimId }, select: { rating: true } })).map((v) => v.rating);
      const status = statusAfterVerdicts(locked.status as "open" | "disputed", ratings, disagreementRule);
      if (status !== locked.status) {
        await tx.claim.update({ where: { id: claimId }, data: { status } });
        await writeAudit(tx, { actorId: actor.id, projectId: claim.projectId, entity: "claim", entityId: claimId, action: "status", before: { status: locked.status }, after: { status } });
      }
      return { verdict, claimStatus: status, created: !existing };
    });
  } catch (e) {
    // Two first verdicts from one reviewer at once: the unique index keeps one.
    if ((e as { code?: string }).code === "P2002") throw new AppError("conflict", "Your verdict was just recorded by another request; reload it.", { reason: "stale_version" });
    throw e;
  }
}
