import { requireActor } from "@/lib/auth/session";
import { route } from "@/lib/http/api";
import { openLiveStream } from "@/lib/events/open-live-stream";

export const dynamic = "force-dynamic";

/**
 * Server-Sent Events; resumes from Last-Event-ID (or ?lastEventId=, for clients that cannot set
 * it). ?once=1 sends what is there and ends.
 */
export const GET = route<{ projectId: string }>(async (request, { projectId }) => {
  const actor = await requireActor(request);
  const query = new URL(request.url).searchParams;
  const lastEventId = request.headers.get("last-event-id") ?? query.get("lastEventId");
  return openLiveStream({ actor, projectId, lastEventId, once: query.get("once") === "1", abort: request.signal });
});
