import "server-only";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { requireMember } from "@/lib/projects/require-member";
import { withNames } from "@/lib/comments/internal/present-comment";

/** The author's own comment, locked, at the version they saw; 409 with the current one otherwise. */
export async function lockOwn(tx: Prisma.TransactionClient, actor: Actor, commentId: string, version: number) {
  const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM comments WHERE id = ${commentId} FOR UPDATE`;
  const comment = row ? await tx.comment.findUniqueOrThrow({ where: { id: commentId } }) : null;
  if (!comment) throw new AppError("not_found", "Comment not found.");
  await requireMember(actor, comment.projectId, undefined, undefined, "Comment not found.");
  if (comment.authorId !== actor.id) throw new AppError("forbidden", "Only its author may change a comment.");
  const current = (await withNames([comment]))[0];
  if (comment.deletedAt) throw new AppError("conflict", "The comment is deleted.", { current, reason: "comment_deleted" });
  if (comment.version !== version) throw new AppError("conflict", `The comment changed (now version ${comment.version}); reload it.`, { current, reason: "stale_version", params: { version: comment.version } });
  return comment;
}
