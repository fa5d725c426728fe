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
    format: z.enum(FORMATS, `must be one of ${FORMATS.join(", ")}`),
    status: z.enum(["verified", "all"], "must be verified or all").default("verified"),
    articleId: optional(idParam),
    from: optional(dateInput),
    to: optional(endOfDay),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "must not be before from", path: ["to"] });
