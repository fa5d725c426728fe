import { requireActor } from "@/lib/auth/session";
import { json, parseBody, route } from "@/lib/http/api";
import { getNotificationSettings } from "@/lib/notifications/get-notification-settings";
import { setNotificationSettings } from "@/lib/notifications/set-notification-settings";
import { notificationSettingsSchema } from "@/lib/validation/comment";

export const GET = route(async (request) => json(await getNotificationSettings(await requireActor(request))));

export const PUT = route(async (request) => {
  const actor = await requireActor(request);
  const { muted } = await parseBody(request, notificationSettingsSchema);
  return json(await setNotificationSettings(actor, muted));
});
