// Search and "checked before" at archive scale: claims and articles seeded in SQL
// (generate_series), then search p50/p95 and matches p50/p95 through Sanad's own operations,
// beside a raw baseline in the same run: one tsquery over the same GIN index through plain `pg`.
// Sizes are parameters (SANAD_BENCH_SEARCH_CLAIMS="100000,1000000", ..._ARTICLES="100000"):
// seeding a million rows on a small shared machine takes a while.
import pg from "pg";
import { log, nowMs, percentile, round } from "../lib/stats";
import { id } from "../lib/seed";

// A synthetic vocabulary: 4,000 Arabic-letter words and 4,000 Latin ones, each picked at random
// into texts, so any one word sits in a small share of the rows as real words do.
const VOCAB = 8000;

export async function seedVocabulary(c: pg.Client) {
  await c.query(`CREATE TEMP TABLE IF NOT EXISTS vocab (n int PRIMARY KEY, w text NOT NULL)`);
  await c.query(`TRUNCATE vocab`);
  await c.query(
    `INSERT INTO vocab (n, w)
     SELECT g, CASE WHEN g % 2 = 0
       THEN chr(1576 + (g % 20)) || chr(1577 + ((g / 20) % 20)) || chr(1578 + ((g / 400) % 20)) || 'ال' || chr(1581 + (g % 7))
       ELSE 'w' || substr(md5(g::text), 1, 6) END
     FROM generate_series(1, ${VOCAB}) g`,
  );
}

const textOf = (words: number, seedCol: string) =>
  `(SELECT string_agg(v.w, ' ') FROM generate_series(1, ${words}) k JOIN vocab v ON v.n = 1 + ((hashint8(${seedCol}::bigint * 1000 + k)::bigint & 2147483647) % ${VOCAB}))`;

export async function grow(c: pg.Client, projectId: string, userId: string, articles: number, claims: number) {
  const have = Number((await c.query(`SELECT count(*) FROM articles WHERE project_id = $1`, [projectId])).rows[0].count);
  if (have < articles) {
    log(`seeding articles ${have} → ${articles}`);
    await c.query(
      `INSERT INTO articles (id, project_id, title, body, language, direction, content_hash, created_by_id, created_at)
       SELECT 'a' || g, $1, ${textOf(6, "g")}, ${textOf(120, "g + 7")}, CASE WHEN g % 2 = 0 THEN 'ar' ELSE 'en' END,
              CASE WHEN g % 2 = 0 THEN 'rtl' ELSE 'ltr' END, md5('a' || g), $2, now() - (g || ' minutes')::interval
       FROM generate_series($3::int + 1, $4::int) g`,
      [projectId, userId, have, articles],
    );
  }
  const haveClaims = Number((await c.query(`SELECT count(*) FROM claims WHERE project_id = $1`, [projectId])).rows[0].count);
  if (haveClaims < claims) {
    log(`seeding claims ${haveClaims} → ${claims}`);
    // Batches keep each statement's memory small.
    for (let from = haveClaims; from < claims; from += 100_000) {
      const to = Math.min(claims, from + 100_000);
      await c.query(
        `INSERT INTO claims (id, project_id, article_id, start, "end", text, prefix, suffix, kind, quantity_value, quantity_kind, quantity_unit,
                             status, created_by_id, created_at, updated_at)
         SELECT 'c' || g, $1, 'a' || (1 + g % $4::int), 0, 10, ${textOf(14, "g + 13")}, '', '', 'figure',
                (1 + (hashint4(g) & 65535)) * 1000, 'count', 'people',
                (ARRAY['open','disputed','verified','open']::"ClaimStatus"[])[1 + g % 4], $2, now() - (g || ' seconds')::interval, now()
         FROM generate_series($3::int + 1, $5::int) g`,
        [projectId, userId, from, articles, to],
      );
      log(`  ${to}`);
    }
  }
  await c.query(`ANALYZE articles; ANALYZE claims`);
}

type Row = { claims: number; searchClaims: { p95Ms: number }; rawTsquery: { p95Ms: number }; matches: { p95Ms: number }; matchesWithoutWording: number; searchClaimsP95OverRaw: number };

/**
 * The figures the goals read (issue 14): search's p95 over the raw query's at the worst size,
 * and how search, the raw query and matches grew from the smallest archive to the largest
 * (p95 at the largest / p95 at the smallest: "flat" is near 1).
 */
