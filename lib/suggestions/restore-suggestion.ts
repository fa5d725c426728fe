import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/write-audit";
import { loadSuggestion } from "@/lib/suggestions/internal/load-suggestion";

/**
 * Undoes a dismissal: a dismissed suggestion is pending again. A pending one stays as it is
 * (the undo's aim is met); an accepted one answers 409 (retract its claims instead).
 */
export async function restoreSuggestion({ actor, suggestionId }: { actor: Actor; suggestionId: string }) {
  const { suggestion } = await loadSuggestion(actor, suggestionId);
  return db.$transaction(async (tx) => {
    const back = await tx.suggestion.updateMany({ where: { id: suggestionId, state: "dismissed" }, data: { state: "pending", resolvedById: null, resolvedAt: null } });
    if (back.count === 0) {
      const current = await tx.suggestion.findUniqueOrThrow({ where: { id: suggestionId } });
      if (current.state === "pending") return { suggestionId, state: "pending" as const };
      throw new AppError("conflict", `This suggestion was ${current.state}; only a dismissed one can be restored.`, { reason: "suggestion_accepted", current });
    }
    await writeAudit(tx, { actorId: actor.id, projectId: suggestion.article.projectId, entity: "suggestion", entityId: suggestionId, action: "restore" });
    return { suggestionId, state: "pending" as const };
  });
}
