import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/write-audit";
import { canAnnotate } from "@/lib/permissions/roles";
import { getClaimOrThrow } from "@/lib/claims/get-claim-or-throw";
import { spanFacts } from "@/lib/claims/span";
import { presentClaim } from "@/lib/claims/present-claim";
import type { UpdateClaimInput } from "@/lib/validation/claim";

export function staleVersion(current: Parameters<typeof presentClaim>[0]) {
  return new AppError("conflict", `The claim has changed since version you edited (it is now at version ${current.version}).`, {
    current: presentClaim(current),
  });
}

/** Edits a claim's span, kind or note; `version` must be the one the edit was based on. */
export async function updateClaim({ actor, claimId, input }: { actor: Actor; claimId: string; input: UpdateClaimInput }) {
  const { claim } = await getClaimOrThrow({ actor, claimId, allowed: canAnnotate, what: "edit claims" });
  if (claim.version !== input.version) throw staleVersion(claim);
  if (claim.status === "retracted") throw new AppError("conflict", "The claim is retracted; restore it first.", { current: presentClaim(claim) });
  const start = input.start ?? claim.start;
  const end = input.end ?? claim.end;
  const spanChanged = start !== claim.start || end !== claim.end;
  const article = spanChanged ? await db.article.findUniqueOrThrow({ where: { id: claim.articleId }, select: { id: true, body: true } }) : null;
  const facts = article ? await spanFacts(db, article, start, end) : null;
  const updated = await db.$transaction(async (tx) => {
    const result = await tx.claim.updateMany({
      where: { id: claimId, version: input.version },
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
    if (result.count === 0) throw staleVersion(await tx.claim.findUniqueOrThrow({ where: { id: claimId } }));
    const after = await tx.claim.findUniqueOrThrow({ where: { id: claimId } });
    await writeAudit(tx, { actorId: actor.id, projectId: claim.projectId, entity: "claim", entityId: claimId, action: "update", before: presentClaim(claim), after: presentClaim(after) });
    return after;
  });
  return presentClaim(updated);
}
