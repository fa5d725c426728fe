import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import type { MemberContext } from "@/lib/permissions/roles";

export type Membership = MemberContext & { projectId: string; userId: string };

/**
 * The caller's membership of a project. Outsiders get 404 (a project's existence is not
 * leaked); members lacking `allowed` get 403.
 */
export async function requireMember(
  actor: Actor,
  projectId: string,
  allowed: (m: MemberContext) => boolean = () => true,
  what = "do this",
  // What an outsider is told is missing: the thing they asked for, not the project.
  notFoundMessage = "Project not found.",
): Promise<Membership> {
  if (!actor?.id || typeof projectId !== "string" || projectId === "") {
    throw new AppError("not_found", notFoundMessage);
  }
  const m = await db.membership.findUnique({ where: { projectId_userId: { projectId, userId: actor.id } } });
  if (!m) throw new AppError("not_found", notFoundMessage);
  const member: Membership = { role: m.role, isAdmin: actor.isAdmin, projectId, userId: actor.id };
  if (!allowed(member)) throw new AppError("forbidden", `Your role in this project (${m.role}) may not ${what}.`);
  return member;
}
