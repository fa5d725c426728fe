import "server-only";
import { db } from "@/lib/db";
import type { Comment } from "@/lib/generated/prisma/client";

type Named = { id: string; name: string };
export function presentComment(c: Comment, names: Map<string, Named>) {
  const deleted = c.deletedAt !== null;
  return {
    id: c.id,
    projectId: c.projectId,
    articleId: c.articleId,
    claimId: c.claimId,
    parentId: c.parentId,
    author: names.get(c.authorId) ?? { id: c.authorId, name: "" },
    body: deleted ? "" : c.body,
    mentions: deleted ? [] : c.mentionIds.map((id) => names.get(id) ?? { id, name: "" }),
    version: c.version,
    deleted,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}
export type CommentView = ReturnType<typeof presentComment>;

async function namesOf(comments: Comment[]) {
  const ids = [...new Set(comments.flatMap((c) => [c.authorId, ...c.mentionIds]))];
  const users = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u]));
}

/** Comments as the API shows them, with their authors' and mentioned users' names. */
export async function withNames(comments: Comment[]) {
  const names = await namesOf(comments);
  return comments.map((c) => presentComment(c, names));
}
