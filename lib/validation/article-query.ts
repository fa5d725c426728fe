import { z } from "zod";
import { digitsParam, limitParam } from "@/lib/validation/common";

// The query strings of the article routes.

/** The most text one API page of an article holds (lib/articles/get-article-view.ts's API_PAGE). */
export const API_PAGE_CHARS = 200_000;

/** GET /api/v1/projects/{projectId}/articles: newest first, a page at a time. */
export const articleListQuery = z.object({
  cursor: z.string().max(200).optional().meta({ description: "nextCursor of the previous page" }),
  limit: limitParam(200, 50).meta({ description: "1 to 200, default 50" }),
});

/** GET /api/v1/articles/{articleId}: one page of the article's text. */
export const articlePageQuery = z.object({
  textFrom: digitsParam({ min: 0, max: 10_000_000 }).meta({
    description: "where the page starts in the body (a UTF-16 offset): next.textFrom of the previous page; default 0",
  }),
  textLimit: digitsParam({ min: 1, max: API_PAGE_CHARS }).meta({
    description: "characters of text in the page, 1 to 200000 (default); a page also holds at most 2,000 sentences, 2,000 figures and about 4,000 suggestions, and ends where a sentence begins when it can",
  }),
  body: z.enum(["true", "false"], "must be true or false").optional().meta({
    description: "false: leave out the whole body and give the page's own text as page.text",
  }),
});
