import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { requireMember } from "@/lib/projects/require-member";

export async function getProjectOrThrow({ actor, projectId }: { actor: Actor; projectId: string }) {
  const member = await requireMember(actor, projectId);
  const project = await db.project.findUnique({ where: { id: projectId } });
  if (!project) throw new AppError("not_found", "Project not found.");
  return { project, member };
}
