import { requireActor } from "@/lib/auth/session";
import { route } from "@/lib/http/api";
import { openLiveStream } from "@/lib/events/live-stream";

export const dynamic = "force-dynamic";

/** Server-Sent Events; resumes from Last-Event-ID (or ?lastEventId=, for clients that cannot set it). */
export const GET = route<{ projectId: string }>(async (request, { projectId }) => {
  const actor = await requireActor(request);
  const lastEventId = request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("lastEventId");
  return openLiveStream({ actor, projectId, lastEventId, abort: request.signal });
});
