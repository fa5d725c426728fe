import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { unreadCount } from "@/lib/notifications/unread-count";

/** Marks the caller's notifications read: the ones named, or all; returns how many changed and how many stay unread. */
export async function markRead({ actor, ids, all }: { actor: Actor; ids?: string[]; all?: boolean }) {
  const where = { userId: actor.id, readAt: null, ...(all ? {} : { id: { in: (ids ?? []).map((id) => BigInt(id)) } }) };
  const { count } = await db.notification.updateMany({ where, data: { readAt: new Date() } });
  return { marked: count, unread: await unreadCount(actor) };
}
