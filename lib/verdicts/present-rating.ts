import { RATING_LABELS, type Rating } from "@/lib/validation/claim";

/** A stored rating ("1".."5" or "unverifiable") as the API shows it: a number (or "unverifiable") and its label. */
export function presentRating(rating: string) {
  return { rating: rating === "unverifiable" ? ("unverifiable" as const) : Number(rating), label: RATING_LABELS[rating as Rating] };
}
