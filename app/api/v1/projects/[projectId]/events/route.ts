import { requireActor } from "@/lib/auth/session";
import { json, parseWith, route } from "@/lib/http/api";
import { listEvents } from "@/lib/events/list-events";
import { eventsQuery } from "@/lib/validation/events";

export const GET = route<{ projectId: string }>(async (request, { projectId }) => {
  const actor = await requireActor(request);
  const q = parseWith(eventsQuery, Object.fromEntries(new URL(request.url).searchParams));
  return json(await listEvents({ actor, projectId, ...q, abort: request.signal }));
});
