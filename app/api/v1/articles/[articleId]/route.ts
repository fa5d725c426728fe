import { requireActor } from "@/lib/auth/session";
import { json, parseWith, route } from "@/lib/http/api";
import { getArticleView, withoutBody } from "@/lib/articles/get-article-view";
import { articlePageQuery } from "@/lib/validation/article-query";

export const GET = route<{ articleId: string }>(async (request, { articleId }) => {
  const actor = await requireActor(request);
  const query = parseWith(articlePageQuery, Object.fromEntries(new URL(request.url).searchParams));
  const view = await getArticleView({ actor, articleId, window: { textFrom: query.textFrom, chars: query.textLimit } });
  return json(query.body === "false" ? withoutBody(view) : view);
});
