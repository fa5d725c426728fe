import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/write-audit";
import { canAnnotate } from "@/lib/permissions/roles";
import { getClaimOrThrow } from "@/lib/claims/get-claim-or-throw";
import { refuseIfVerified } from "@/lib/claims/internal/guards";
import type { SourceInput } from "@/lib/validation/claim";

/** Stores a source; its URL is kept and shown, never fetched by the server. */
export async function addSource({ actor, claimId, input }: { actor: Actor; claimId: string; input: SourceInput }) {
  const { claim, member } = await getClaimOrThrow({ actor, claimId, allowed: canAnnotate, what: "add sources" });
  if (claim.status === "retracted") throw new AppError("conflict", "The claim is retracted; restore it first.", { reason: "claim_retracted" });
  // The sources are part of what the editor judged and the export publishes.
  await refuseIfVerified({ actor, member }, claim, "sources are added");
  return db.$transaction(async (tx) => {
    // Verified meanwhile: the row lock orders this after the adjudication, which then shows.
    const [locked] = await tx.$queryRaw<{ status: string }[]>`SELECT status::text AS status FROM claims WHERE id = ${claimId} FOR SHARE`;
    if (locked.status === "verified" || locked.status === "retracted") {
      throw new AppError("conflict", `The claim was ${locked.status} meanwhile.`, { reason: `claim_${locked.status}` });
    }
    const source = await tx.source.create({
      data: {
        claimId,
        url: input.url,
        title: input.title ?? "",
        publisher: input.publisher ?? "",
        excerpt: input.excerpt ?? "",
        stance: input.stance,
        readAt: input.readAt ?? null,
        createdById: actor.id,
      },
    });
    await writeAudit(tx, { actorId: actor.id, projectId: claim.projectId, entity: "source", entityId: source.id, action: "create", after: source });
    return source;
  });
}
