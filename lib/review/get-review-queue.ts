import "server-only";
import type { Actor } from "@/lib/auth/session";
import { listMembers } from "@/lib/admin/list-members";
import { toPlain } from "@/lib/pages/plain";
import { canReviewQueue } from "@/lib/permissions/roles";
import { getProjectOrThrow } from "@/lib/projects/get-project-or-throw";
import { listDisagreements } from "@/lib/review/list-disagreements";
import { listAgreedClaims } from "@/lib/review/list-agreed-claims";

export type QueueQuery = { article?: string | string[]; reviewer?: string | string[] };

/** A filter value from the query string: one short id, or nothing (a bad one is no filter). */
function idOf(v: string | string[] | undefined): string | undefined {
  const s = Array.isArray(v) ? v[0] : v;
  return s && s.length <= 64 && /^[A-Za-z0-9_-]+$/.test(s) ? s : undefined;
}

/**
 * The editor's review queue page: the project, the disagreements (filtered by article and
 * reviewer), the filters' choices, and the agreed claims ready to verify. Reviewers get the
 * project alone, `editorsOnly`. Throws not_found for a project the caller is not in.
 */
export async function getReviewQueue({ actor, projectId, query }: { actor: Actor; projectId: string; query: QueueQuery }) {
  const { project, member } = await getProjectOrThrow({ actor, projectId });
  if (!canReviewQueue(member)) return { project, editorsOnly: true as const };
  const articleId = idOf(query.article);
  const reviewerId = idOf(query.reviewer);
  const filtered = articleId !== undefined || reviewerId !== undefined;
  const [queue, unfiltered, members, agreed] = await Promise.all([
    listDisagreements({ actor, projectId, articleId, reviewerId }),
    // The filter's choices come from the whole queue, not from what the filter left.
    filtered ? listDisagreements({ actor, projectId, limit: 500 }) : null,
    listMembers({ actor, projectId }),
    listAgreedClaims({ actor, projectId }),
  ]);
  const articles = new Map((unfiltered ?? queue).items.map((c) => [c.article.id, c.article]));
  for (const c of queue.items) articles.set(c.article.id, c.article);
  return {
    project,
    editorsOnly: false as const,
    filters: { articleId, reviewerId, filtered },
    queue,
    articles: [...articles.values()],
    reviewers: members.map((m) => ({ id: m.userId, name: m.name })),
    agreed: toPlain(agreed),
  };
}
