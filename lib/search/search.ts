import "server-only";
import { db } from "@/lib/db";
import { userIdOf, type AnyActor } from "@/lib/auth/system-actor";
import { AppError } from "@/lib/errors";
import { requireMemberOrOperator } from "@/lib/projects/require-member";
import { MAX_QUERY_PARTS, parseQuery, partCount } from "@/lib/search/parse-query";
import { HEADLINE_OPTIONS, snippetParts, type SnippetPart } from "@/lib/search/snippet";
import { RATING_LABELS, type Rating } from "@/lib/validation/claim";
import type { SearchQuery, SearchType } from "@/lib/validation/search";

const MAX_OFFSET = 1000;

export type SearchHit = {
  type: "claim" | "article" | "fact-check";
  id: string;
  projectId: string;
  title: string | null;
  outlet: string | null;
  date: Date | null;
  snippet: SnippetPart[];
  rank: number;
  articleId: string | null;
  /** Claims: their status and final (editor's) rating. */
  status: string | null;
  finalRating: string | null;
  finalRatingLabel: string | null;
  /** Reference fact-checks: another desk's, marked external, with their URL. */
  external: boolean;
  url: string | null;
};

type Row = {
  type: SearchHit["type"];
  id: string;
  project_id: string;
  title: string | null;
  outlet: string | null;
  date: Date | null;
  rank: number;
  article_id: string | null;
  status: string | null;
  final_rating: string | null;
  rating_label: string | null;
  url: string | null;
  headline: string | null;
};

function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const n = /^o(\d{1,5})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  const offset = n ? Number(n[1]) : NaN;
  if (!Number.isInteger(offset) || offset < 0 || offset > MAX_OFFSET) {
    throw new AppError("invalid_input", "The cursor is not one this API gave out.", { fields: { cursor: "is invalid" } });
  }
  return offset;
}

const encodeCursor = (offset: number) => Buffer.from(`o${offset}`).toString("base64url");

// Each part: the rows of one type matching the query ($1..$3) in the caller's projects, with the
// same columns. Filters are parameters; absent ones are NULL and drop out.
// A claim's final rating: its editor's latest adjudication still standing.
const FINAL_RATING = (claimId: string) =>
  `(SELECT rating FROM adjudications WHERE claim_id = ${claimId} AND superseded_at IS NULL ORDER BY created_at DESC LIMIT 1)`;

// The final rating is looked up for the page's claims only (in the outer query), and for every
// match only when a rating filter asks for it: a lookup per match made a common word's search
// several times the cost of the bare full-text query at a million claims (docs/benchmarks.md).
const CLAIMS = `
  SELECT 'claim' AS type, c.id, c.project_id, a.title, a.outlet, coalesce(a.published_at, c.created_at) AS date,
         ts_rank(c.search_vector, q.q) AS rank, c.article_id, c.status::text AS status,
         NULL::text AS rating_label, NULL::text AS url, c.text AS doc, NULL::text AS lang
  FROM q, claims c
  JOIN articles a ON a.id = c.article_id
  WHERE c.search_vector @@ q.q AND c.project_id IN (SELECT project_id FROM p)
    AND ($8::text IS NULL OR c.status::text = $8) AND ($9::text IS NULL OR ${FINAL_RATING("c.id")} = $9)
    AND ($6::timestamptz IS NULL OR coalesce(a.published_at, c.created_at) >= ($6::timestamptz AT TIME ZONE 'UTC'))
    AND ($7::timestamptz IS NULL OR coalesce(a.published_at, c.created_at) <= ($7::timestamptz AT TIME ZONE 'UTC'))`;

const ARTICLES = `
  SELECT 'article' AS type, a.id, a.project_id, a.title, a.outlet, coalesce(a.published_at, a.created_at) AS date,
         ts_rank(a.search_vector, q.q) AS rank, a.id AS article_id, NULL::text AS status,
         NULL::text AS rating_label, a.source_url AS url, left(a.body, 50000) AS doc, a.language AS lang
  FROM q, articles a
  WHERE a.search_vector @@ q.q AND a.project_id IN (SELECT project_id FROM p)
    AND ($6::timestamptz IS NULL OR coalesce(a.published_at, a.created_at) >= ($6::timestamptz AT TIME ZONE 'UTC'))
    AND ($7::timestamptz IS NULL OR coalesce(a.published_at, a.created_at) <= ($7::timestamptz AT TIME ZONE 'UTC'))`;

