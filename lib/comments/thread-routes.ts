import "server-only";
import { requireActor } from "@/lib/auth/session";
import { json, parseBody, route } from "@/lib/http/api";
import { listComments } from "@/lib/comments/list-comments";
import { postComment } from "@/lib/comments/post-comment";
import { postCommentSchema } from "@/lib/validation/comment";

/** GET and POST of a comment thread, for /claims/{claimId}/comments and /articles/{articleId}/comments. */
export function threadRoutes<K extends "claimId" | "articleId">(key: K) {
  const kind = key === "claimId" ? "claim" : "article";
  return {
    GET: route<Record<K, string>>(async (request, params) => {
      const actor = await requireActor(request);
      return json(await listComments({ actor, thread: { kind, id: params[key] } }));
    }),
    POST: route<Record<K, string>>(async (request, params) => {
      const actor = await requireActor(request);
      const input = await parseBody(request, postCommentSchema);
      return json(await postComment({ actor, thread: { kind, id: params[key] }, input }), 201);
    }),
  };
}
