import "server-only";
import { db } from "@/lib/db";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { presentRating } from "@/lib/verdicts/present-rating";

export type ExportFilter = {
  projectId: string;
  status: "verified" | "all";
  articleId?: string;
  from?: Date;
  to?: Date;
};

/** One claim as every export format sees it. */
export type ExportRecord = Awaited<ReturnType<typeof loadBatch>>["records"][number];

function whereOf(f: ExportFilter): Prisma.ClaimWhereInput {
  // Date filters apply to when a claim was verified (verified export) or created (all).
  const dateField = f.status === "verified" ? "verifiedAt" : "createdAt";
  const range = f.from || f.to ? { [dateField]: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lte: f.to } : {}) } } : {};
  return {
    projectId: f.projectId,
    ...(f.status === "verified" ? { status: "verified" as const } : { status: { not: "retracted" as const } }),
    ...(f.articleId ? { articleId: f.articleId } : {}),
    ...range,
  };
}

export async function countRecords(f: ExportFilter, client: PrismaClient = db) {
  return client.claim.count({ where: whereOf(f) });
}

/** whereOf, as SQL for the raw page queries (here and jsonl-sql.ts); keep the two in step. */
export function whereSql(f: ExportFilter, cursor: string | null): Prisma.Sql {
  const dateColumn = Prisma.raw(f.status === "verified" ? "verified_at" : "created_at");
  const parts = [
    Prisma.sql`project_id = ${f.projectId}`,
    f.status === "verified" ? Prisma.sql`status = 'verified'` : Prisma.sql`status <> 'retracted'`,
  ];
  if (f.articleId) parts.push(Prisma.sql`article_id = ${f.articleId}`);
  // As UTC text: plain pg would send a Date in the server's local time.
  if (f.from) parts.push(Prisma.sql`${dateColumn} >= ${f.from.toISOString()}::timestamp`);
  if (f.to) parts.push(Prisma.sql`${dateColumn} <= ${f.to.toISOString()}::timestamp`);
  if (cursor) parts.push(Prisma.sql`id > ${cursor}`);
  return Prisma.join(parts, " AND ");
}

type ClaimRow = {
  id: string; projectId: string; articleId: string; status: string; text: string; start: number; end: number; prefix: string; suffix: string;
  sentenceIndexes: number[]; kind: string; note: string; quantityValue: number | null; quantityKind: string | null; quantityUnit: string | null;
  verifiedAt: Date | null; createdAt: Date; updatedAt: Date;
};
type ArticleRow = { id: string; title: string; sourceUrl: string | null; outlet: string | null; publishedAt: Date | null; language: string };
type VerdictRow = { claimId: string; rating: string; rationale: string; updatedAt: Date; reviewerId: string; reviewerName: string };
type AdjudicationRow = { claimId: string; rating: string; note: string; editorId: string; editorName: string };
type SourceRow = { claimId: string; url: string; title: string; publisher: string; excerpt: string; stance: string; readAt: Date | null };
type LinkRow = { claimId: string; otherClaimId: string; relation: string };

/**
 * A page of export records after `cursor` (claim ids ascending), with everything attached.
 * Raw SQL, and what hangs off the page's claims read with one array parameter (`= ANY`): through
 * Prisma's models the page's queries bound a thousand parameters each, were compiled anew every
 * time and mapped row by row, which cost more than the export's writing (docs/benchmarks.md).
 */