function summary(rows: Row[]) {
  const first = rows[0];
  const last = rows[rows.length - 1];
  const growth = (pick: (r: Row) => number) => (first && last && rows.length > 1 ? round(pick(last) / pick(first)) : null);
  return {
    claimSizes: rows.map((r) => r.claims),
    searchP95OverRaw: rows.length ? Math.max(...rows.map((r) => r.searchClaimsP95OverRaw)) : null,
    searchP95Growth: growth((r) => r.searchClaims.p95Ms),
    rawP95Growth: growth((r) => r.rawTsquery.p95Ms),
    matchesP95Growth: growth((r) => r.matches.p95Ms),
    matchesWithoutWording: rows.reduce((n, r) => n + r.matchesWithoutWording, 0),
  };
}

async function timed(n: number, op: (i: number) => Promise<unknown>) {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = nowMs();
    await op(i);
    ms.push(nowMs() - s);
  }
  return { p50Ms: round(percentile(ms, 50)), p95Ms: round(percentile(ms, 95)) };
}

export async function runSearchBench({ databaseUrl, claimSizes, articles, queries = 60 }: { databaseUrl: string; claimSizes: number[]; articles: number; queries?: number }) {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  const { db } = await import("@/lib/db");
  const { search } = await import("@/lib/search/search");
  const { findClaimMatches } = await import("@/lib/search/find-matches");
  const { searchQuerySchema } = await import("@/lib/validation/search");
  try {
    const projectId = id("p");
    const userId = id("u");
    await c.query(`INSERT INTO projects (id, name, updated_at) VALUES ($1, 'search bench', now())`, [projectId]);
    await c.query(`INSERT INTO users (id, email, name, password_hash, updated_at) VALUES ($1, $2, 'Bench', 'x', now())`, [userId, `${userId}@bench.test`]);
    await c.query(`INSERT INTO memberships (id, project_id, user_id, role) VALUES ($1, $2, $3, 'editor')`, [id("m"), projectId, userId]);
    const actor = { id: userId, email: `${userId}@bench.test`, name: "Bench", isAdmin: false, via: "token" as const };
    await seedVocabulary(c);
    const words = (await c.query(`SELECT w FROM vocab ORDER BY n`)).rows.map((r) => r.w as string);
    const rows: (Row & Record<string, unknown>)[] = [];
    for (const size of claimSizes) {
      const t0 = nowMs();
      await grow(c, projectId, userId, articles, size);
      const seedS = round((nowMs() - t0) / 1000);
      // Two words each, one Arabic and one Latin, as a desk's query might be.
      const q = (i: number) => `${words[(i * 7919) % VOCAB]} ${words[(i * 104729 + 1) % VOCAB]}`;
      const one = (i: number) => words[(i * 7919) % VOCAB];
      await search({ actor, query: searchQuerySchema.parse({ q: one(0), type: "claims" }) }); // warm
      const searchClaims = await timed(queries, (i) => search({ actor, query: searchQuerySchema.parse({ q: one(i), type: "claims" }) }));
      const searchAll = await timed(queries, (i) => search({ actor, query: searchQuerySchema.parse({ q: q(i) }) }));
      const raw = await timed(queries, (i) =>
        c.query(
          `SELECT id FROM claims WHERE search_vector @@ plainto_tsquery('arabic', sanad_fold($1)) AND project_id = $2
           ORDER BY ts_rank(search_vector, plainto_tsquery('arabic', sanad_fold($1))) DESC LIMIT 21`,
          [one(i), projectId],
        ),
      );
      const sample = (await c.query(`SELECT id FROM claims WHERE project_id = $1 ORDER BY hashtext(id) LIMIT $2`, [projectId, Math.min(queries, 30)])).rows.map((r) => r.id as string);
      let incomplete = 0;
      const matches = await timed(sample.length, async (i) => {
        if (!(await findClaimMatches({ actor, claimId: sample[i] })).complete) incomplete++;
      });
      const row = {
        claims: size, articles, seedS, searchClaims, searchAll, rawTsquery: raw, matches, matchesWithoutWording: incomplete, matchesAsked: sample.length,
        searchClaimsP95OverRaw: round(searchClaims.p95Ms / raw.p95Ms),
      };
      log(JSON.stringify(row));
      rows.push(row);
    }
    return { rows, ...summary(rows) };
  } finally {
    await c.end();
    await db.$disconnect();
  }
}
