import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import type { NotificationKind } from "@/lib/notifications/kinds";
import { getNotificationSettings } from "@/lib/notifications/get-notification-settings";

/** Sets which kinds the caller muted (the whole list); returns the settings as they now are. */
export async function setNotificationSettings(actor: Actor, muted: NotificationKind[]) {
  const unique = [...new Set(muted)];
  await db.notificationPreference.upsert({ where: { userId: actor.id }, create: { userId: actor.id, muted: unique }, update: { muted: unique } });
  return getNotificationSettings(actor);
}
