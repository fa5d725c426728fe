import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { canAnnotate } from "@/lib/permissions/roles";
import { getClaimOrThrow } from "@/lib/claims/get-claim-or-throw";
import { spanColumns, spanFacts } from "@/lib/claims/internal/span";
import { refuseIfVerified, staleVersion } from "@/lib/claims/internal/guards";
import { changeClaim } from "@/lib/claims/internal/change-claim";
import { presentClaimFor } from "@/lib/claims/blind";
import type { UpdateClaimInput } from "@/lib/validation/claim";

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
  const facts = article ? await spanFacts(undefined, article, start, end) : null;
  const updated = await changeClaim(viewer, claim, {
    // Not verified meanwhile: an adjudication also moves the version on.
    where: { status: { notIn: ["verified", "retracted"] } },
    data: {
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.note !== undefined ? { note: input.note } : {}),
      ...(facts ? spanColumns(start, end, facts) : {}),
    },
    action: "update",
  });
  return presentClaimFor(actor, member, updated);
}
