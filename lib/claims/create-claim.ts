import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { canAnnotate, type MemberContext } from "@/lib/permissions/roles";
import { checkMember } from "@/lib/projects/require-member";
import { spanFacts } from "@/lib/claims/span";
import { presentClaim } from "@/lib/claims/present-claim";
import type { CreateClaimInput } from "@/lib/validation/claim";
import type { Claim, Prisma } from "@/lib/generated/prisma/client";
import type { SpanFacts } from "@/lib/claims/span";

/** A claim id: letters and digits like a cuid, and like cuids sorting in the order they are made. */
const claimId = () => `c${Date.now().toString(36)}${randomBytes(8).toString("hex")}`;

/**
 * Inserts a claim and its audit event in one statement (so the two commit or fail together even
 * outside a transaction), inside the caller's transaction when there is one. The row is made here,
 * with the defaults the schema gives a new claim, so the audit event can hold the claim as the
 * API shows it: through Prisma's create calls the two inserts cost two query compilations, and
 * claim creation was bound by the app's CPU (docs/benchmarks.md).
 */
export async function insertClaim(
  tx: Prisma.TransactionClient,
  c: { actorId: string; article: { id: string; projectId: string }; start: number; end: number; facts: SpanFacts; kind?: string; note?: string; suggestionId?: string | null },
): Promise<Claim> {
  const now = new Date();
  const claim: Claim = {
    id: claimId(),
    projectId: c.article.projectId,
    articleId: c.article.id,
    start: c.start,
    end: c.end,
    text: c.facts.text,
    prefix: c.facts.prefix,
    suffix: c.facts.suffix,
    sentenceIndexes: c.facts.sentenceIndexes,
    kind: c.kind ?? (c.facts.quantity ? "figure" : "statement"),
    note: c.note ?? "",
    quantityValue: c.facts.quantity?.value ?? null,
    quantityKind: c.facts.quantity?.kind ?? null,
    quantityUnit: c.facts.quantity?.unit ?? null,
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
  const after = JSON.stringify(presentClaim(claim));
  await tx.$executeRaw`
    WITH claim AS (
      INSERT INTO claims (id, project_id, article_id, start, "end", text, prefix, suffix, sentence_indexes, kind, note,
                          quantity_value, quantity_kind, quantity_unit, status, version, suggestion_id, created_by_id, created_at, updated_at)
      VALUES (${claim.id}, ${claim.projectId}, ${claim.articleId}, ${claim.start}, ${claim.end}, ${claim.text}, ${claim.prefix}, ${claim.suffix},
              ${claim.sentenceIndexes}::int[], ${claim.kind}, ${claim.note}, ${claim.quantityValue}, ${claim.quantityKind}, ${claim.quantityUnit},
              'open', 1, ${claim.suggestionId}, ${claim.createdById}, ${now}, ${now})
      RETURNING id, project_id
    )
    INSERT INTO audit_events (actor_id, project_id, entity, entity_id, action, after)
    SELECT ${c.actorId}, project_id, 'claim', id, 'create', ${after}::jsonb FROM claim`;
  return claim;
}

/**
 * The article a claim is flagged on and the caller's role in its project, in one query (what
 * getArticleOrThrow reads in two), with the same answers: 404 for a missing article or an
 * outsider, 403 for a member whose role may not flag claims.
 */
async function articleToAnnotate(actor: Actor, articleId: string) {
  const notFound = "Article not found.";
  if (!actor?.id || typeof articleId !== "string" || articleId === "") throw new AppError("not_found", notFound);
  const [row] = await db.$queryRaw<{ id: string; projectId: string; body: string; role: MemberContext["role"] | null }[]>`
    SELECT a.id, a.project_id AS "projectId", a.body, m.role::text AS role
    FROM articles a LEFT JOIN memberships m ON m.project_id = a.project_id AND m.user_id = ${actor.id}
    WHERE a.id = ${articleId}`;
  if (!row) throw new AppError("not_found", notFound);
  checkMember(actor, row.projectId, row.role, canAnnotate, "flag claims", notFound);
  return { id: row.id, projectId: row.projectId, body: row.body };
}

export async function createClaim({ actor, articleId, input }: { actor: Actor; articleId: string; input: CreateClaimInput }) {
  const article = await articleToAnnotate(actor, articleId);
  const facts = await spanFacts(db, article, input.start, input.end);
  if (input.suggestionId) {
    const suggestion = await db.suggestion.findUnique({ where: { id: input.suggestionId } });
    if (!suggestion || suggestion.articleId !== articleId) {
      throw new AppError("invalid_input", "Unknown suggestion for this article.", { fields: { suggestionId: "is not a suggestion of this article" } });
    }
    if (suggestion.type !== "claim") {
      throw new AppError("invalid_input", "Accept a contradiction through POST /api/v1/suggestions/{id}/accept.", { fields: { suggestionId: "is a contradiction, not a claim suggestion" } });
    }
  }
  const insert = (tx: Prisma.TransactionClient) =>
    insertClaim(tx, { actorId: actor.id, article, start: input.start, end: input.end, facts, kind: input.kind, note: input.note, suggestionId: input.suggestionId });
  // Without a suggestion to take, the claim and its audit event are one statement: no
  // interactive transaction (its BEGIN and COMMIT are two more round trips).
  if (!input.suggestionId) return presentClaim(await insert(db));
  const claim = await db.$transaction(async (tx) => {
    const taken = await tx.suggestion.updateMany({
      where: { id: input.suggestionId, state: "pending" },
      data: { state: "accepted", resolvedById: actor.id, resolvedAt: new Date() },
    });
    if (taken.count === 0) {
      const current = await tx.suggestion.findUnique({ where: { id: input.suggestionId } });
      throw new AppError("conflict", `This suggestion was already ${current?.state}.`, { current });
    }
    return insert(tx);
  });
  return presentClaim(claim);
}
