import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Comment, Prisma } from "@/lib/generated/prisma/client";
import { notifyUsers } from "@/lib/notifications/notify-users";
import type { PostCommentInput } from "@/lib/validation/comment";
import { mentionedMembers, openThread, type Thread } from "@/lib/comments/internal/thread";
import { withNames } from "@/lib/comments/internal/present-comment";

/** A new comment (or a reply in the same thread); the mentioned members and the replied-to author are told. */
export async function postComment({ actor, thread, input }: { actor: Actor; thread: Thread; input: PostCommentInput }) {
  const t = await openThread(actor, thread);
  const mentionIds = await mentionedMembers(t.projectId, input.body);
  return db.$transaction(async (tx) => {
    let parent: Comment | null = null;
    if (input.parentId) {
      parent = await tx.comment.findUnique({ where: { id: input.parentId } });
      const sameThread = parent && parent.articleId === t.articleId && parent.claimId === t.claimId;
      if (!sameThread) throw new AppError("invalid_input", "The comment replied to is not in this thread.", { fields: { parentId: "is not a comment of this thread" } });
    }
    const comment = await tx.comment.create({
      data: { projectId: t.projectId, articleId: t.articleId, claimId: t.claimId, parentId: parent?.id ?? null, authorId: actor.id, body: input.body, mentionIds },
    });
    await writeAudit(tx, { actorId: actor.id, projectId: t.projectId, entity: "comment", entityId: comment.id, action: "create", after: comment });
    await notifyAbout(tx, comment, mentionIds, parent?.authorId ?? null);
    return (await withNames([comment]))[0];
  });
}

async function notifyAbout(tx: Prisma.TransactionClient, c: Comment, mentionIds: string[], parentAuthorId: string | null) {
  const base = { projectId: c.projectId, actorId: c.authorId, articleId: c.articleId, claimId: c.claimId, commentId: c.id };
  await notifyUsers(tx, { ...base, kind: "mention", userIds: mentionIds });
  // A reply tells the parent's author, unless the reply already mentions them.
  if (parentAuthorId && !mentionIds.includes(parentAuthorId)) await notifyUsers(tx, { ...base, kind: "reply", userIds: [parentAuthorId] });
}
