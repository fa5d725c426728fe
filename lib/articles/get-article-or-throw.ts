import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import type { MemberContext } from "@/lib/permissions/roles";
import { requireMember } from "@/lib/projects/require-member";

/** Loads an article the caller may read; outsiders get the same 404 as for a missing one. */
export async function getArticleOrThrow({
  actor,
  articleId,
  allowed,
  what,
}: {
  actor: Actor;
  articleId: string;
  allowed?: (m: MemberContext) => boolean;
  what?: string;
}) {
  const article = await db.article.findUnique({ where: { id: articleId } });
  if (!article) throw new AppError("not_found", "Article not found.");
  const member = await requireMember(actor, article.projectId, allowed, what, "Article not found.");
  return { article, member };
}
