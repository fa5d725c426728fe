// A claim is disputed when its reviewers' ratings differ; verification and retraction are
// decided by people, never by this rule.
export type ClaimStatus = "open" | "disputed" | "verified" | "retracted";

export function statusAfterVerdicts(current: ClaimStatus, ratings: string[]): ClaimStatus {
  if (current === "verified" || current === "retracted") return current;
  return new Set(ratings).size >= 2 ? "disputed" : "open";
}
