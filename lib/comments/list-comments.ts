import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { blindAuthors, openThread, type Thread } from "@/lib/comments/internal/thread";
import { withNames } from "@/lib/comments/internal/present-comment";

/** A thread's comments, oldest first, without those the caller may not see yet (and how many those are). */
export async function listComments({ actor, thread }: { actor: Actor; thread: Thread }) {
  const t = await openThread(actor, thread);
  const where = t.claimId ? { claimId: t.claimId } : { articleId: t.articleId, claimId: null };
  const all = await db.comment.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const blind = await blindAuthors(t.member, t.projectId, t.claimId, t.claimStatus);
  const visible = blind ? all.filter((c) => !blind.has(c.authorId)) : all;
  return { comments: await withNames(visible), hidden: all.length - visible.length };
}
