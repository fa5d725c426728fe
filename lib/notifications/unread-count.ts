import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { scope } from "@/lib/notifications/internal/scope";

/** How many of the caller's notifications are unread. */
export async function unreadCount(actor: Actor) {
  return db.notification.count({ where: { ...(await scope(actor)), readAt: null } });
}
