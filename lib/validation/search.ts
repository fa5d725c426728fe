import { z } from "zod";
import { RATINGS } from "@/lib/validation/claim";
import { dateInput, idParam, limitParam, optional, text } from "@/lib/validation/common";
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
    q: searchQueryText.meta({ description: "words, \"quoted phrases\" and -excluded words; Arabic letters and digits folded, stemmed (at most 500 characters)" }),
    projectId: optional(idParam).meta({ description: "only this project (else every project the caller belongs to)" }),
    type: optional(z.enum(SEARCH_TYPES, `must be one of ${SEARCH_TYPES.join(", ")}`)).meta({ description: "claims, articles or fact-checks (default: all three)" }),
    status: optional(z.enum(CLAIM_STATUSES, `must be one of ${CLAIM_STATUSES.join(", ")}`)).meta({ description: "claims with this status (searches claims only)" }),
    rating: optional(z.enum(RATINGS, `must be one of ${RATINGS.join(", ")}`)).meta({ description: "claims with this final rating (searches claims only)" }),
    from: optional(dateInput).meta({ description: "dated (published, else created) on or after this date", format: "date" }),
    to: optional(endOfDay).meta({ description: "dated on or before this date, the whole day included", format: "date" }),
    cursor: optional(z.string().max(200, "is invalid")).meta({ description: "nextCursor of the previous page" }),
    limit: limitParam(50, 20).meta({ description: "1 to 50, default 20" }),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: "must not be before from", path: ["to"] })
  .refine((v) => !(v.status || v.rating) || v.type === undefined || v.type === "claims", {
    message: "status and rating filter claims only: use type=claims",
    path: ["type"],
  });
export type SearchQuery = z.output<typeof searchQuerySchema>;
