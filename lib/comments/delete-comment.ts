import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit/write-audit";
import { withNames } from "@/lib/comments/internal/present-comment";
import { lockOwn } from "@/lib/comments/internal/lock-own";

/** Deleting empties the text and keeps the row, so replies keep their place and the thread says "deleted". */
export async function deleteComment({ actor, commentId, version }: { actor: Actor; commentId: string; version: number }) {
  return db.$transaction(async (tx) => {
    const before = await lockOwn(tx, actor, commentId, version);
    const after = await tx.comment.update({ where: { id: commentId }, data: { body: "", mentionIds: [], deletedAt: new Date(), version: { increment: 1 } } });
    await writeAudit(tx, { actorId: actor.id, projectId: before.projectId, entity: "comment", entityId: commentId, action: "delete", before, after: { ...after, body: undefined } });
    return (await withNames([after]))[0];
  });
}
