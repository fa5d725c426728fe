import { requireActor } from "@/lib/auth/session";
import { json, parseBody, parseWith, route } from "@/lib/http/api";
import { deleteComment } from "@/lib/comments/delete-comment";
import { editComment } from "@/lib/comments/edit-comment";
import { deleteCommentQuery, editCommentSchema } from "@/lib/validation/comment";

export const PATCH = route<{ commentId: string }>(async (request, { commentId }) => {
  const actor = await requireActor(request);
  const { body, version } = await parseBody(request, editCommentSchema);
  return json(await editComment({ actor, commentId, body, version }));
});

/** DELETE /api/v1/comments/{id}?version=N: the version the author saw. */
export const DELETE = route<{ commentId: string }>(async (request, { commentId }) => {
  const actor = await requireActor(request);
  const { version } = parseWith(deleteCommentQuery, Object.fromEntries(new URL(request.url).searchParams));
  return json(await deleteComment({ actor, commentId, version }));
});
