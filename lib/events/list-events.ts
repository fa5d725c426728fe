import "server-only";
import type { Actor } from "@/lib/auth/session";
import { canAdjudicate } from "@/lib/permissions/roles";
import { requireMember } from "@/lib/projects/require-member";
import { parseCursor } from "@/lib/events/internal/parse-cursor";
import { waitForEvents } from "@/lib/events/internal/wait-for-events";

/** The project's event feed for other systems: editors (and their tokens) only. */
export async function listEvents({ actor, projectId, after, limit, wait, abort }: { actor: Actor; projectId: string; after?: string; limit: number; wait: number; abort?: AbortSignal }) {
  await requireMember(actor, projectId, canAdjudicate, "read the event feed");
  const from = await parseCursor(projectId, after);
  const events = await waitForEvents({ projectId, after: from, limit, waitMs: wait * 1000, abort });
  return { events, next: events.length ? events[events.length - 1].cursor : (from?.toString() ?? "0") };
}
