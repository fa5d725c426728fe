import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import type { Claim } from "@/lib/generated/prisma/client";
import { canSeeAllVerdicts, type MemberContext } from "@/lib/permissions/roles";
import { presentClaim } from "@/lib/claims/present-claim";

/**
 * Blind review. A reviewer who has not given a verdict on a claim learns nothing of the others'
 * view of it: not their verdicts, not how many there are, not whether they disagree (the
 * "disputed" status reads "open"), and not the stance or author of sources others attached
 * (the sources themselves are shown). Their own verdict lifts all of it for that claim.
 * Editors see everything. Verified and retracted are decisions of people, shown to all.
 */
export async function verdictsVisibleTo(actor: Actor, member: MemberContext, claimIds: string[]): Promise<(claimId: string) => boolean> {
  if (canSeeAllVerdicts(member)) return () => true;
  if (claimIds.length === 0) return () => false;
  const own = await db.verdict.findMany({ where: { reviewerId: actor.id, claimId: { in: [...new Set(claimIds)] } }, select: { claimId: true } });
  const seen = new Set(own.map((v) => v.claimId));
  return (claimId) => seen.has(claimId);
}

/** A claim as the API answers it to someone who does (or does not) see its verdicts. */
export function presentClaimTo(c: Claim, seesVerdicts: boolean) {
  const view = presentClaim(c);
  return { ...view, status: !seesVerdicts && view.status === "disputed" ? ("open" as const) : view.status, verdictsHidden: !seesVerdicts };
}

type SourceRow = { id: string; createdById: string; stance: string; createdBy?: { id: string; name: string } | null };

/** Sources of a claim: in full when the viewer sees its verdicts or added them; else without stance and author. */
export function presentSourceTo<S extends SourceRow>(s: S, viewerId: string, seesVerdicts: boolean) {
  if (seesVerdicts || s.createdById === viewerId) return { ...s, stanceHidden: false };
  return { ...s, stance: null, createdById: null, createdBy: null, stanceHidden: true };
}

/** One claim as its viewer may see it (presentClaimTo after looking up the viewer's verdict). */
export async function presentClaimFor(actor: Actor, member: MemberContext, c: Claim) {
  return presentClaimTo(c, (await verdictsVisibleTo(actor, member, [c.id]))(c.id));
}
