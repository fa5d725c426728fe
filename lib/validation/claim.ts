import { z } from "zod";
import { dateTimeInput, httpUrl, idParam, optional, requiredText, text } from "@/lib/validation/common";

export const CLAIM_KINDS = ["figure", "statement", "quote", "attribution", "prediction", "other"] as const;
export const RATINGS = ["1", "2", "3", "4", "5", "unverifiable"] as const;
export type Rating = (typeof RATINGS)[number];
export const RATING_LABELS: Record<Rating, string> = {
  "1": "False",
  "2": "Mostly false",
  "3": "Mixed or misleading",
  "4": "Mostly true",
  "5": "True",
  unverifiable: "Unverifiable",
};

const offset = z
  .number("must be a number")
  .int("must be a whole number")
  .min(0, "must not be negative")
  .max(10_000_000, "is beyond any article");

export const claimKind = z.enum(CLAIM_KINDS, `must be one of ${CLAIM_KINDS.join(", ")}`);

export const createClaimSchema = z
  .object({
    start: offset,
    end: offset,
    kind: optional(claimKind),
    note: optional(text(5000)),
    suggestionId: optional(idParam),
  })
  .refine((v) => v.end > v.start, { message: "must be greater than start", path: ["end"] });
export type CreateClaimInput = z.infer<typeof createClaimSchema>;

export const updateClaimSchema = z
  .object({
    version: z.number("must be a number").int().min(1, "must be at least 1"),
    start: optional(offset),
    end: optional(offset),
    kind: optional(claimKind),
    note: optional(text(5000)),
  })
  .refine((v) => v.start === undefined || v.end === undefined || v.end > v.start, { message: "must be greater than start", path: ["end"] });
export type UpdateClaimInput = z.infer<typeof updateClaimSchema>;

export const retractClaimSchema = z.object({ reason: requiredText(2000), version: optional(z.number().int().min(1)) });
export const restoreClaimSchema = z.object({ version: optional(z.number().int().min(1)) });

export const linkClaimSchema = z.object({
  otherClaimId: idParam,
  relation: z.enum(["contradicts", "same_as"], "must be contradicts or same_as"),
});

export const sourceSchema = z.object({
  url: httpUrl,
  title: optional(text(500)),
  publisher: optional(text(300)),
  excerpt: optional(text(10_000)),
  stance: z.enum(["supports", "refutes", "context"], "must be supports, refutes or context"),
  readAt: optional(dateTimeInput),
});
export type SourceInput = z.infer<typeof sourceSchema>;

/** Ratings arrive as 1..5 (number or string) or "unverifiable"; stored as strings. */
export const ratingSchema = z.union(
  [z.literal([1, 2, 3, 4, 5]).transform((n) => String(n) as Rating), z.enum(RATINGS)],
  "must be 1, 2, 3, 4, 5 or \"unverifiable\"",
);

export const verdictSchema = z.object({
  rating: ratingSchema,
  rationale: requiredText(10_000),
  version: optional(z.number().int().min(1)),
});
export type VerdictInput = z.infer<typeof verdictSchema>;

export const adjudicationSchema = z.object({ rating: ratingSchema, note: requiredText(10_000) });
export const reopenSchema = z.object({ reason: requiredText(2000) });
