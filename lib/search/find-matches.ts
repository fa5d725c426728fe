import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getClaimOrThrow } from "@/lib/claims/get-claim-or-throw";
import { requireMember } from "@/lib/projects/require-member";
import { candidateRange, describeFigure, figuresMatch, MATCHED_KINDS, type FigureFacts } from "@/lib/search/figure-match";
import { foldText } from "@/lib/search/fold";
import { RATING_LABELS, type Rating } from "@/lib/validation/claim";

/** Trigram similarity (of folded texts) from which two texts "say nearly the same thing". */
export const TEXT_SIMILARITY = 0.4;
const CANDIDATES = 200;
// Rows sharing words with the subject that are scored by trigram similarity, at most.
const WORDING_CANDIDATES = 2000;
const FIGURE_CANDIDATES = 100;
// How long the wording lookups may take before the answer goes without them.
const TEXT_TIME_LIMIT_MS = 1500;
const MAX_MATCHES = 20;
// A claim figure candidate: same unit, in the caller's projects ($2), from another article ($3), standing.
const FIGURE_SCOPE = `c.quantity_unit IS NOT DISTINCT FROM $7 AND c.project_id = ANY($2::text[]) AND c.article_id <> $3 AND c.status <> 'retracted'`;
// A claim shorter than this is compared by its sentence: a bare figure says too little.
const SHORT_CLAIM = 40;
// Trigram lookups cost with the length compared: the first 300 characters say what the claim is.
const MAX_COMPARED = 300;

// `figure` is English ("7,700,000 people"); `value`, `unit` and `percent` let a client phrase it in its language.
export type MatchReason = { kind: "figure"; figure: string; value?: number; unit?: string | null; percent?: boolean } | { kind: "text"; similarity: number };

export type Match = {
  type: "claim" | "fact-check";
  id: string;
  projectId: string;
  text: string;
  reasons: MatchReason[];
  score: number;
  status: string | null;
  finalRating: string | null;
  /** The claim's final rating in words, or the reference fact-check's own label. */
  label: string | null;
  external: boolean;
  /** A claim of the same project can be linked as same_as; `linked` when it already is. */
  sameProject: boolean;
  linked: boolean;
  article: { id: string; title: string; outlet: string | null; publishedAt: Date | null } | null;
  sources: { url: string; title: string; publisher: string; stance: string }[];
  factCheck: { url: string; author: string | null; claimant: string | null; reviewDate: Date | null; ratingValue: number | null; bestRating: number | null; worstRating: number | null; language: string | null } | null;
};

type Subject = { projectId: string; articleId: string; claimId: string | null; text: string; figure: FigureFacts | null };

type ClaimRow = { id: string; project_id: string; text: string; article_id: string; status: string; similarity: number | null };
type FactCheckRow = { id: string; project_id: string; claim_reviewed: string; similarity: number | null };

