import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";

/** The reviewer opened the assigned article: it is no longer new in their inbox. */
export async function markAssignmentSeen({ actor, articleId }: { actor: Actor; articleId: string }) {
  await db.assignment.updateMany({ where: { articleId, reviewerId: actor.id, seenAt: null }, data: { seenAt: new Date() } });
}
