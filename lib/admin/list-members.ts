import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { canManageProjects } from "@/lib/permissions/roles";
import { requireMember } from "@/lib/projects/require-member";

/** A project's members with their roles, oldest first: for its members and for admins. */
export async function listMembers({ actor, projectId }: { actor: Actor; projectId: string }) {
  if (!canManageProjects(actor)) await requireMember(actor, projectId);
  const members = await db.membership.findMany({ where: { projectId }, include: { user: { select: { id: true, email: true, name: true } } }, orderBy: { createdAt: "asc" } });
  return members.map((m) => ({ userId: m.userId, email: m.user.email, name: m.user.name, role: m.role, since: m.createdAt }));
}
