import { requireActor } from "@/lib/auth/session";
import { json, parseBody, route } from "@/lib/http/api";
import { getNotificationSettings, setNotificationSettings } from "@/lib/notifications/notifications";
import { notificationSettingsSchema } from "@/lib/validation/comment";

export const GET = route(async (request) => json(await getNotificationSettings(await requireActor(request))));

export const PUT = route(async (request) => {
  const actor = await requireActor(request);
  const { muted } = await parseBody(request, notificationSettingsSchema);
  return json(await setNotificationSettings(actor, muted));
});
