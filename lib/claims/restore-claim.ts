import "server-only";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { canAnnotate } from "@/lib/permissions/roles";
import { getClaimOrThrow } from "@/lib/claims/get-claim-or-throw";
import { presentClaimFor } from "@/lib/claims/blind";
import { refuseIfVerified, staleVersion } from "@/lib/claims/internal/guards";
import { changeClaim } from "@/lib/claims/internal/change-claim";

/** Gives a retracted claim back the status it had before it was retracted. */
export async function restoreClaim({ actor, claimId, version }: { actor: Actor; claimId: string; version?: number }) {
  const { claim, member } = await getClaimOrThrow({ actor, claimId, allowed: canAnnotate, what: "restore claims" });
  const viewer = { actor, member };
  if (version !== undefined && version !== claim.version) throw await staleVersion(viewer, claim);
  await refuseIfVerified(viewer, claim, "it changes");
  if (claim.status !== "retracted") throw new AppError("conflict", "The claim is not retracted.", { current: await presentClaimFor(actor, member, claim), reason: "claim_not_retracted" });
  const after = await changeClaim(viewer, claim, {
    where: { status: "retracted" },
    data: { status: claim.statusBeforeRetraction ?? "open", statusBeforeRetraction: null, retractionReason: null },
    action: "restore",
  });
  return presentClaimFor(actor, member, after);
}
