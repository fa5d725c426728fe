import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { isSystemActor, type AnyActor } from "@/lib/auth/system-actor";
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
  return checkMember(actor, projectId, m?.role ?? null, allowed, what, notFoundMessage);
}

/**
 * requireMember's decision, for a caller that read the membership's role itself (in the same
 * query as what it guards): no role is 404, a role lacking `allowed` is 403.
 */
export function checkMember(
  actor: Actor,
  projectId: string,
  role: MemberContext["role"] | null,
  allowed: (m: MemberContext) => boolean = () => true,
  what = "do this",
  notFoundMessage = "Project not found.",
): Membership {
  if (!role) throw new AppError("not_found", notFoundMessage);
  const member: Membership = { role, isAdmin: actor.isAdmin, projectId, userId: actor.id };
  if (!allowed(member)) throw new AppError("forbidden", `Your role in this project (${role}) may not ${what}.`);
  return member;
}

/**
 * requireMember for the operations the command line also runs. A user is checked exactly as by
 * requireMember; the command line (lib/auth/system-actor.ts) is trusted as an operator: an
 * editor of any project that exists (a missing one is still 404), and its audit rows say so.
 */
export async function requireMemberOrOperator(
  actor: AnyActor,
  projectId: string,
  allowed?: (m: MemberContext) => boolean,
  what?: string,
  notFoundMessage = "Project not found.",
): Promise<MemberContext & { projectId: string }> {
  if (!isSystemActor(actor)) return requireMember(actor, projectId, allowed, what, notFoundMessage);
  const project = typeof projectId === "string" && projectId !== "" ? await db.project.findUnique({ where: { id: projectId }, select: { id: true } }) : null;
  if (!project) throw new AppError("not_found", notFoundMessage);
  return { role: "editor", isAdmin: true, projectId };
}
