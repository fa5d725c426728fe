import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Comment, Prisma } from "@/lib/generated/prisma/client";
import { getArticleOrThrow } from "@/lib/articles/get-article-or-throw";
import { getClaimOrThrow } from "@/lib/claims/get-claim-or-throw";
import { requireMember, type Membership } from "@/lib/projects/require-member";
import { findMentions } from "@/lib/comments/mentions";
import { notifyUsers } from "@/lib/notifications/notify";
import type { PostCommentInput } from "@/lib/validation/comment";

/** Where a thread hangs: a claim (its article too) or an article alone. */
export type Thread = { kind: "claim"; id: string } | { kind: "article"; id: string };

async function openThread(actor: Actor, thread: Thread) {
  if (thread.kind === "claim") {
    const { claim, member } = await getClaimOrThrow({ actor, claimId: thread.id });
    return { projectId: claim.projectId, articleId: claim.articleId, claimId: claim.id, claimStatus: claim.status, member };
  }
  const { article, member } = await getArticleOrThrow({ actor, articleId: thread.id });
  return { projectId: article.projectId, articleId: article.id, claimId: null, claimStatus: null, member };
}

/**
 * Blindness: on a claim, a reviewer who has not given a verdict sees only their own comments and
 * editors' comments, until they give one (or the claim is verified). Editors see everything;
 * article threads are open to every member.
 */
async function blindAuthors(member: Membership, projectId: string, claimId: string | null, claimStatus: string | null): Promise<Set<string> | null> {
  if (!claimId || member.role === "editor" || claimStatus === "verified") return null;
  const own = await db.verdict.findUnique({ where: { claimId_reviewerId: { claimId, reviewerId: member.userId } }, select: { id: true } });
  if (own) return null;
  const reviewers = await db.membership.findMany({ where: { projectId, role: "reviewer", userId: { not: member.userId } }, select: { userId: true } });
  return new Set(reviewers.map((r) => r.userId));
}

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

export async function listComments({ actor, thread }: { actor: Actor; thread: Thread }) {
  const t = await openThread(actor, thread);
  const where = t.claimId ? { claimId: t.claimId } : { articleId: t.articleId, claimId: null };
  const all = await db.comment.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const blind = await blindAuthors(t.member, t.projectId, t.claimId, t.claimStatus);
  const visible = blind ? all.filter((c) => !blind.has(c.authorId)) : all;
  return { comments: await withNames(visible), hidden: all.length - visible.length };
}

async function withNames(comments: Comment[]) {
  const names = await namesOf(comments);
  return comments.map((c) => presentComment(c, names));
}

async function mentionedMembers(projectId: string, body: string) {
  const members = await db.membership.findMany({ where: { projectId }, select: { user: { select: { id: true, name: true, email: true } } } });
  return findMentions(body, members.map((m) => m.user));
}

export async function postComment({ actor, thread, input }: { actor: Actor; thread: Thread; input: PostCommentInput }) {
  const t = await openThread(actor, thread);
  const mentionIds = await mentionedMembers(t.projectId, input.body);
  return db.$transaction(async (tx) => {
    let parent: Comment | null = null;
    if (input.parentId) {
      parent = await tx.comment.findUnique({ where: { id: input.parentId } });
      const sameThread = parent && parent.articleId === t.articleId && parent.claimId === t.claimId;
      if (!sameThread) throw new AppError("invalid_input", "The comment replied to is not in this thread.", { fields: { parentId: "is not a comment of this thread" } });
    }
    const comment = await tx.comment.create({
      data: { projectId: t.projectId, articleId: t.articleId, claimId: t.claimId, parentId: parent?.id ?? null, authorId: actor.id, body: input.body, mentionIds },
    });
    await writeAudit(tx, { actorId: actor.id, projectId: t.projectId, entity: "comment", entityId: comment.id, action: "create", after: comment });
    await notifyAbout(tx, comment, mentionIds, parent?.authorId ?? null);
    return (await withNames([comment]))[0];
  });
}

async function notifyAbout(tx: Prisma.TransactionClient, c: Comment, mentionIds: string[], parentAuthorId: string | null) {
  const base = { projectId: c.projectId, actorId: c.authorId, articleId: c.articleId, claimId: c.claimId, commentId: c.id };
  await notifyUsers(tx, { ...base, kind: "mention", userIds: mentionIds });
  // A reply tells the parent's author, unless the reply already mentions them.
  if (parentAuthorId && !mentionIds.includes(parentAuthorId)) await notifyUsers(tx, { ...base, kind: "reply", userIds: [parentAuthorId] });
}

/** The author's own comment, locked, at the version they saw; 409 with the current one otherwise. */
async function lockOwn(tx: Prisma.TransactionClient, actor: Actor, commentId: string, version: number) {
  const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM comments WHERE id = ${commentId} FOR UPDATE`;
  const comment = row ? await tx.comment.findUniqueOrThrow({ where: { id: commentId } }) : null;
  if (!comment) throw new AppError("not_found", "Comment not found.");
  await requireMember(actor, comment.projectId, undefined, undefined, "Comment not found.");
  if (comment.authorId !== actor.id) throw new AppError("forbidden", "Only its author may change a comment.");
  const current = (await withNames([comment]))[0];
  if (comment.deletedAt) throw new AppError("conflict", "The comment is deleted.", { current, reason: "comment_deleted" });
  if (comment.version !== version) throw new AppError("conflict", `The comment changed (now version ${comment.version}); reload it.`, { current, reason: "stale_version", params: { version: comment.version } });
  return comment;
}

export async function editComment({ actor, commentId, body, version }: { actor: Actor; commentId: string; body: string; version: number }) {
  return db.$transaction(async (tx) => {
    const before = await lockOwn(tx, actor, commentId, version);
    const mentionIds = await mentionedMembers(before.projectId, body);
    const after = await tx.comment.update({ where: { id: commentId }, data: { body, mentionIds, version: { increment: 1 } } });
    await writeAudit(tx, { actorId: actor.id, projectId: before.projectId, entity: "comment", entityId: commentId, action: "update", before, after });
    const added = mentionIds.filter((id) => !before.mentionIds.includes(id));
    await notifyUsers(tx, { projectId: after.projectId, actorId: actor.id, articleId: after.articleId, claimId: after.claimId, commentId, kind: "mention", userIds: added });
    return (await withNames([after]))[0];
  });
}

/** Deleting empties the text and keeps the row, so replies keep their place and the thread says "deleted". */
export async function deleteComment({ actor, commentId, version }: { actor: Actor; commentId: string; version: number }) {
  return db.$transaction(async (tx) => {
    const before = await lockOwn(tx, actor, commentId, version);
    const after = await tx.comment.update({ where: { id: commentId }, data: { body: "", mentionIds: [], deletedAt: new Date(), version: { increment: 1 } } });
    await writeAudit(tx, { actorId: actor.id, projectId: before.projectId, entity: "comment", entityId: commentId, action: "delete", before, after: { ...after, body: undefined } });
    return (await withNames([after]))[0];
  });
}
