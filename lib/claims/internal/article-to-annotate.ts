import "server-only";
import { queryRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor, ArticleAccess } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { canAnnotate } from "@/lib/permissions/roles";
import { checkMember } from "@/lib/projects/require-member";

/**
 * The article a claim is flagged on and the caller's role in its project: from the token's own
 * query when the route read them there (Actor.article), else in one query here. The answers are
 * requireMember's: 404 for a missing article or an outsider, 403 for a role that may not flag.
 */
export async function articleToAnnotate(actor: Actor, articleId: string) {
  const notFound = "Article not found.";
  if (!actor?.id || typeof articleId !== "string" || articleId === "") throw new AppError("not_found", notFound);
  let access: ArticleAccess | undefined = actor.article?.id === articleId ? actor.article : undefined;
  if (!access) {
    [access] = await queryRows<ArticleAccess>(Prisma.sql`
      SELECT a.id, a.project_id AS "projectId", a.body, m.role::text AS role
      FROM articles a LEFT JOIN memberships m ON m.project_id = a.project_id AND m.user_id = ${actor.id}
      WHERE a.id = ${articleId}`);
  }
  if (!access) throw new AppError("not_found", notFound);
  const member = checkMember(actor, access.projectId, access.role, canAnnotate, "flag claims", notFound);
  return { article: { id: access.id, projectId: access.projectId, body: access.body }, member };
}
