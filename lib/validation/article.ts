import { z } from "zod";
import { dateInput, httpUrl, optional, requiredText, text } from "@/lib/validation/common";

export const MAX_ARTICLE_BODY = 5_000_000;

export const articleInputSchema = z.object({
  title: requiredText(500),
  body: requiredText(MAX_ARTICLE_BODY),
  language: optional(z.enum(["ar", "en"], "must be ar or en")),
  sourceUrl: optional(httpUrl),
  outlet: optional(text(200)),
  publishedAt: optional(dateInput),
});
export type ArticleInput = z.infer<typeof articleInputSchema>;
/** What the import form holds before parsing (all strings). */
export type ArticleFormValues = z.input<typeof articleInputSchema>;
