import { requireActor } from "@/lib/auth/session";
import { json, parseWith, route } from "@/lib/http/api";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { notificationsQuery } from "@/lib/validation/comment";

export const GET = route(async (request) => {
  const actor = await requireActor(request);
  const q = parseWith(notificationsQuery, Object.fromEntries(new URL(request.url).searchParams));
  return json(await listNotifications({ actor, unread: q.unread === "1", cursor: q.cursor, limit: q.limit }));
});
