import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { AnyActor } from "@/lib/auth/system-actor";
import { auditActor, writeAudit, type AuditInput } from "@/lib/audit/write-audit";
import { canAdjudicate } from "@/lib/permissions/roles";
import { requireMemberOrOperator } from "@/lib/projects/require-member";
import { readClaimReview, type ReferenceInput } from "@/lib/fact-checks/claim-review";

export const canImportFactChecks = canAdjudicate;
const BATCH = 500;

export type ItemStatus = "stored" | "partial" | "duplicate" | "invalid" | "skipped";
export type ItemReport = { index: number; status: ItemStatus; id?: string; url?: string; reasons?: string[] };
export type ImportSummary = Record<ItemStatus, number> & { items: number };

type Pending = { index: number; input: ReferenceInput; warnings: string[] };

function idMaker() {
  const prefix = `f${Date.now().toString(36)}${randomBytes(6).toString("hex")}`;
  let n = 0;
  return () => prefix + (n++).toString(36).padStart(5, "0");
}

/**
 * One batch in one transaction: rows not already there (same project and URL), their figures, one
 * audit row. created_by is the importing user, or null when the command line imported.
 */
async function storeBatch(projectId: string, by: Pick<AuditInput, "actorId" | "system">, batch: Pending[], newId: () => string): Promise<Map<string, string>> {
  const rows = batch.map((p) => ({ id: newId(), ...p.input }));
  return db.$transaction(async (tx) => {
    const inserted = await tx.$queryRaw<{ id: string; url: string }[]>`
      INSERT INTO reference_fact_checks (id, project_id, url, claim_reviewed, rating_value, best_rating, worst_rating, rating_label,
                                         author_name, author_url, claimant, review_date, language, created_by_id)
      SELECT id, ${projectId}, url, claim, rv, br, wr, label, author, author_url, claimant, review_date, lang, ${by.actorId}::text
      FROM unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.url)}::text[], ${rows.map((r) => r.claimReviewed)}::text[],
                  ${rows.map((r) => r.ratingValue)}::float8[], ${rows.map((r) => r.bestRating)}::float8[], ${rows.map((r) => r.worstRating)}::float8[],
                  ${rows.map((r) => r.ratingLabel)}::text[], ${rows.map((r) => r.authorName)}::text[], ${rows.map((r) => r.authorUrl)}::text[],
                  ${rows.map((r) => r.claimant)}::text[], ${rows.map((r) => r.reviewDate?.toISOString() ?? null)}::timestamptz[],
                  ${rows.map((r) => r.language)}::text[])
           AS t(id, url, claim, rv, br, wr, label, author, author_url, claimant, review_date, lang)
      ON CONFLICT (project_id, url) DO NOTHING
      RETURNING id, url`;
    const ids = new Map(inserted.map((r) => [r.url, r.id]));
    const figures = rows.filter((r) => ids.get(r.url) === r.id).flatMap((r) => r.figures.map((f, index) => ({ ...f, index, factCheckId: r.id })));
    if (figures.length > 0) {
      await tx.$executeRaw`
        INSERT INTO reference_figures (fact_check_id, index, text, value, kind, unit, noun, qualifier)
        SELECT * FROM unnest(${figures.map((f) => f.factCheckId)}::text[], ${figures.map((f) => f.index)}::int[], ${figures.map((f) => f.text)}::text[],
                             ${figures.map((f) => f.value)}::float8[], ${figures.map((f) => f.kind)}::text[], ${figures.map((f) => f.unit)}::text[],
                             ${figures.map((f) => f.noun)}::text[], ${figures.map((f) => f.qualifier)}::text[])`;
    }
    if (inserted.length > 0) {
      await writeAudit(tx, {
        ...by,
        projectId,
        entity: "fact-check",
        entityId: inserted[0].id,
        action: "import",
        after: { count: inserted.length, ids: inserted.map((r) => r.id) },
      });
    }
    return ids;
  });
}

/**
 * Imports ClaimReview items (already split out of their file) as the project's reference
 * fact-checks, a batch at a time so memory stays bounded. Every item is reported through
 * `report` (and counted): stored, partial (stored, with what was missing), duplicate (its URL
 * is already in the project, or earlier in the file), invalid or skipped (not a ClaimReview).
 */
export async function importFactChecks({
  actor,
  projectId,
  items,
  report,
}: {
  actor: AnyActor;
  projectId: string;
  items: AsyncIterable<{ index: number; value?: unknown; error?: string }> | Iterable<{ index: number; value?: unknown; error?: string }>;
  report: (r: ItemReport) => void;
}): Promise<ImportSummary> {
  await requireMemberOrOperator(actor, projectId, canImportFactChecks, "import fact-checks");
  const by = auditActor(actor);
  const summary: ImportSummary = { items: 0, stored: 0, partial: 0, duplicate: 0, invalid: 0, skipped: 0 };
  const emit = (r: ItemReport) => {
    summary[r.status]++;
    report(r);
  };
  const seen = new Set<string>();
  const newId = idMaker();
  let batch: Pending[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const ids = await storeBatch(projectId, by, batch, newId);
    for (const p of batch) {
      const id = ids.get(p.input.url);
      if (!id) emit({ index: p.index, status: "duplicate", url: p.input.url, reasons: ["a fact-check with this URL is already in the project"] });
      else if (p.warnings.length > 0) emit({ index: p.index, status: "partial", id, url: p.input.url, reasons: p.warnings });
      else emit({ index: p.index, status: "stored", id, url: p.input.url });
    }
    batch = [];
  };
  for await (const item of items) {
    summary.items++;
    if (item.error !== undefined) {
      emit({ index: item.index, status: "invalid", reasons: [item.error] });
      continue;
    }
    const read = readClaimReview(item.value);
    if (read.kind === "invalid") emit({ index: item.index, status: "invalid", ...(read.url ? { url: read.url } : {}), reasons: read.reasons });
    else if (read.kind === "skipped") emit({ index: item.index, status: "skipped", reasons: read.reasons });
    else if (seen.has(read.value.url)) emit({ index: item.index, status: "duplicate", url: read.value.url, reasons: ["the same URL appears earlier in this file"] });
    else {
      seen.add(read.value.url);
      batch.push({ index: item.index, input: read.value, warnings: read.warnings });
      if (batch.length >= BATCH) await flush();
    }
  }
  await flush();
  return summary;
}