export async function loadBatch(f: ExportFilter, cursor: string | null, size = 1000, client: PrismaClient = db) {
  const claims = await client.$queryRaw<ClaimRow[]>`
    SELECT id, project_id AS "projectId", article_id AS "articleId", status::text AS status, text, start, "end", prefix, suffix,
           sentence_indexes AS "sentenceIndexes", kind, note, quantity_value AS "quantityValue", quantity_kind AS "quantityKind",
           quantity_unit AS "quantityUnit", verified_at AS "verifiedAt", created_at AS "createdAt", updated_at AS "updatedAt"
    FROM claims WHERE ${whereSql(f, cursor)} ORDER BY id LIMIT ${size}`;
  const ids = claims.map((c) => c.id);
  const articleIds = [...new Set(claims.map((c) => c.articleId))];
  const [articles, verdicts, adjudications, sources, links] = ids.length
    ? await Promise.all([
        client.$queryRaw<ArticleRow[]>`SELECT id, title, source_url AS "sourceUrl", outlet, published_at AS "publishedAt", language
          FROM articles WHERE id = ANY(${articleIds})`,
        client.$queryRaw<VerdictRow[]>`SELECT v.claim_id AS "claimId", v.rating, v.rationale, v.updated_at AS "updatedAt", u.id AS "reviewerId", u.name AS "reviewerName"
          FROM verdicts v JOIN users u ON u.id = v.reviewer_id WHERE v.claim_id = ANY(${ids}) ORDER BY v.created_at, v.id`,
        client.$queryRaw<AdjudicationRow[]>`SELECT a.claim_id AS "claimId", a.rating, a.note, u.id AS "editorId", u.name AS "editorName"
          FROM adjudications a JOIN users u ON u.id = a.editor_id WHERE a.claim_id = ANY(${ids}) AND a.superseded_at IS NULL`,
        client.$queryRaw<SourceRow[]>`SELECT claim_id AS "claimId", url, title, publisher, excerpt, stance::text AS stance, read_at AS "readAt"
          FROM sources WHERE claim_id = ANY(${ids}) ORDER BY created_at, id`,
        client.$queryRaw<LinkRow[]>`SELECT claim_id AS "claimId", other_claim_id AS "otherClaimId", relation::text AS relation
          FROM claim_links WHERE claim_id = ANY(${ids}) OR other_claim_id = ANY(${ids}) ORDER BY created_at, id`,
      ])
    : [[], [], [], [], []];
  const group = <T, K extends keyof T>(rows: T[], key: K) => {
    const m = new Map<T[K], T[]>();
    for (const r of rows) {
      const list = m.get(r[key]);
      if (list) list.push(r);
      else m.set(r[key], [r]);
    }
    return m;
  };
  // A link is stored once but belongs to both of its claims.
  const linksBy = new Map<string, { relation: string; claimId: string }[]>();
  for (const l of links) {
    for (const [own, other] of [[l.claimId, l.otherClaimId], [l.otherClaimId, l.claimId]]) {
      const list = linksBy.get(own) ?? [];
      list.push({ relation: l.relation, claimId: other });
      linksBy.set(own, list);
    }
  }
  const articleById = new Map(articles.map((a) => [a.id, a]));
  const verdictsBy = group(verdicts, "claimId");
  const sourcesBy = group(sources, "claimId");
  const adjudicationBy = new Map(adjudications.map((a) => [a.claimId, a]));
  const records = claims.map((c) => {
    const article = articleById.get(c.articleId)!;
    const adj = adjudicationBy.get(c.id) ?? null;
    const final = adj ? presentRating(adj.rating) : null;
    return {
      id: c.id,
      projectId: c.projectId,
      status: c.status,
      article: { id: article.id, title: article.title, sourceUrl: article.sourceUrl, outlet: article.outlet, publishedAt: article.publishedAt, language: article.language },
      text: c.text,
      start: c.start,
      end: c.end,
      quote: { exact: c.text, prefix: c.prefix, suffix: c.suffix },
      sentenceIndexes: c.sentenceIndexes,
      kind: c.kind,
      note: c.note,
      quantity: c.quantityValue === null ? null : { value: c.quantityValue, kind: c.quantityKind, unit: c.quantityUnit },
      rating: final?.rating ?? null,
      ratingLabel: final?.label ?? null,
      editorNote: adj?.note ?? null,
      adjudicatedBy: adj ? { id: adj.editorId, name: adj.editorName } : null,
      verifiedAt: c.verifiedAt,
      verdicts: (verdictsBy.get(c.id) ?? []).map((v) => ({
        reviewer: { id: v.reviewerId, name: v.reviewerName },
        ...presentRating(v.rating),
        rationale: v.rationale,
        updatedAt: v.updatedAt,
      })),
      sources: (sourcesBy.get(c.id) ?? []).map((s) => ({ url: s.url, title: s.title, publisher: s.publisher, excerpt: s.excerpt, stance: s.stance, readAt: s.readAt })),
      links: linksBy.get(c.id) ?? [],
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
    };
  });
  return { records, next: claims.length === size ? claims[claims.length - 1].id : null };
}

// Characters beyond the Basic Multilingual Plane: one code point, two UTF-16 units.
const ASTRAL = "[\\U00010000-\\U0010FFFF]";

/**
 * The bodies, among these articles, that hold astral characters: only there do code-point
 * offsets differ from UTF-16 indices. The others are never read into memory.
 */
export async function loadAstralBodies(articleIds: string[], client: PrismaClient = db) {
  if (articleIds.length === 0) return new Map<string, string>();
  const rows = await client.$queryRaw<{ id: string; body: string }[]>`SELECT id, body FROM articles WHERE id = ANY(${articleIds}) AND body ~ ${ASTRAL}`;
  return new Map(rows.map((r) => [r.id, r.body]));
}
