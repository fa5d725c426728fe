import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { requireMember } from "@/lib/projects/require-member";
import { listener, onSignal } from "@/lib/events/listener";
import { parseCursor } from "@/lib/events/internal/parse-cursor";
import { readEvents, type FeedEvent } from "@/lib/events/internal/read-events";
import { tailCursor } from "@/lib/events/internal/tail-cursor";

/** What a browser is told: the kind of change and the ids concerned, never contents. */
const LIVE_KEYS = ["commentId", "parentId", "suggestionId", "sourceId", "linkId", "status", "previous", "userId"] as const;
function liveData(e: FeedEvent) {
  const data: Record<string, unknown> = { type: e.type, cursor: e.cursor };
  if (e.articleId) data.articleId = e.articleId;
  if (e.claimId) data.claimId = e.claimId;
  if (e.actorId) data.actorId = e.actorId;
  for (const k of LIVE_KEYS) if (e.data[k] !== undefined) data[k] = e.data[k];
  return data;
}

/**
 * Server-Sent Events for one project's members: every event of the feed (from the Last-Event-ID
 * on, or from now), the caller's new notifications and presence changes. Fed by the process's
 * LISTEN connection, so an event committed through any app process reaches every stream.
 */
export async function openLiveStream({ actor, projectId, lastEventId, once = false, abort }: { actor: Actor; projectId: string; lastEventId: string | null; once?: boolean; abort: AbortSignal }) {
  await requireMember(actor, projectId);
  let cursor = lastEventId ? await parseCursor(projectId, lastEventId, "Last-Event-ID") : await tailCursor(projectId);
  const encoder = new TextEncoder();
  let closed = false;
  let cleanup = () => {};

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const sendEvent = (data: Record<string, unknown>) => send(`id: ${cursor ?? 0}\ndata: ${JSON.stringify(data)}\n\n`);
      let reading = false;
      let again = false;
      let hot = false;
      const close = () => {
        if (closed) return;
        closed = true;
        cleanup();
        try {
          controller.close();
        } catch {
          /* already closed */
        }
      };
      // Reads and sends whatever is new; one read at a time, repeated while signals came in.
      const pump = async () => {
        if (reading) return void (again = true);
        reading = true;
        try {
          do {
            again = false;
            const still = await db.membership.findUnique({ where: { projectId_userId: { projectId, userId: actor.id } }, select: { id: true } });
            if (!still) return close();
            for (;;) {
              const batch = await readEvents(projectId, cursor, 200);
              for (const e of batch) {
                cursor = BigInt(e.cursor);
                sendEvent(liveData(e));
              }
              if (batch.length) hot = false;
              if (batch.length < 200) break;
            }
          } while (again && !closed);
        } catch {
          // The database is away: the next signal or tick tries again.
        } finally {
          reading = false;
        }
      };
      const off = onSignal((s) => {
        if (s.projectId === projectId && s.eventId) {
          hot = true;
          void pump();
        } else if (s.userId === actor.id && s.notificationId) {
          sendEvent({ type: "notification.created", notificationId: s.notificationId });
        } else if (s.projectId === projectId && s.presence) {
          sendEvent({ type: "presence.changed", articleId: s.presence.articleId });
        }
      });
      // A signal whose event could not be served yet (an older transaction still open) is
      // retried quickly; otherwise a slow tick covers signals lost while reconnecting.
      let ticks = 0;
      const timer = setInterval(() => {
        ticks++;
        if (hot || ticks % 20 === 0) void pump();
        if (ticks % 150 === 0) send(": keep-alive\n\n");
      }, 100);
      cleanup = () => {
        off();
        clearInterval(timer);
      };
      abort.addEventListener("abort", close);
      send("retry: 2000\n\n");
      await listener.ensure().catch(() => {});
      sendEvent({ type: "hello", projectId });
      await pump();
      // once: what is there now, then the end (for scripts and checks).
      if (once) close();
    },
    cancel() {
      closed = true;
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}