async function candidates(actor: Actor, s: Subject) {
  const folded = foldText(s.text).slice(0, MAX_COMPARED);
  const figure = s.figure && MATCHED_KINDS.has(s.figure.kind) ? s.figure : null;
  // Claims keep no hedge with their figure: within rounding is within 5%. Reference figures may
  // be bounds ("more than"), which reach further.
  const [lo, hi] = figure ? candidateRange(figure, false) : [0, 0];
  const [refLo, refHi] = figure ? candidateRange(figure, true) : [0, 0];
  const projects = (await db.$queryRaw<{ project_id: string }[]>`SELECT project_id FROM memberships WHERE user_id = ${actor.id}`).map((r) => r.project_id);
  const claimCols = `c.id, c.project_id, c.text, c.article_id, c.status::text AS status`;
  // Wording: the trigram index finds candidates at the threshold, each lookup in its own short
  // transaction with a time limit, so a huge archive makes the answer incomplete, never slow.
  let complete = true;
  const similar = <T,>(sql: string, ...args: unknown[]) =>
    db
      .$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`SET LOCAL pg_trgm.similarity_threshold = ${TEXT_SIMILARITY}`);
        await tx.$executeRawUnsafe(`SET LOCAL statement_timeout = ${TEXT_TIME_LIMIT_MS}`);
        return tx.$queryRawUnsafe<T[]>(sql, ...args);
      }, { timeout: TEXT_TIME_LIMIT_MS * 3 })
      .catch((e: unknown) => {
        if (!/57014|canceling statement due to statement timeout/.test(String((e as { code?: string; message?: string })?.message ?? e) + String((e as { code?: string })?.code ?? ""))) throw e;
        complete = false;
        return [] as T[];
      });
  const [byText, byFigure, refByText, refByFigure] = await Promise.all([
    // Candidates share two of the subject's longest words (sanad_overlap_query, through the
    // full-text index, whose posting lists stay short as the archive grows), a bounded number
    // of them; only those are scored by trigram similarity. A lookup by trigrams over the
    // whole archive read posting lists as long as the archive (docs/benchmarks.md).
    similar<ClaimRow>(
      `SELECT cand.*, similarity(sanad_fold(cand.text), $1) AS similarity FROM (
         SELECT ${claimCols} FROM claims c
         WHERE c.search_vector @@ sanad_overlap_query($1) AND c.project_id = ANY($2::text[]) AND c.article_id <> $3 AND c.status <> 'retracted'
         LIMIT ${WORDING_CANDIDATES}) AS cand
       WHERE similarity(sanad_fold(cand.text), $1) >= ${TEXT_SIMILARITY}
       ORDER BY similarity DESC LIMIT ${CANDIDATES}`,
      folded, projects, s.articleId,
    ),
    // Nearest values first, the wording scored only for the rows kept. Two walks of the figure
    // index outwards from the value (up, and down), each stopping at its limit: sorting the
    // whole range by distance read every figure within 5 % (50,000 rows at a million claims).
    figure
      ? db.$queryRawUnsafe<(ClaimRow & { value: number; kind: string; unit: string | null })[]>(
          `WITH up AS (
             SELECT ${claimCols}, c.quantity_value AS value, c.quantity_kind AS kind, c.quantity_unit AS unit FROM claims c
             WHERE c.quantity_kind = $4 AND c.quantity_value >= $8 AND c.quantity_value <= $6 AND ${FIGURE_SCOPE}
             ORDER BY c.quantity_value LIMIT ${FIGURE_CANDIDATES}),
           down AS (
             SELECT ${claimCols}, c.quantity_value AS value, c.quantity_kind AS kind, c.quantity_unit AS unit FROM claims c
             WHERE c.quantity_kind = $4 AND c.quantity_value < $8 AND c.quantity_value >= $5 AND ${FIGURE_SCOPE}
             ORDER BY c.quantity_value DESC LIMIT ${FIGURE_CANDIDATES})
           SELECT near.*, similarity(sanad_fold(near.text), $1) AS similarity FROM (
             SELECT * FROM (SELECT * FROM up UNION ALL SELECT * FROM down) AS both_ways ORDER BY abs(value - $8) LIMIT ${FIGURE_CANDIDATES}) AS near`,
          folded, projects, s.articleId, figure.kind, lo, hi, figure.unit, figure.value,
        )
      : Promise.resolve([]),
    similar<FactCheckRow>(
      `SELECT f.id, f.project_id, f.claim_reviewed, similarity(sanad_fold(f.claim_reviewed), $1) AS similarity FROM reference_fact_checks f
       WHERE sanad_fold(f.claim_reviewed) % $1 AND f.project_id = ANY($2::text[])
       ORDER BY similarity DESC LIMIT ${CANDIDATES}`,
      folded, projects,
    ),
    figure
      ? db.$queryRawUnsafe<(FactCheckRow & { value: number; kind: string; unit: string | null; qualifier: string | null; figure_text: string })[]>(
          `SELECT near.*, similarity(sanad_fold(near.claim_reviewed), $1) AS similarity FROM (
             SELECT f.id, f.project_id, f.claim_reviewed, r.value, r.kind, r.unit, r.qualifier, r.text AS figure_text
             FROM reference_figures r JOIN reference_fact_checks f ON f.id = r.fact_check_id
             WHERE r.kind = $3 AND r.value BETWEEN $4 AND $5 AND r.unit IS NOT DISTINCT FROM $6 AND f.project_id = ANY($2::text[])
             ORDER BY abs(r.value - $7) LIMIT ${FIGURE_CANDIDATES}) AS near`,
          folded, projects, figure.kind, refLo, refHi, figure.unit, figure.value,
        )
      : Promise.resolve([]),
  ]);
  return { figure, byText, byFigure, refByText, refByFigure, complete };
}

