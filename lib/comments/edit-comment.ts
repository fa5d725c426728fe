import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit/write-audit";
import { notifyUsers } from "@/lib/notifications/notify-users";
import { mentionedMembers } from "@/lib/comments/internal/thread";
import { withNames } from "@/lib/comments/internal/present-comment";
import { lockOwn } from "@/lib/comments/internal/lock-own";

/** The author changes their comment's text; members newly mentioned are told. */
export async function editComment({ actor, commentId, body, version }: { actor: Actor; commentId: string; body: string; version: number }) {
  return db.$transaction(async (tx) => {
    const before = await lockOwn(tx, actor, commentId, version);
    const mentionIds = await mentionedMembers(before.projectId, body);
    const after = await tx.comment.update({ where: { id: commentId }, data: { body, mentionIds, version: { increment: 1 } } });
    await writeAudit(tx, { actorId: actor.id, projectId: before.projectId, entity: "comment", entityId: commentId, action: "update", before, after });
    const added = mentionIds.filter((id) => !before.mentionIds.includes(id));
    await notifyUsers(tx, { projectId: after.projectId, actorId: actor.id, articleId: after.articleId, claimId: after.claimId, commentId, kind: "mention", userIds: added });
    return (await withNames([after]))[0];
  });
}
