import "server-only";
import type { Actor } from "@/lib/auth/session";
import { getArticleOrThrow } from "@/lib/articles/get-article-or-throw";
import { present } from "@/lib/presence/internal/present";

/** Who else has the article open now. */
export async function listPresence({ actor, articleId }: { actor: Actor; articleId: string }) {
  await getArticleOrThrow({ actor, articleId });
  return { articleId, users: await present(articleId) };
}
