import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationKind } from "@/lib/notifications/kinds";

/**
 * Inside the transaction of the change: one notification per user, skipping the actor (nobody is
 * told what they did), users no longer members of the project, and users who muted the kind.
 */
export async function notifyUsers(
  tx: Prisma.TransactionClient,
  n: { kind: NotificationKind; userIds: string[]; projectId: string; actorId: string | null; articleId?: string | null; claimId?: string | null; commentId?: string | null },
) {
  const userIds = [...new Set(n.userIds)].filter((id) => id !== n.actorId);
  if (userIds.length === 0) return 0;
  return tx.$executeRaw`
    INSERT INTO notifications (user_id, project_id, kind, actor_id, article_id, claim_id, comment_id)
    SELECT m.user_id, ${n.projectId}, ${n.kind}, ${n.actorId}, ${n.articleId ?? null}, ${n.claimId ?? null}, ${n.commentId ?? null}
    FROM memberships m
    WHERE m.project_id = ${n.projectId} AND m.user_id = ANY(${userIds}::text[])
      AND NOT EXISTS (SELECT 1 FROM notification_preferences p WHERE p.user_id = m.user_id AND ${n.kind} = ANY(p.muted))
    ORDER BY m.user_id`;
}
