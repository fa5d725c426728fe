import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import type { MemberContext } from "@/lib/permissions/roles";
import { requireMember } from "@/lib/projects/require-member";

/** A claim the caller may act on; outsiders get the same 404 as for a missing claim. */
export async function getClaimOrThrow({
  actor,
  claimId,
  allowed,
  what,
}: {
  actor: Actor;
  claimId: string;
  allowed?: (m: MemberContext) => boolean;
  what?: string;
}) {
  const claim = await db.claim.findUnique({ where: { id: claimId } });
  if (!claim) throw new AppError("not_found", "Claim not found.");
  const member = await requireMember(actor, claim.projectId, allowed, what, "Claim not found.");
  return { claim, member };
}