/** Ranked "checked before" for a subject: figure matches first, then by wording. */
async function findMatches(actor: Actor, s: Subject): Promise<{ items: Match[]; complete: boolean }> {
  const { figure, byText, byFigure, refByText, refByFigure, complete } = await candidates(actor, s);
  type Found = { type: Match["type"]; id: string; projectId: string; text: string; reasons: MatchReason[]; similarity: number };
  const found = new Map<string, Found>();
  const entry = (type: Match["type"], id: string, projectId: string, text: string, similarity: number | null) => {
    const key = `${type}:${id}`;
    let f = found.get(key);
    if (!f) found.set(key, (f = { type, id, projectId, text, reasons: [], similarity: Number(similarity ?? 0) }));
    return f;
  };
  for (const r of [...byFigure, ...refByFigure]) {
    if (r.id === s.claimId || !figure || !figuresMatch(figure, r)) continue;
    const f = entry("claim_reviewed" in r ? "fact-check" : "claim", r.id, r.project_id, "claim_reviewed" in r ? r.claim_reviewed : r.text, r.similarity);
    if (!f.reasons.some((x) => x.kind === "figure")) f.reasons.push({ kind: "figure", figure: describeFigure(r), value: Number(r.value), unit: r.unit, percent: r.kind === "percent" });
  }
  for (const r of [...byText, ...refByText]) {
    if (r.id === s.claimId) continue;
    const isRef = "claim_reviewed" in r;
    const f = entry(isRef ? "fact-check" : "claim", r.id, r.project_id, isRef ? r.claim_reviewed : r.text, r.similarity);
    f.reasons.push({ kind: "text", similarity: Math.round(Number(r.similarity) * 100) / 100 });
  }
  const score = (f: Found) => (f.reasons.some((r) => r.kind === "figure") ? 1 : 0) + f.similarity;
  const top = [...found.values()].sort((a, b) => score(b) - score(a) || a.id.localeCompare(b.id)).slice(0, MAX_MATCHES);
  return { items: await present(s, top.map((f) => ({ ...f, score: Math.round(score(f) * 1000) / 1000 }))), complete };
}

