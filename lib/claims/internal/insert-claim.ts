import "server-only";
import { defaultClaimKind } from "@/lib/claims/kind";
import { randomBytes } from "node:crypto";
import { queryRows } from "@/lib/db";
import { auditInSameStatement } from "@/lib/audit/write-audit";
import { Prisma, type Claim } from "@/lib/generated/prisma/client";
import { presentClaim } from "@/lib/claims/present-claim";
import { spanColumns, spanFacts } from "@/lib/claims/internal/span";

/** A claim id: letters and digits like a cuid, and like cuids sorting in the order they are made. */
const newClaimId = () => `c${Date.now().toString(36)}${randomBytes(8).toString("hex")}`;

export type NewClaim = {
  actorId: string;
  article: { id: string; projectId: string; body: string };
  start: number;
  end: number;
  kind?: string;
  note?: string;
  suggestionId?: string | null;
};

/**
 * Every claim is made here: the span checked against the article, then the claim, its audit row
 * and its event-feed row (what writeAudit writes) in one SQL statement, so the three commit or
 * fail together, also outside a transaction (claim creation without a suggestion runs none).
 * Inside the caller's transaction when given one, else straight on the pool. The row is made here, with the defaults the
 * schema gives a new claim, so the audit row holds the claim as the API shows it; through
 * Prisma's create calls this was four statements and as many query compilations, and claim
 * creation is bound by the app's CPU (docs/benchmarks.md).
 */
export async function insertClaim(tx: Prisma.TransactionClient | undefined, c: NewClaim): Promise<Claim> {
  const facts = await spanFacts(tx, c.article, c.start, c.end);
  const now = new Date();
  const claim: Claim = {
    id: newClaimId(),
    projectId: c.article.projectId,
    articleId: c.article.id,
    ...spanColumns(c.start, c.end, facts),
    kind: c.kind ?? defaultClaimKind(facts.quantity !== null),
    note: c.note ?? "",
    status: "open",
    statusBeforeRetraction: null,
    retractionReason: null,
    version: 1,
    suggestionId: c.suggestionId ?? null,
    createdById: c.actorId,
    createdAt: now,
    updatedAt: now,
    verifiedAt: null,
  };
  const audit = auditInSameStatement(
    { actorId: c.actorId, projectId: claim.projectId, entity: "claim", entityId: claim.id, action: "create", after: presentClaim(claim) },
    { claimId: claim.id, articleId: claim.articleId },
  );
  const at = now.toISOString();
  await queryRows(Prisma.sql`
    WITH claim_row AS (
      INSERT INTO claims (id, project_id, article_id, start, "end", text, prefix, suffix, sentence_indexes, kind, note,
                          quantity_value, quantity_kind, quantity_unit, status, version, suggestion_id, created_by_id, created_at, updated_at)
      VALUES (${claim.id}, ${claim.projectId}, ${claim.articleId}, ${claim.start}, ${claim.end}, ${claim.text}, ${claim.prefix}, ${claim.suffix},
              ${claim.sentenceIndexes}::int[], ${claim.kind}, ${claim.note}, ${claim.quantityValue}, ${claim.quantityKind}, ${claim.quantityUnit},
              'open', 1, ${claim.suggestionId}, ${claim.createdById}, ${at}::timestamp, ${at}::timestamp)),
    ${audit}
    SELECT 1`, tx);
  return claim;
}
