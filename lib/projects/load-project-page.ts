import "server-only";
import type { Actor } from "@/lib/auth/session";
import { canExport, canReviewQueue } from "@/lib/permissions/roles";
import { getProjectOrThrow } from "@/lib/projects/get-project-or-throw";
import { listArticleProgress, type ProgressFilters } from "@/lib/review/list-article-progress";

/** Everything the project page shows: the project, what the caller may open, and the articles' progress. */
export async function loadProjectPage({ actor, projectId, filters }: { actor: Actor; projectId: string; filters: ProgressFilters }) {
  const { project, member } = await getProjectOrThrow({ actor, projectId });
  const progress = await listArticleProgress({ actor, projectId, filters });
  return {
    project: { id: project.id, name: project.name },
    role: member.role,
    mayReview: canReviewQueue(member),
    mayExport: canExport(member),
    mayOpenSettings: canReviewQueue(member) || actor.isAdmin,
    progress,
  };
}
