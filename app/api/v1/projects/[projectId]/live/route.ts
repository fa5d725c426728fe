import { requireActor } from "@/lib/auth/session";
import { parseWith, route } from "@/lib/http/api";
import { openLiveStream } from "@/lib/events/open-live-stream";
import { liveQuery } from "@/lib/validation/events";

export const dynamic = "force-dynamic";

/**
 * Server-Sent Events; resumes from Last-Event-ID (or ?lastEventId=, for clients that cannot set
 * it). ?once=1 sends what is there and ends.
 */
export const GET = route<{ projectId: string }>(async (request, { projectId }) => {
  const actor = await requireActor(request);
  const query = parseWith(liveQuery, Object.fromEntries(new URL(request.url).searchParams));
  const lastEventId = request.headers.get("last-event-id") ?? query.lastEventId ?? null;
  return openLiveStream({ actor, projectId, lastEventId, once: query.once === "1", abort: request.signal });
});
