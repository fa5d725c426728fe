import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/write-audit";
import { applyDisagreementRule } from "@/lib/claims/disagreement-rule";
import type { DisagreementRule } from "@/lib/claims/claim-status";
import { canAdjudicate, canManageProjects } from "@/lib/permissions/roles";
import { requireMember } from "@/lib/projects/require-member";

function requireAdmin(actor: Actor) {
  if (!canManageProjects(actor)) throw new AppError("forbidden", "Only an admin may do this.");
}

/** Creates a project; its creator becomes an editor of it, so it can be worked on at once. */
export async function createProject({ actor, name, defaultLanguage }: { actor: Actor; name: string; defaultLanguage?: "ar" | "en" }) {
  requireAdmin(actor);
  return db.$transaction(async (tx) => {
    const project = await tx.project.create({ data: { name, defaultLanguage: defaultLanguage ?? "ar" } });
    await tx.membership.create({ data: { projectId: project.id, userId: actor.id, role: "editor" } });
    await writeAudit(tx, { actorId: actor.id, projectId: project.id, entity: "project", entityId: project.id, action: "create", after: project });
    return project;
  });
}

export async function addMember({ actor, projectId, email, role }: { actor: Actor; projectId: string; email: string; role: "reviewer" | "editor" }) {
  requireAdmin(actor);
  const project = await db.project.findUnique({ where: { id: projectId } });
  if (!project) throw new AppError("not_found", "Project not found.");
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!user) throw new AppError("invalid_input", "No user has this email.", { fields: { email: "is not a user of Sanad" } });
  return db.$transaction(async (tx) => {
    const before = await tx.membership.findUnique({ where: { projectId_userId: { projectId, userId: user.id } } });
    const m = await tx.membership.upsert({
      where: { projectId_userId: { projectId, userId: user.id } },
      create: { projectId, userId: user.id, role },
      update: { role },
    });
    await writeAudit(tx, { actorId: actor.id, projectId, entity: "membership", entityId: m.id, action: before ? "change-role" : "add", before, after: m });
    return { ...m, created: !before, user: { id: user.id, email: user.email, name: user.name } };
  });
}

/** Removes a member: access ends with their next request; their verdicts and claims stay. */
export async function removeMember({ actor, projectId, userId }: { actor: Actor; projectId: string; userId: string }) {
  requireAdmin(actor);
  return db.$transaction(async (tx) => {
    const m = await tx.membership.findUnique({ where: { projectId_userId: { projectId, userId } } });
    if (!m) throw new AppError("not_found", "This user is not a member of the project.");
    await tx.membership.delete({ where: { id: m.id } });
    await writeAudit(tx, { actorId: actor.id, projectId, entity: "membership", entityId: m.id, action: "remove", before: m });
    return { removed: true };
  });
}

export async function listMembers({ actor, projectId }: { actor: Actor; projectId: string }) {
  if (!canManageProjects(actor)) await requireMember(actor, projectId);
  const members = await db.membership.findMany({ where: { projectId }, include: { user: { select: { id: true, email: true, name: true } } }, orderBy: { createdAt: "asc" } });
  return members.map((m) => ({ userId: m.userId, email: m.user.email, name: m.user.name, role: m.role, since: m.createdAt }));
}

export async function updateProjectSettings({
  actor,
  projectId,
  settings,
}: {
  actor: Actor;
  projectId: string;
  settings: { requiredVerdicts?: number; organizationName?: string; organizationUrl?: string | null; disagreementRule?: DisagreementRule };
}) {
  if (!canManageProjects(actor)) await requireMember(actor, projectId, canAdjudicate, "change project settings");
  return db.$transaction(async (tx) => {
    const before = await tx.project.findUnique({ where: { id: projectId } });
    if (!before) throw new AppError("not_found", "Project not found.");
    const after = await tx.project.update({ where: { id: projectId }, data: settings });
    await writeAudit(tx, { actorId: actor.id, projectId, entity: "project", entityId: projectId, action: "settings", before, after });
    if (after.disagreementRule !== before.disagreementRule) await applyDisagreementRule(tx, { projectId, rule: after.disagreementRule, actorId: actor.id });
    return after;
  });
}
