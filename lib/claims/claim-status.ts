// A claim is disputed when its reviewers' ratings disagree; verification and retraction are
// decided by people, never by this rule. What "disagree" means is the project's setting:
// "any" (two different ratings) or "across_divide" (ratings on different sides of the scale:
// false 1-2, mixed 3, true 4-5, unverifiable; 1 vs 2 and 4 vs 5 agree).
export type ClaimStatus = "open" | "disputed" | "verified" | "retracted";
export type DisagreementRule = "any" | "across_divide";
export const DISAGREEMENT_RULES = ["any", "across_divide"] as const;

/** The category a rating counts as under a rule: itself, or its side of the scale. */
export function ratingClass(rating: string, rule: DisagreementRule = "any"): string {
  if (rule === "any") return rating;
  if (rating === "1" || rating === "2") return "false";
  if (rating === "4" || rating === "5") return "true";
  return rating;
}

export function ratingsDisagree(ratings: string[], rule: DisagreementRule = "any"): boolean {
  return new Set(ratings.map((r) => ratingClass(r, rule))).size >= 2;
}

export function statusAfterVerdicts(current: ClaimStatus, ratings: string[], rule: DisagreementRule = "any"): ClaimStatus {
  if (current === "verified" || current === "retracted") return current;
  return ratingsDisagree(ratings, rule) ? "disputed" : "open";
}
