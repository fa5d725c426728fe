import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Claim } from "@/lib/generated/prisma/client";
import { canAnnotate, type MemberContext } from "@/lib/permissions/roles";
import { getClaimOrThrow } from "@/lib/claims/get-claim-or-throw";
import { spanFacts } from "@/lib/claims/span";
import { presentClaim } from "@/lib/claims/present-claim";
import { presentClaimFor } from "@/lib/claims/blind";
import type { UpdateClaimInput } from "@/lib/validation/claim";

type Viewer = { actor: Actor; member: MemberContext };

export async function staleVersion(viewer: Viewer, current: Claim) {
  return new AppError("conflict", `The claim has changed since version you edited (it is now at version ${current.version}).`, {
    reason: "stale_version",
    params: { version: current.version },
    current: await presentClaimFor(viewer.actor, viewer.member, current),
  });
}

/**
 * A verified claim is what an editor judged, and what the export publishes: its span, text,
 * sources and retraction change only after an editor reopens it, for editors too.
 */
export async function refuseIfVerified(viewer: Viewer, claim: Claim, what: string) {
  if (claim.status !== "verified") return;
  throw new AppError("conflict", `The claim is verified; an editor must reopen it before ${what}.`, {
    reason: "claim_verified",
    current: await presentClaimFor(viewer.actor, viewer.member, claim),
  });
}

/** Edits a claim's span, kind or note; `version` must be the one the edit was based on. */
export async function updateClaim({ actor, claimId, input }: { actor: Actor; claimId: string; input: UpdateClaimInput }) {
  const { claim, member } = await getClaimOrThrow({ actor, claimId, allowed: canAnnotate, what: "edit claims" });
  const viewer = { actor, member };
  if (claim.version !== input.version) throw await staleVersion(viewer, claim);
  if (claim.status === "retracted") throw new AppError("conflict", "The claim is retracted; restore it first.", { current: await presentClaimFor(actor, member, claim), reason: "claim_retracted" });
  await refuseIfVerified(viewer, claim, "it is edited");
  const start = input.start ?? claim.start;
  const end = input.end ?? claim.end;
  const spanChanged = start !== claim.start || end !== claim.end;
  const article = spanChanged ? await db.article.findUniqueOrThrow({ where: { id: claim.articleId }, select: { id: true, body: true } }) : null;
  const facts = article ? await spanFacts(db, article, start, end) : null;
  const updated = await db.$transaction(async (tx) => {
    // Not verified meanwhile: an adjudication also moves the version on.
    const result = await tx.claim.updateMany({
      where: { id: claimId, version: input.version, status: { notIn: ["verified", "retracted"] } },
      data: {
        version: { increment: 1 },
        ...(input.kind !== undefined ? { kind: input.kind } : {}),
        ...(input.note !== undefined ? { note: input.note } : {}),
        ...(facts
          ? {
              start,
              end,
              text: facts.text,
              prefix: facts.prefix,
              suffix: facts.suffix,
              sentenceIndexes: facts.sentenceIndexes,
              quantityValue: facts.quantity?.value ?? null,
              quantityKind: facts.quantity?.kind ?? null,
              quantityUnit: facts.quantity?.unit ?? null,
            }
          : {}),
      },
    });
    if (result.count === 0) throw await staleVersion(viewer, await tx.claim.findUniqueOrThrow({ where: { id: claimId } }));
    const after = await tx.claim.findUniqueOrThrow({ where: { id: claimId } });
    await writeAudit(tx, { actorId: actor.id, projectId: claim.projectId, entity: "claim", entityId: claimId, action: "update", before: presentClaim(claim), after: presentClaim(after) });
    return after;
  });
  return presentClaimFor(actor, member, updated);
}
