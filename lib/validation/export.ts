import { z } from "zod";
import { dateInput, idParam, optional } from "@/lib/validation/common";

export const FORMATS = ["jsonl", "csv", "claimreview", "webannotation"] as const;
export type ExportFormat = (typeof FORMATS)[number];

const DAY_ONLY = /^\s*\d{4}-\d{2}-\d{2}\s*$/;
// "to=2024-05-31" means through the end of that day, not its first millisecond.
export const endOfDay = z.preprocess(
  (v) => (typeof v === "string" && DAY_ONLY.test(v) ? `${v.trim()}T23:59:59.999Z` : v),
  dateInput,
);

export const exportQuerySchema = z
  .object({
    format: z.enum(FORMATS, `must be one of ${FORMATS.join(", ")}`).meta({ description: "jsonl, csv, claimreview or webannotation" }),
    status: z.enum(["verified", "all"], "must be verified or all").default("verified").meta({
      description: "verified (default) or all (retracted claims are never exported)",
    }),
    articleId: optional(idParam).meta({ description: "only this article's claims" }),
    from: optional(dateInput).meta({ description: "verified (or, with status=all, created) on or after this date", format: "date" }),
    to: optional(endOfDay).meta({ description: "verified (or created) on or before this date, the whole day included", format: "date" }),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "must not be before from", path: ["to"] });
