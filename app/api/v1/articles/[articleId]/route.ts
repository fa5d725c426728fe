import { z } from "zod";
import { requireActor } from "@/lib/auth/session";
import { json, parseWith, route } from "@/lib/http/api";
import { API_PAGE, getArticleView, withoutBody } from "@/lib/articles/get-article-view";

// Plain decimal digits only: "0x10", "1e3" or " 5" are refused, not read leniently.
const offset = (max: number, name: string) =>
  z.string().regex(/^\d{1,9}$/, "must be a whole number written in digits").transform(Number).refine((n) => n <= max, `must be at most ${max}`).optional().describe(name);

const articlePageQuery = z.object({
  textFrom: offset(10_000_000, "textFrom"),
  textLimit: offset(API_PAGE.chars, "textLimit").refine((n) => n === undefined || n >= 1, "must be at least 1"),
  body: z.enum(["true", "false"], "must be true or false").optional(),
});

export const GET = route<{ articleId: string }>(async (request, { articleId }) => {
  const actor = await requireActor(request);
  const query = parseWith(articlePageQuery, Object.fromEntries(new URL(request.url).searchParams));
  const view = await getArticleView({ actor, articleId, window: { textFrom: query.textFrom, chars: query.textLimit } });
  return json(query.body === "false" ? withoutBody(view) : view);
});
