import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

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
