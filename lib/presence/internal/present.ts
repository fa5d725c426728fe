import "server-only";
import { db } from "@/lib/db";

/** A heartbeat older than this means the user left (browsers send one every 10 s). */
export const PRESENCE_WINDOW_MS = 25_000;

/** Who has the article open now, with how long each stays listed without another heartbeat. */
export async function present(articleId: string) {
  const rows = await db.$queryRaw<{ id: string; name: string; left_ms: number }[]>`
    SELECT u.id, u.name, (${PRESENCE_WINDOW_MS} - EXTRACT(EPOCH FROM (now() - p.seen_at)) * 1000)::int AS left_ms
    FROM presence p JOIN users u ON u.id = p.user_id
    JOIN articles a ON a.id = p.article_id
    JOIN memberships m ON m.project_id = a.project_id AND m.user_id = p.user_id
    WHERE p.article_id = ${articleId} AND p.seen_at > now() - make_interval(secs => ${PRESENCE_WINDOW_MS / 1000})
    ORDER BY u.name, u.id`;
  return rows.map((r) => ({ id: r.id, name: r.name, expiresInMs: Math.max(0, r.left_ms) }));
}
