// JSONL export of 100,000 verified claims (GET /api/v1/projects/{id}/export?format=jsonl), each
// with two reviewers' verdicts, an editor's adjudication, and a source on every other one.
// Rows per second at the client, and the server process's peak resident memory while it streams
// (VmRSS sampled every 20 ms; VmHWM read at the end as a check).
import { createHash } from "node:crypto";
import pg from "pg";
import { db } from "@/lib/db";
import { Corpus } from "../lib/corpus";
import { memoryOf, startApp } from "../lib/harness";
import { createProject, createUsers, id } from "../lib/seed";
import { log, median, nowMs, round } from "../lib/stats";

export const CLAIMS = 100_000;

/** `claims` verified claims (and 10% more open ones) with verdicts, adjudications and sources. */
export async function seedExport(claims = CLAIMS) {
  const CLAIMS = claims;
  // Claim ids unique to this seeding: the export and restore benchmarks each seed a project.
  const tag = id("x").slice(0, 9);
  const project = await createProject("bench export");
  const [editor] = await createUsers(project.id, 1, "editor", "export-editor");
  const reviewers = await createUsers(project.id, 2, "reviewer", "export-reviewer");
  const corpus = new Corpus(41);
  const articles = [];
  for (let i = 0; i < 500; i++) {
    const a = corpus.article();
    articles.push({ id: id("a"), projectId: project.id, title: a.title, body: a.body, language: "ar", direction: "rtl", sourceUrl: a.sourceUrl, outlet: a.outlet, publishedAt: new Date(a.publishedAt), contentHash: createHash("sha256").update(a.body).digest("hex"), createdById: editor.id });
  }
  await db.article.createMany({ data: articles });
  const texts = Array.from({ length: 200 }, () => corpus.sentence());
  const ids = articles.map((a) => a.id);
  // Claims with realistic text, then 10% more that are not verified (the export leaves them out).
  await db.$executeRaw`
    INSERT INTO claims (id, project_id, article_id, start, "end", text, prefix, suffix, sentence_indexes, kind, note, quantity_value, quantity_kind, quantity_unit, status, version, created_by_id, created_at, updated_at, verified_at)
    SELECT ${tag} || 'c' || lpad(i::text, 7, '0'), ${project.id}, (${ids}::text[])[1 + i % 500], 100 + i % 900, 180 + i % 900,
           (${texts}::text[])[1 + i % 200], 'أعلن المتحدث باسم التحالف الدولي ضد داعش', 'من قبضة تنظيم داعش في سوريا والعراق', ARRAY[i % 40, i % 40 + 1],
           'figure', CASE WHEN i % 7 = 0 THEN 'رقم يتكرر في بيانات التحالف' ELSE '' END, 7000000 + i, 'count', 'people',
           (CASE WHEN i <= ${CLAIMS} THEN 'verified' ELSE 'open' END)::"ClaimStatus", 3, ${editor.id},
           now() - interval '30 days' + i * interval '1 second', now(), CASE WHEN i <= ${CLAIMS} THEN now() - interval '10 days' + i * interval '1 second' END
    FROM generate_series(1, ${Math.round(CLAIMS * 1.1)}) AS i`;
  for (const [k, r] of reviewers.entries()) {
    await db.$executeRaw`
      INSERT INTO verdicts (id, claim_id, reviewer_id, rating, rationale, version, created_at, updated_at)
      SELECT 'xv' || ${k} || c.id, c.id, ${r.id}, (1 + (hashtext(c.id) + ${k}) % 5 + 5) % 5 + 1 || '',
             'الرقم الذي ذكره المتحدث في المؤتمر الصحفي يختلف عن الرقم المنشور في العنوان والفقرة الأولى من التقرير', 1, now(), now()
      FROM claims c WHERE c.project_id = ${project.id}`;
  }
  await db.$executeRaw`
    INSERT INTO adjudications (id, claim_id, editor_id, rating, note, created_at)
    SELECT 'xa' || c.id, c.id, ${editor.id}, '3', 'العنوان يقرّب 7.7 مليون إلى 7 ملايين؛ التصريح نفسه يقول 7.7 مليون', now()
    FROM claims c WHERE c.project_id = ${project.id} AND c.status = 'verified'`;
  await db.$executeRaw`
    INSERT INTO sources (id, claim_id, url, title, publisher, excerpt, stance, read_at, created_by_id, created_at)
    SELECT 'xs' || c.id, c.id, 'https://www.inherentresolve.mil/Releases/' || c.id, 'بيان التحالف الدولي', 'التحالف الدولي',
           'حررنا 7.7 مليون شخص و110.000 كيلومتر مربع من الأراضي', 'supports', now(), ${editor.id}, now()
    FROM claims c WHERE c.project_id = ${project.id} AND hashtext(c.id) % 2 = 0`;
  await db.$executeRawUnsafe("ANALYZE claims; ANALYZE verdicts; ANALYZE adjudications; ANALYZE sources; ANALYZE articles; ANALYZE claim_links");
  return { projectId: project.id, token: editor.token };
}

