import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { listener, onSignal } from "@/lib/events/listener";

export type FeedEvent = { cursor: string; type: string; at: Date; articleId?: string; claimId?: string; actorId?: string; data: Record<string, unknown> };
type Row = { id: bigint; type: string; created_at: Date; article_id: string | null; claim_id: string | null; actor_id: string | null; data: Record<string, unknown> };

/**
 * Events in the order their transactions were given ids, served only once every transaction
 * that started before them has finished: `xid < pg_snapshot_xmin(...)`. A later commit can
 * therefore never land before a cursor already handed out (no gaps), and each row has one place
 * in the order (no duplicates). An event id can commit late and sort before a smaller one;
 * cursors are opaque.
 */
export async function readEvents(projectId: string, after: bigint | null, limit: number): Promise<FeedEvent[]> {
  const from = after === null
    ? Prisma.empty
    : Prisma.sql`AND (e.xid, e.id) > (SELECT a.xid, a.id FROM events a WHERE a.id = ${after})`;
  const rows = await db.$queryRaw<Row[]>`
    SELECT e.id, e.type, e.created_at, e.article_id, e.claim_id, e.actor_id, e.data
    FROM events e
    WHERE e.project_id = ${projectId} AND e.xid < pg_snapshot_xmin(pg_current_snapshot()) ${from}
    ORDER BY e.xid, e.id
    LIMIT ${limit}`;
  return rows.map((r) => ({
    cursor: r.id.toString(),
    type: r.type,
    at: r.created_at,
    ...(r.article_id ? { articleId: r.article_id } : {}),
    ...(r.claim_id ? { claimId: r.claim_id } : {}),
    ...(r.actor_id ? { actorId: r.actor_id } : {}),
    data: r.data,
  }));
}

/** The cursor of the last event served now (null when the project has none): where "from now on" starts. */
export async function tailCursor(projectId: string): Promise<bigint | null> {
  const [row] = await db.$queryRaw<{ id: bigint }[]>`
    SELECT id FROM events WHERE project_id = ${projectId} AND xid < pg_snapshot_xmin(pg_current_snapshot())
    ORDER BY xid DESC, id DESC LIMIT 1`;
  return row?.id ?? null;
}

/** A cursor from a query or a Last-Event-ID: digits naming an event of this project; 0 is the beginning. */
export async function parseCursor(projectId: string, raw: string | null | undefined, field = "after"): Promise<bigint | null> {
  if (raw === null || raw === undefined || raw === "" || raw === "0") return null;
  if (!/^[1-9]\d{0,17}$/.test(raw)) throw new AppError("invalid_input", `${field} must be a cursor from this feed.`, { fields: { [field]: "is not a cursor" } });
  const id = BigInt(raw);
  const found = await db.event.findFirst({ where: { id, projectId }, select: { id: true } });
  if (!found) throw new AppError("invalid_input", `${field} is not a cursor of this project's feed.`, { fields: { [field]: "is not a cursor of this feed" } });
  return id;
}

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
