import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit/write-audit";
import { loadSuggestion } from "@/lib/suggestions/internal/load-suggestion";
import { takeSuggestion } from "@/lib/suggestions/take-suggestion";

export async function dismissSuggestion({ actor, suggestionId }: { actor: Actor; suggestionId: string }) {
  const { suggestion } = await loadSuggestion(actor, suggestionId);
  return db.$transaction(async (tx) => {
    await takeSuggestion(tx, suggestionId, "dismissed", actor.id);
    await writeAudit(tx, { actorId: actor.id, projectId: suggestion.article.projectId, entity: "suggestion", entityId: suggestionId, action: "dismiss" });
    return { suggestionId, state: "dismissed" as const };
  });
}
