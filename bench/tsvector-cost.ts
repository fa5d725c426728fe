// One-off measurement (issue 17): what the articles' generated search vector costs an import.
// `npx tsx bench/tsvector-cost.ts [articles]`: the bench's articles (Corpus seed 51) inserted
// into scratch tables with and without the generated column, then the parts of sanad_tsvector alone.
import pg from "pg";
import { setupDatabase } from "./lib/harness";
import { Corpus } from "./lib/corpus";

const n = Number(process.argv[2] ?? 500);
const database = await setupDatabase();
const c = new pg.Client({ connectionString: database.url });
await c.connect();
try {
  const corpus = new Corpus(51);
  const rows = Array.from({ length: n }, () => corpus.article()).map((a) => ({ t: a.title, b: a.body, l: a.language }));
  const json = JSON.stringify(rows);
  await c.query(`CREATE TABLE plain (title text, body text, language text)`);
  await c.query(`CREATE TABLE gen (title text, body text, language text, search_vector tsvector GENERATED ALWAYS AS (
    setweight(sanad_tsvector("language", "title"), 'A') || setweight(sanad_tsvector("language", "body"), 'B')) STORED)`);
  await c.query(`CREATE INDEX ON gen USING GIN (search_vector)`);
  const time = async (label: string, sql: string, params: unknown[] = []) => {
    const t0 = performance.now();
    await c.query(sql, params);
    const ms = performance.now() - t0;
    console.log(`${label.padEnd(58)} ${ms.toFixed(0).padStart(7)} ms`);
    return ms;
  };
  const insert = (table: string) => `INSERT INTO ${table} (title, body, language) SELECT t, b, l FROM json_to_recordset($1::json) AS r(t text, b text, l text)`;
  for (let round = 0; round < 3; round++) {
    console.log(`round ${round} (${n} articles, ${(json.length / 1e6).toFixed(1)} MB of JSON)`);
    await time("INSERT, no search vector", insert("plain"), [json]);
    await time("INSERT, generated search vector + GIN index", insert("gen"), [json]);
    await time("sanad_tsvector(language, body) alone", `SELECT count(sanad_tsvector(language, body)) FROM plain`);
    await time("sanad_fold(left(body, 100000)) alone", `SELECT count(sanad_fold(left(body, 100000))) FROM plain`);
    await time("to_tsvector('arabic', body) unfolded", `SELECT count(to_tsvector('arabic'::regconfig, body)) FROM plain`);
    await time("to_tsvector('simple', sanad_fold(body))", `SELECT count(to_tsvector('simple'::regconfig, sanad_fold(body))) FROM plain`);
    await time("lower(translate(body)) only (fold's first step)", `SELECT count(lower(translate(body, 'أإآٱىة٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬', 'اااايه01234567890123456789.,'))) FROM plain`);
    await c.query(`TRUNCATE plain, gen`);
  }
} finally {
  await c.end();
  await database.teardown();
}
