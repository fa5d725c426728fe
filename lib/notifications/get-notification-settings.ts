import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { NOTIFICATION_KINDS, type NotificationKind } from "@/lib/notifications/kinds";

/** The kinds of notification there are, and which of them the caller muted. */
export async function getNotificationSettings(actor: Actor) {
  const row = await db.notificationPreference.findUnique({ where: { userId: actor.id } });
  const muted = (row?.muted ?? []) as NotificationKind[];
  return { kinds: [...NOTIFICATION_KINDS], muted };
}
