import "server-only";
import { listener, onSignal } from "@/lib/events/listener";
import { readEvents } from "@/lib/events/internal/read-events";

/**
 * Reads the events after `after`; when there are none, waits up to `waitMs` for the project's
 * next commit (a NOTIFY) and reads again. Between a NOTIFY and the moment its event can be served
 * (an older transaction still open) it re-reads every 100 ms; without any NOTIFY every 2 s.
 */
export async function waitForEvents({ projectId, after, limit, waitMs, abort }: { projectId: string; after: bigint | null; limit: number; waitMs: number; abort?: AbortSignal }) {
  if (waitMs <= 0) return readEvents(projectId, after, limit);
  let wake: (() => void) | null = null;
  let hot = false;
  const off = onSignal((s) => {
    if (s.projectId === projectId && s.eventId) {
      hot = true;
      wake?.();
    }
  });
  try {
    await listener.ensure().catch(() => {});
    const deadline = Date.now() + waitMs;
    for (;;) {
      const events = await readEvents(projectId, after, limit);
      const left = deadline - Date.now();
      if (events.length || left <= 0 || abort?.aborted) return events;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, Math.min(left, hot ? 100 : 2_000));
        function done() {
          clearTimeout(timer);
          wake = null;
          abort?.removeEventListener("abort", done);
          resolve();
        }
        wake = done;
        abort?.addEventListener("abort", done);
      });
    }
  } finally {
    off();
  }
}
