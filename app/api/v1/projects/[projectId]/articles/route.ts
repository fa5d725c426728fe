import { requireActor } from "@/lib/auth/session";
import { ARTICLE_BODY_LIMIT, json, parseBody, parseWith, route } from "@/lib/http/api";
import { createArticle } from "@/lib/articles/create-article";
import { getArticleView } from "@/lib/articles/get-article-view";
import { listArticles } from "@/lib/articles/list-articles";
import { articleInputSchema } from "@/lib/validation/article";
import { articleListQuery } from "@/lib/validation/article-query";

export const GET = route<{ projectId: string }>(async (request, { projectId }) => {
  const actor = await requireActor(request);
  const query = parseWith(articleListQuery, Object.fromEntries(new URL(request.url).searchParams));
  return json(await listArticles({ actor, projectId, ...query }));
});

export const POST = route<{ projectId: string }>(async (request, { projectId }) => {
  const actor = await requireActor(request);
  const input = await parseBody(request, articleInputSchema, ARTICLE_BODY_LIMIT);
  const id = await createArticle({ actor, projectId, input });
  return json(await getArticleView({ actor, articleId: id }), 201, { Location: `/api/v1/articles/${id}` });
});
