import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { getArticleOrThrow } from "@/lib/articles/get-article-or-throw";
import { present, PRESENCE_WINDOW_MS } from "@/lib/presence/internal/present";

/**
 * A heartbeat ("here") or a goodbye ("gone"). Arrivals and departures are announced on the
 * event channel (not kept in the feed), so other open pages fetch the new list at once.
 */
export async function heartbeat({ actor, articleId, state }: { actor: Actor; articleId: string; state: "here" | "gone" }) {
  const { article } = await getArticleOrThrow({ actor, articleId });
  const changed = await db.$transaction(async (tx) => {
    if (state === "gone") return (await tx.presence.deleteMany({ where: { articleId, userId: actor.id } })).count > 0;
    const [row] = await tx.$queryRaw<{ arrived: boolean }[]>`
      WITH old AS (SELECT seen_at FROM presence WHERE article_id = ${articleId} AND user_id = ${actor.id})
      INSERT INTO presence (article_id, user_id, project_id, seen_at) VALUES (${articleId}, ${actor.id}, ${article.projectId}, now())
      ON CONFLICT (article_id, user_id) DO UPDATE SET seen_at = now()
      RETURNING coalesce((SELECT seen_at FROM old) < now() - make_interval(secs => ${PRESENCE_WINDOW_MS / 1000}), true) AS arrived`;
    // Old rows of anyone are cleared now and then, so the table stays small.
    if (Math.random() < 0.05) await tx.$executeRaw`DELETE FROM presence WHERE seen_at < now() - interval '1 hour'`;
    return row.arrived;
  });
  if (changed) {
    const payload = JSON.stringify({ p: article.projectId, a: articleId, presence: true });
    await db.$executeRaw`SELECT pg_notify('sanad_events', ${payload})`;
  }
  return { articleId, users: await present(articleId) };
}
