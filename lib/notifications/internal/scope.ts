import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";

/** Only notifications of projects the user still belongs to count. */
export async function scope(actor: Actor) {
  const projects = await db.membership.findMany({ where: { userId: actor.id }, select: { projectId: true } });
  return { userId: actor.id, projectId: { in: projects.map((m) => m.projectId) } };
}
