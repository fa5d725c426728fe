import "server-only";
import type pg from "pg";
import type { RowBatches } from "@/lib/articles/suggestion-rows";

/** An article row as the import writes it (created_at is the database's default). */
export type ArticleRow = {
  id: string;
  projectId: string;
  title: string;
  body: string;
  language: string;
  direction: string;
  sourceUrl: string | null;
  outlet: string | null;
  publishedAt: Date | null;
  contentHash: string;
  createdById: string | null;
};

/**
 * Articles, then their sentences, figures and suggestions, on the transaction's own connection
 * (`withConnection`, lib/db.ts): each statement is `INSERT … SELECT FROM json_to_recordset($1)`,
 * one JSON parameter for up to BATCH rows of any number of articles.
 *
 * Through Prisma the same rows cost ten times more than the analysis, and memory that stayed:
 * `createMany` compiled every row's values into its query plan (docs/benchmarks.md, issue 9), and
 * even a raw statement's parameters are copied through Prisma's query compiler, in WebAssembly
 * memory that never shrinks (a 5 MB body alone grew the app by ~60 MB; the rows of the largest
 * accepted article by ~200 MB more).
 */
export async function storeArticles(connection: pg.ClientBase, articles: readonly ArticleRow[], rows: RowBatches) {
  const articleJson = JSON.stringify(articles.map((a) => ({
    id: a.id, p: a.projectId, t: a.title, b: a.body, l: a.language, d: a.direction, u: a.sourceUrl, o: a.outlet,
    pa: a.publishedAt?.toISOString() ?? null, h: a.contentHash, c: a.createdById,
  })));
  // A timestamp without time zone ignores the "Z": the UTC wall time is stored, as Prisma stores a Date.
  await connection.query(`
    INSERT INTO articles (id, project_id, title, body, language, direction, source_url, outlet, published_at, content_hash, created_by_id)
    SELECT id, p, t, b, l, d, u, o, pa, h, c
    FROM json_to_recordset($1::json) AS r(id text, p text, t text, b text, l text, d text, u text, o text, pa timestamp(3), h text, c text)`, [articleJson]);
  for (const batch of rows.sentences) {
    await connection.query(`
      INSERT INTO sentences (article_id, index, start, "end", boilerplate)
      SELECT a, i, s, e, b FROM json_to_recordset($1::json) AS r(a text, i int, s int, e int, b boolean)`, [batch]);
  }
  for (const batch of rows.quantities) {
    await connection.query(`
      INSERT INTO quantities (article_id, index, start, "end", text, value, kind, unit, noun, sentence)
      SELECT a, i, s, e, t, v::float8, k, u, n, se
      FROM json_to_recordset($1::json) AS r(a text, i int, s int, e int, t text, v text, k text, u text, n text, se int)`, [batch]);
  }
  for (const batch of rows.suggestions) {
    await connection.query(`
      INSERT INTO suggestions (id, article_id, type, quantity_a, quantity_b, start, "end", reason, detail)
      SELECT id, a, t::"SuggestionType", qa, qb, s, e, r, d
      FROM json_to_recordset($1::json) AS x(id text, a text, t text, qa int, qb int, s int, e int, r text, d jsonb)`, [batch]);
  }
}