type Round = { rows: number; seconds: number; mb: number; peakRssMb: number };

/** One JSONL download, counted and timed at the client while the server's RSS is sampled. */
async function exportRound(appUrl: string, pid: number, projectId: string, token: string, claims: number): Promise<Round> {
  let peak = memoryOf(pid).rssMb;
  const sampler = setInterval(() => (peak = Math.max(peak, memoryOf(pid).rssMb)), 20);
  try {
    const start = nowMs();
    const res = await fetch(`${appUrl}/api/v1/projects/${projectId}/export?format=jsonl`, { headers: { authorization: `Bearer ${token}` } });
    if (res.status !== 200 || !res.body) throw new Error(`export answered ${res.status}`);
    let rows = 0;
    let bytes = 0;
    let last = 10;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.byteLength;
      // Native search for line ends: the client must not be what limits the figure.
      const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      for (let k = buf.indexOf(10); k !== -1; k = buf.indexOf(10, k + 1)) rows++;
      last = chunk[chunk.length - 1];
    }
    if (last !== 10) rows++;
    const seconds = (nowMs() - start) / 1000;
    peak = Math.max(peak, memoryOf(pid).rssMb);
    if (rows !== claims) throw new Error(`export gave ${rows} rows, expected ${claims}`);
    return { rows, seconds, mb: bytes / 2 ** 20, peakRssMb: peak };
  } finally {
    clearInterval(sampler);
  }
}

/** `rounds` measured downloads after one warm-up (which still counts for peak memory). */
async function exportRounds(databaseUrl: string, poolSize: number, projectId: string, token: string, claims: number, rounds: number, label: string, nodeOptions?: string) {
  const app = await startApp({ databaseUrl, poolSize, nodeOptions });
  try {
    const idle = memoryOf(app.pid).rssMb;
    const all: Round[] = [];
    for (let i = 0; i < rounds + 1; i++) {
      const r = await exportRound(app.url, app.pid, projectId, token, claims);
      log(`${label} round ${i}: ${r.rows} rows in ${r.seconds.toFixed(2)} s (${(r.rows / r.seconds).toFixed(0)} rows/s), ${r.mb.toFixed(0)} MB, peak RSS ${r.peakRssMb.toFixed(0)} MB`);
      all.push(r);
    }
    const measured = all.slice(1);
    return {
      rowsPerS: round(median(measured.map((r) => r.rows / r.seconds))),
      seconds: round(median(measured.map((r) => r.seconds))),
      mb: round(median(measured.map((r) => r.mb))),
      peakRssMb: round(Math.max(...all.map((r) => r.peakRssMb))),
      idleRssMb: round(idle),
      rssGrowthMb: round(Math.max(...all.map((r) => r.peakRssMb)) - idle),
      vmHwmMb: round(memoryOf(app.pid).hwmMb),
    };
  } finally {
    await app.stop();
  }
}

/**
 * The baseline: what this machine does without Sanad. One process, plain `pg`, a server-side
 * cursor over the same claims (with their articles), the same related rows a page at a time
 * (verdicts and adjudications with their authors' names, sources, links), each record
 * JSON.stringify'd into a line and encoded to UTF-8, then dropped.
 */
