import "server-only";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import type { Claim } from "@/lib/generated/prisma/client";
import type { MemberContext } from "@/lib/permissions/roles";
import { presentClaimFor } from "@/lib/claims/blind";

/** Who is changing a claim: the refusals below show them the claim as they may see it. */
export type Viewer = { actor: Actor; member: MemberContext };

/** 409: the change was based on another version than the claim's current one. */
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
