import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { getArticleOrThrow } from "@/lib/articles/get-article-or-throw";
import { getClaimOrThrow } from "@/lib/claims/get-claim-or-throw";
import type { Membership } from "@/lib/projects/require-member";
import { findMentions } from "@/lib/comments/mentions";

/** Where a thread hangs: a claim (its article too) or an article alone. */
export type Thread = { kind: "claim"; id: string } | { kind: "article"; id: string };

/** The thread's place (project, article, claim) once the actor may read it. */
export async function openThread(actor: Actor, thread: Thread) {
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
export async function blindAuthors(member: Membership, projectId: string, claimId: string | null, claimStatus: string | null): Promise<Set<string> | null> {
  if (!claimId || member.role === "editor" || claimStatus === "verified") return null;
  const own = await db.verdict.findUnique({ where: { claimId_reviewerId: { claimId, reviewerId: member.userId } }, select: { id: true } });
  if (own) return null;
  const reviewers = await db.membership.findMany({ where: { projectId, role: "reviewer", userId: { not: member.userId } }, select: { userId: true } });
  return new Set(reviewers.map((r) => r.userId));
}

/** The members of the project a comment's text mentions. */
export async function mentionedMembers(projectId: string, body: string) {
  const members = await db.membership.findMany({ where: { projectId }, select: { user: { select: { id: true, name: true, email: true } } } });
  return findMentions(body, members.map((m) => m.user));
}
