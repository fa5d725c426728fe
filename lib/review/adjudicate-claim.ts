import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { canAdjudicate } from "@/lib/permissions/roles";
import { getClaimOrThrow } from "@/lib/claims/get-claim-or-throw";
import type { Rating } from "@/lib/validation/claim";
import { insertAdjudication } from "@/lib/review/internal/insert-adjudication";

/** An editor's final verdict on a claim: it becomes verified; a second editor at once gets 409. */
export async function adjudicateClaim({ actor, claimId, rating, note }: { actor: Actor; claimId: string; rating: Rating; note: string }) {
  await getClaimOrThrow({ actor, claimId, allowed: canAdjudicate, what: "adjudicate claims" });
  return db.$transaction((tx) => insertAdjudication(tx, claimId, actor.id, rating, note));
}
