import { z } from "zod";
import { dateInput, optional } from "@/lib/validation/common";

export const FORMATS = ["jsonl", "csv", "claimreview", "webannotation"] as const;
export type ExportFormat = (typeof FORMATS)[number];

export const exportQuerySchema = z.object({
  format: z.enum(FORMATS, `must be one of ${FORMATS.join(", ")}`),
  status: z.enum(["verified", "all"], "must be verified or all").default("verified"),
  articleId: optional(z.string().max(64)),
  from: optional(dateInput),
  to: optional(dateInput),
});
