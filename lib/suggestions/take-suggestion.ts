import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";

/**
 * Takes a pending suggestion, once, inside the caller's transaction: whoever comes second is
 * told what became of it (409). Used by accepting and dismissing a suggestion, and by flagging
 * a claim from one (lib/claims/create-claim.ts).
 */
export async function takeSuggestion(tx: Prisma.TransactionClient, id: string, state: "accepted" | "dismissed", actorId: string) {
  const taken = await tx.suggestion.updateMany({ where: { id, state: "pending" }, data: { state, resolvedById: actorId, resolvedAt: new Date() } });
  if (taken.count === 0) {
    const current = await tx.suggestion.findUnique({ where: { id } });
    throw new AppError("conflict", `This suggestion was already ${current?.state}.`, { current, reason: `suggestion_${current?.state ?? "resolved"}` });
  }
}
