import "server-only";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { canAnnotate } from "@/lib/permissions/roles";
import { getClaimOrThrow } from "@/lib/claims/get-claim-or-throw";
import { presentClaim } from "@/lib/claims/present-claim";
import { presentClaimFor } from "@/lib/claims/blind";
import { refuseIfVerified, staleVersion } from "@/lib/claims/internal/guards";
import { changeClaim } from "@/lib/claims/internal/change-claim";

/** Retracting hides a claim from work lists; nothing is deleted and it can be restored (restore-claim.ts). */
export async function retractClaim({ actor, claimId, reason, version }: { actor: Actor; claimId: string; reason: string; version?: number }) {
  const { claim, member } = await getClaimOrThrow({ actor, claimId, allowed: canAnnotate, what: "retract claims" });
  const viewer = { actor, member };
  if (version !== undefined && version !== claim.version) throw await staleVersion(viewer, claim);
  if (claim.status === "retracted") throw new AppError("conflict", "The claim is already retracted.", { current: await presentClaimFor(actor, member, claim), reason: "claim_retracted" });
  await refuseIfVerified(viewer, claim, "it is retracted");
  const after = await changeClaim(viewer, claim, {
    where: { status: { notIn: ["verified", "retracted"] } },
    data: { status: "retracted", statusBeforeRetraction: claim.status, retractionReason: reason },
    action: "retract",
    auditAfter: (row) => ({ ...presentClaim(row), reason }),
  });
  return presentClaimFor(actor, member, after);
}
