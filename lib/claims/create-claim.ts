import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { canSeeAllVerdicts } from "@/lib/permissions/roles";
import { articleToAnnotate } from "@/lib/claims/internal/article-to-annotate";
import { insertClaim, type NewClaim } from "@/lib/claims/internal/insert-claim";
import { presentClaimTo } from "@/lib/claims/blind";
import { takeSuggestion } from "@/lib/suggestions/take-suggestion";
import type { CreateClaimInput } from "@/lib/validation/claim";

/** Flags a claim on a span of an article, optionally taking the claim suggestion it came from. */
export async function createClaim({ actor, articleId, input }: { actor: Actor; articleId: string; input: CreateClaimInput }) {
  const { article, member } = await articleToAnnotate(actor, articleId);
  const claim: NewClaim = { actorId: actor.id, article, start: input.start, end: input.end, kind: input.kind, note: input.note, suggestionId: input.suggestionId };
  let created;
  if (!input.suggestionId) {
    // The claim, its audit row and its feed row are one statement (insertClaim): no interactive
    // transaction, whose BEGIN and COMMIT would be two more round trips.
    created = await insertClaim(undefined, claim);
  } else {
    const suggestion = await db.suggestion.findUnique({ where: { id: input.suggestionId } });
    if (!suggestion || suggestion.articleId !== articleId) {
      throw new AppError("invalid_input", "Unknown suggestion for this article.", { fields: { suggestionId: "is not a suggestion of this article" } });
    }
    if (suggestion.type !== "claim") {
      throw new AppError("invalid_input", "Accept a contradiction through POST /api/v1/suggestions/{id}/accept.", { fields: { suggestionId: "is a contradiction, not a claim suggestion" } });
    }
    const suggestionId = input.suggestionId;
    created = await db.$transaction(async (tx) => {
      await takeSuggestion(tx, suggestionId, "accepted", actor.id);
      return insertClaim(tx, claim);
    });
  }
  // A new claim has no verdicts yet; the shape is the one every claim answer has.
  return presentClaimTo(created, canSeeAllVerdicts(member));
}