async function rawCursorRound(databaseUrl: string, projectId: string, claims: number) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const t0 = nowMs();
    let rows = 0;
    let bytes = 0;
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    await client.query(`DECLARE export_cursor NO SCROLL CURSOR FOR
      SELECT c.id, c.project_id, c.status::text AS status, c.text, c.start, c."end", c.prefix, c.suffix, c.sentence_indexes, c.kind, c.note,
             c.quantity_value, c.quantity_kind, c.quantity_unit, c.verified_at, c.created_at, c.updated_at,
             a.id AS article_id, a.title, a.source_url, a.outlet, a.published_at, a.language
      FROM claims c JOIN articles a ON a.id = c.article_id
      WHERE c.project_id = ${client.escapeLiteral(projectId)} AND c.status = 'verified' ORDER BY c.id`);
    for (;;) {
      const page = (await client.query("FETCH 1000 FROM export_cursor")).rows;
      if (page.length === 0) break;
      const ids = page.map((r) => r.id);
      // One connection answers one query at a time: the related rows are read in turn.
      const q = (sql: string) => client.query(sql, [ids]);
      const verdicts = await q("SELECT v.claim_id, v.rating, v.rationale, v.updated_at, u.id AS reviewer_id, u.name FROM verdicts v JOIN users u ON u.id = v.reviewer_id WHERE v.claim_id = ANY($1) ORDER BY v.created_at, v.id");
      const adjudications = await q("SELECT a.claim_id, a.rating, a.note, u.id AS editor_id, u.name FROM adjudications a JOIN users u ON u.id = a.editor_id WHERE a.claim_id = ANY($1) AND a.superseded_at IS NULL");
      const sources = await q("SELECT claim_id, url, title, publisher, excerpt, stance::text AS stance, read_at FROM sources WHERE claim_id = ANY($1) ORDER BY created_at, id");
      const links = await q("SELECT claim_id, other_claim_id, relation::text AS relation FROM claim_links WHERE claim_id = ANY($1) OR other_claim_id = ANY($1)");
      const by = (list: Record<string, unknown>[]) => {
        const m = new Map<unknown, Record<string, unknown>[]>();
        for (const r of list) (m.get(r.claim_id) ?? m.set(r.claim_id, []).get(r.claim_id)!).push(r);
        return m;
      };
      const v = by(verdicts.rows);
      const a = by(adjudications.rows);
      const s = by(sources.rows);
      const l = by(links.rows);
      for (const r of page) {
        const adj = a.get(r.id)?.[0];
        const line = JSON.stringify({
          id: r.id, projectId: r.project_id, status: r.status,
          article: { id: r.article_id, title: r.title, sourceUrl: r.source_url, outlet: r.outlet, publishedAt: r.published_at, language: r.language },
          text: r.text, start: r.start, end: r.end, quote: { exact: r.text, prefix: r.prefix, suffix: r.suffix }, sentenceIndexes: r.sentence_indexes,
          kind: r.kind, note: r.note, quantity: r.quantity_value === null ? null : { value: r.quantity_value, kind: r.quantity_kind, unit: r.quantity_unit },
          rating: adj ? adj.rating : null, editorNote: adj?.note ?? null, adjudicatedBy: adj ? { id: adj.editor_id, name: adj.name } : null, verifiedAt: r.verified_at,
          verdicts: (v.get(r.id) ?? []).map((x) => ({ reviewer: { id: x.reviewer_id, name: x.name }, rating: x.rating, rationale: x.rationale, updatedAt: x.updated_at })),
          sources: (s.get(r.id) ?? []).map((x) => ({ url: x.url, title: x.title, publisher: x.publisher, excerpt: x.excerpt, stance: x.stance, readAt: x.read_at })),
          links: (l.get(r.id) ?? []).map((x) => ({ relation: x.relation, claimId: x.other_claim_id })),
          createdAt: r.created_at, updatedAt: r.updated_at,
        }) + "\n";
        bytes += Buffer.from(line, "utf8").byteLength;
        rows++;
      }
    }
    await client.query("COMMIT");
    if (rows !== claims) throw new Error(`the raw cursor read ${rows} rows, expected ${claims}`);
    return { rows, seconds: (nowMs() - t0) / 1000, mb: bytes / 2 ** 20 };
  } finally {
    await client.end();
  }
}

export async function runExport({ databaseUrl, poolSize, rounds = 3, claims = CLAIMS }: { databaseUrl: string; poolSize: number; rounds?: number; claims?: number }) {
  const t0 = nowMs();
  const { projectId, token } = await seedExport(claims);
  log(`export: ${claims} verified claims seeded in ${((nowMs() - t0) / 1000).toFixed(1)} s`);
  const raw: { rows: number; seconds: number; mb: number }[] = [];
  for (let i = 0; i < rounds + 1; i++) {
    const r = await rawCursorRound(databaseUrl, projectId, claims);
    log(`export baseline (raw pg cursor, JSONL in one process) round ${i}: ${r.rows} rows in ${r.seconds.toFixed(2)} s (${(r.rows / r.seconds).toFixed(0)} rows/s), ${r.mb.toFixed(0)} MB`);
    if (i > 0) raw.push(r);
  }
  const rawRowsPerS = median(raw.map((r) => r.rows / r.seconds));
  const plain = await exportRounds(databaseUrl, poolSize, projectId, token, claims, rounds, "export");
  // The same server with V8's old generation capped: shows how much of the peak is garbage
  // awaiting a full collection rather than memory the export holds.
  const capped = await exportRounds(databaseUrl, poolSize, projectId, token, claims, 2, "export, heap capped", `--max-old-space-size=${HEAP_CAP_MB}`);
  return {
    claims,
    ...plain,
    rounds,
    rawCursor: { rowsPerS: round(rawRowsPerS), seconds: round(median(raw.map((r) => r.seconds))) },
    ratioToRawCursor: round(plain.rowsPerS / rawRowsPerS),
    withHeapCap: { nodeOptions: `--max-old-space-size=${HEAP_CAP_MB}`, rowsPerS: capped.rowsPerS, peakRssMb: capped.peakRssMb, rssGrowthMb: capped.rssGrowthMb },
  };
}

export const HEAP_CAP_MB = 128;
