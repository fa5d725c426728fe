import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { RATING_LABELS, type Rating } from "@/lib/validation/claim";

export type ExportFilter = {
  projectId: string;
  status: "verified" | "all";
  articleId?: string;
  from?: Date;
  to?: Date;
};

const ratingValue = (r: string) => (r === "unverifiable" ? "unverifiable" : Number(r));

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

export async function countRecords(f: ExportFilter) {
  return db.claim.count({ where: whereOf(f) });
}

/** A page of export records after `cursor` (claim ids ascending), with everything attached. */
export async function loadBatch(f: ExportFilter, cursor: string | null, size = 1000) {
  const claims = await db.claim.findMany({
    where: { ...whereOf(f), ...(cursor ? { id: { gt: cursor } } : {}) },
    orderBy: { id: "asc" },
    take: size,
  });
  const ids = claims.map((c) => c.id);
  const articleIds = [...new Set(claims.map((c) => c.articleId))];
  const [articles, verdicts, adjudications, sources, links] = ids.length
    ? await Promise.all([
        db.article.findMany({ where: { id: { in: articleIds } }, select: { id: true, title: true, sourceUrl: true, outlet: true, publishedAt: true, language: true } }),
        db.verdict.findMany({ where: { claimId: { in: ids } }, include: { reviewer: { select: { id: true, name: true } } }, orderBy: { createdAt: "asc" } }),
        db.adjudication.findMany({ where: { claimId: { in: ids }, supersededAt: null }, include: { editor: { select: { id: true, name: true } } } }),
        db.source.findMany({ where: { claimId: { in: ids } }, orderBy: { createdAt: "asc" } }),
        db.claimLink.findMany({ where: { OR: [{ claimId: { in: ids } }, { otherClaimId: { in: ids } }] }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
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
      rating: adj ? ratingValue(adj.rating) : null,
      ratingLabel: adj ? RATING_LABELS[adj.rating as Rating] : null,
      editorNote: adj?.note ?? null,
      adjudicatedBy: adj ? adj.editor : null,
      verifiedAt: c.verifiedAt,
      verdicts: (verdictsBy.get(c.id) ?? []).map((v) => ({
        reviewer: v.reviewer,
        rating: ratingValue(v.rating),
        label: RATING_LABELS[v.rating as Rating],
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
export async function loadAstralBodies(articleIds: string[]) {
  if (articleIds.length === 0) return new Map<string, string>();
  const rows = await db.$queryRaw<{ id: string; body: string }[]>`SELECT id, body FROM articles WHERE id = ANY(${articleIds}) AND body ~ ${ASTRAL}`;
  return new Map(rows.map((r) => [r.id, r.body]));
}
