import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import type { NotificationKind } from "@/lib/notifications/kinds";
import { scope } from "@/lib/notifications/internal/scope";
import { unreadCount } from "@/lib/notifications/unread-count";

/** Newest first; `cursor` is the last id of the previous page. */
export async function listNotifications({ actor, unread, cursor, limit }: { actor: Actor; unread?: boolean; cursor?: string; limit: number }) {
  const where = { ...(await scope(actor)), ...(unread ? { readAt: null } : {}), ...(cursor ? { id: { lt: BigInt(cursor) } } : {}) };
  const rows = await db.notification.findMany({ where, orderBy: { id: "desc" }, take: limit + 1 });
  const page = rows.slice(0, limit);
  const [users, articles, claims] = await Promise.all([
    db.user.findMany({ where: { id: { in: page.flatMap((n) => (n.actorId ? [n.actorId] : [])) } }, select: { id: true, name: true } }),
    db.article.findMany({ where: { id: { in: page.flatMap((n) => (n.articleId ? [n.articleId] : [])) } }, select: { id: true, title: true, direction: true } }),
    db.claim.findMany({ where: { id: { in: page.flatMap((n) => (n.claimId ? [n.claimId] : [])) } }, select: { id: true, text: true } }),
  ]);
  const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((x) => [x.id, x]));
  const [u, a, c] = [byId(users), byId(articles), byId(claims)];
  return {
    items: page.map((n) => ({
      id: n.id.toString(),
      kind: n.kind as NotificationKind,
      read: n.readAt !== null,
      createdAt: n.createdAt,
      projectId: n.projectId,
      actor: n.actorId ? (u.get(n.actorId) ?? null) : null,
      article: n.articleId ? (a.get(n.articleId) ?? null) : null,
      claim: n.claimId ? (c.get(n.claimId) ?? null) : null,
      commentId: n.commentId,
    })),
    unread: await unreadCount(actor),
    nextCursor: rows.length > limit ? page[page.length - 1].id.toString() : null,
  };
}
