import "server-only";
import { db } from "@/lib/db";

/** The cursor of the last event served now (null when the project has none): where "from now on" starts. */
export async function tailCursor(projectId: string): Promise<bigint | null> {
  const [row] = await db.$queryRaw<{ id: bigint }[]>`
    SELECT id FROM events WHERE project_id = ${projectId} AND xid < pg_snapshot_xmin(pg_current_snapshot())
    ORDER BY xid DESC, id DESC LIMIT 1`;
  return row?.id ?? null;
}
