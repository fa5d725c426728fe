import { requireActor } from "@/lib/auth/session";
import { json, parseBody, route } from "@/lib/http/api";
import { assignArticle } from "@/lib/review/assign-article";
import { assignSchema } from "@/lib/validation/admin";

export const POST = route<{ articleId: string }>(async (request, { articleId }) => {
  const actor = await requireActor(request);
  const { reviewerIds } = await parseBody(request, assignSchema);
  return json(await assignArticle({ actor, articleId, reviewerIds }), 201);
});
