import { requireActor } from "@/lib/auth/session";
import { json, route } from "@/lib/http/api";
import { getArticleView } from "@/lib/articles/get-article-view";

export const GET = route<{ articleId: string }>(async (request, { articleId }) => {
  const actor = await requireActor(request);
  return json(await getArticleView({ actor, articleId }));
});
