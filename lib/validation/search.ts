import { z } from "zod";
import { RATINGS } from "@/lib/validation/claim";
import { dateInput, idParam, optional, text } from "@/lib/validation/common";
import { endOfDay } from "@/lib/validation/export";
import { MAX_QUERY_LENGTH } from "@/lib/search/parse-query";

export const SEARCH_TYPES = ["claims", "articles", "fact-checks"] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];
export const CLAIM_STATUSES = ["open", "disputed", "verified", "retracted"] as const;

export const searchQueryText = z.preprocess(
  (v) => (v === undefined || v === null ? "" : v),
  text(MAX_QUERY_LENGTH).refine((s) => s.trim().length > 0, "is required: the words to search for"),
);

export const searchQuerySchema = z
  .object({
    q: searchQueryText,
    projectId: optional(idParam),
    type: optional(z.enum(SEARCH_TYPES, `must be one of ${SEARCH_TYPES.join(", ")}`)),
    status: optional(z.enum(CLAIM_STATUSES, `must be one of ${CLAIM_STATUSES.join(", ")}`)),
    rating: optional(z.enum(RATINGS, `must be one of ${RATINGS.join(", ")}`)),
    from: optional(dateInput),
    to: optional(endOfDay),
    cursor: optional(z.string().max(200, "is invalid")),
    limit: z.coerce.number("must be a number").int("must be a whole number").min(1, "must be at least 1").max(50, "must be at most 50").default(20),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: "must not be before from", path: ["to"] })
  .refine((v) => !(v.status || v.rating) || v.type === undefined || v.type === "claims", {
    message: "status and rating filter claims only: use type=claims",
    path: ["type"],
  });
export type SearchQuery = z.output<typeof searchQuerySchema>;
