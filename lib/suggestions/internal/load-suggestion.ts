import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { canAnnotate } from "@/lib/permissions/roles";
import { requireMember } from "@/lib/projects/require-member";

/** A suggestion the caller may resolve, with its article; outsiders get the same 404 as for a missing one. */
export async function loadSuggestion(actor: Actor, suggestionId: string) {
  const suggestion = await db.suggestion.findUnique({ where: { id: suggestionId }, include: { article: { select: { id: true, projectId: true, body: true } } } });
  if (!suggestion) throw new AppError("not_found", "Suggestion not found.");
  const member = await requireMember(actor, suggestion.article.projectId, canAnnotate, "resolve suggestions", "Suggestion not found.");
  return { suggestion, member };
}