async function present(s: Subject, top: { type: Match["type"]; id: string; projectId: string; text: string; reasons: MatchReason[]; score: number }[]): Promise<Match[]> {
  const claimIds = top.filter((t) => t.type === "claim").map((t) => t.id);
  const refIds = top.filter((t) => t.type === "fact-check").map((t) => t.id);
  const [claims, refs, links] = await Promise.all([
    db.claim.findMany({
      where: { id: { in: claimIds } },
      select: {
        id: true, status: true,
        article: { select: { id: true, title: true, outlet: true, publishedAt: true } },
        sources: { select: { url: true, title: true, publisher: true, stance: true }, orderBy: { createdAt: "asc" } },
        adjudications: { where: { supersededAt: null }, select: { rating: true }, orderBy: { createdAt: "desc" }, take: 1 },
      },
    }),
    db.referenceFactCheck.findMany({ where: { id: { in: refIds } } }),
    s.claimId
      ? db.claimLink.findMany({
          where: { relation: "same_as", OR: [{ claimId: s.claimId, otherClaimId: { in: claimIds } }, { otherClaimId: s.claimId, claimId: { in: claimIds } }] },
        })
      : Promise.resolve([]),
  ]);
  const claimById = new Map(claims.map((c) => [c.id, c]));
  const refById = new Map(refs.map((r) => [r.id, r]));
  const linked = new Set(links.flatMap((l) => [l.claimId, l.otherClaimId]));
  return top.flatMap((t): Match[] => {
    const base = { id: t.id, projectId: t.projectId, text: t.text, reasons: t.reasons, score: t.score, sameProject: t.projectId === s.projectId };
    if (t.type === "claim") {
      const c = claimById.get(t.id);
      if (!c) return [];
      const rating = c.adjudications[0]?.rating ?? null;
      return [{
        ...base, type: "claim", status: c.status, finalRating: rating, label: rating ? (RATING_LABELS[rating as Rating] ?? null) : null,
        external: false, linked: linked.has(t.id), article: c.article, sources: c.sources, factCheck: null,
      }];
    }
    const r = refById.get(t.id);
    if (!r) return [];
    return [{
      ...base, type: "fact-check", status: null, finalRating: null, label: r.ratingLabel, external: true, sameProject: false, linked: false,
      article: null, sources: [{ url: r.url, title: r.claimReviewed, publisher: r.authorName ?? "", stance: "context" }],
      factCheck: { url: r.url, author: r.authorName, claimant: r.claimant, reviewDate: r.reviewDate, ratingValue: r.ratingValue, bestRating: r.bestRating, worstRating: r.worstRating, language: r.language },
    }];
  });
}

/** The text a subject is compared by: the claim itself, or its sentences when it is only a figure. */
async function comparedText(articleId: string, start: number, end: number, own: string) {
  if (own.trim().length >= SHORT_CLAIM) return own;
  const [row] = await db.$queryRaw<{ text: string | null }[]>`
    SELECT substr(a.body, min(s.start) + 1, max(s."end") - min(s.start)) AS text
    FROM articles a JOIN sentences s ON s.article_id = a.id
    WHERE a.id = ${articleId} AND s.start < ${end} AND s."end" > ${start}
    GROUP BY a.body`;
  return row?.text && row.text.length > own.length ? row.text : own;
}

export async function findClaimMatches({ actor, claimId }: { actor: Actor; claimId: string }) {
  const { claim } = await getClaimOrThrow({ actor, claimId });
  const figure = claim.quantityValue !== null && claim.quantityKind ? { value: claim.quantityValue, kind: claim.quantityKind, unit: claim.quantityUnit } : null;
  const text = await comparedText(claim.articleId, claim.start, claim.end, claim.text);
  return findMatches(actor, { projectId: claim.projectId, articleId: claim.articleId, claimId: claim.id, text, figure });
}

export async function findSuggestionMatches({ actor, suggestionId }: { actor: Actor; suggestionId: string }) {
  const suggestion = await db.suggestion.findUnique({ where: { id: suggestionId }, include: { article: { select: { projectId: true } } } });
  if (!suggestion) throw new AppError("not_found", "Suggestion not found.");
  await requireMember(actor, suggestion.article.projectId, undefined, undefined, "Suggestion not found.");
  const q = await db.quantity.findUnique({ where: { articleId_index: { articleId: suggestion.articleId, index: suggestion.quantityA } } });
  const figure = q ? { value: q.value, kind: q.kind, unit: q.unit } : null;
  const own = q?.text ?? "";
  const text = await comparedText(suggestion.articleId, suggestion.start, suggestion.end, own);
  return findMatches(actor, { projectId: suggestion.article.projectId, articleId: suggestion.articleId, claimId: null, text, figure });
}