const FACT_CHECKS = `
  SELECT 'fact-check' AS type, f.id, f.project_id, f.author_name AS title, f.author_name AS outlet,
         coalesce(f.review_date, f.created_at) AS date, ts_rank(f.search_vector, q.q) AS rank, NULL::text AS article_id,
         NULL::text AS status, f.rating_label, f.url, f.claim_reviewed AS doc, f.language AS lang
  FROM q, reference_fact_checks f
  WHERE f.search_vector @@ q.q AND f.project_id IN (SELECT project_id FROM p)
    AND ($6::timestamptz IS NULL OR coalesce(f.review_date, f.created_at) >= ($6::timestamptz AT TIME ZONE 'UTC'))
    AND ($7::timestamptz IS NULL OR coalesce(f.review_date, f.created_at) <= ($7::timestamptz AT TIME ZONE 'UTC'))`;

const PARTS: Record<SearchType, string> = { claims: CLAIMS, articles: ARTICLES, "fact-checks": FACT_CHECKS };

/** Ranked search over the caller's projects (one of them with projectId; the command line names one always). */
export async function search({ actor, query }: { actor: AnyActor; query: SearchQuery }) {
  const userId = userIdOf(actor);
  if (userId === null && !query.projectId) throw new AppError("invalid_input", "The command line searches one project at a time.", { fields: { projectId: "is required" } });
  if (query.projectId) await requireMemberOrOperator(actor, query.projectId);
  const offset = decodeCursor(query.cursor);
  const parsed = parseQuery(query.q);
  if (partCount(parsed) > MAX_QUERY_PARTS) {
    throw new AppError("invalid_input", `The query has more than ${MAX_QUERY_PARTS} words and phrases.`, {
      fields: { q: `must have at most ${MAX_QUERY_PARTS} words and phrases` },
    });
  }
  if (parsed.words.length + parsed.phrases.length === 0) {
    throw new AppError("invalid_input", "The query only excludes words: give at least one word to search for.", {
      fields: { q: "must contain a word to search for, not only -exclusions" },
    });
  }
  // Status and rating are claims' facts: with either, only claims are searched.
  const types: SearchType[] = query.type ? [query.type] : query.status || query.rating ? ["claims"] : ["claims", "articles", "fact-checks"];
  const sql = `
    WITH q AS MATERIALIZED (SELECT sanad_search_query($1::text[], $2::text[], $3::text[]) AS q),
         -- A user's projects; for the command line (no user id) the one project it named.
         p AS (SELECT project_id FROM memberships WHERE user_id = $4 AND ($5::text IS NULL OR project_id = $5)
               UNION ALL SELECT id FROM projects WHERE $4::text IS NULL AND id = $5),
         -- Every parameter typed, whichever parts the query holds.
         f AS (SELECT $6::timestamptz, $7::timestamptz, $8::text, $9::text),
         hits AS (${types.map((t) => PARTS[t]).join("\n UNION ALL \n")}),
         page AS (SELECT * FROM hits ORDER BY rank DESC, date DESC NULLS LAST, id LIMIT $10 OFFSET $11)
    SELECT page.type, page.id, page.project_id, page.title, page.outlet, page.date, page.rank::float8 AS rank,
           page.article_id, page.status, CASE WHEN page.type = 'claim' THEN ${FINAL_RATING("page.id")} END AS final_rating,
           page.rating_label, page.url,
           ts_headline(sanad_ts_config(page.lang, page.doc), page.doc, q.q, '${HEADLINE_OPTIONS}') AS headline
    FROM page, q
    ORDER BY page.rank DESC, page.date DESC NULLS LAST, page.id`;
  const rows = await db.$queryRawUnsafe<Row[]>(
    sql,
    parsed.words,
    parsed.phrases,
    parsed.excluded,
    userId,
    query.projectId ?? null,
    query.from?.toISOString() ?? null,
    query.to?.toISOString() ?? null,
    query.status ?? null,
    query.rating ?? null,
    query.limit + 1,
    offset,
  );
  const more = rows.length > query.limit && offset + query.limit < MAX_OFFSET;
  const items: SearchHit[] = rows.slice(0, query.limit).map((r) => ({
    type: r.type,
    id: r.id,
    projectId: r.project_id,
    title: r.title,
    outlet: r.outlet,
    date: r.date,
    snippet: snippetParts(r.headline),
    rank: Number(r.rank),
    articleId: r.article_id,
    status: r.status,
    finalRating: r.final_rating,
    finalRatingLabel: r.type === "fact-check" ? r.rating_label : r.final_rating ? (RATING_LABELS[r.final_rating as Rating] ?? null) : null,
    external: r.type === "fact-check",
    url: r.url,
  }));
  return { items, nextCursor: more ? encodeCursor(offset + query.limit) : null };
}
