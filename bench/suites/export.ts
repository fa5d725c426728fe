// JSONL export of 100,000 verified claims (GET /api/v1/projects/{id}/export?format=jsonl), each
// with two reviewers' verdicts, an editor's adjudication, and a source on every other one.
// Rows per second at the client, and the server process's peak resident memory while it streams
// (VmRSS sampled every 20 ms; VmHWM read at the end as a check).
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { Corpus } from "../lib/corpus";
import { memoryOf, startApp } from "../lib/harness";
import { createProject, createUsers, id } from "../lib/seed";
import { log, median, nowMs, round } from "../lib/stats";

export const CLAIMS = 100_000;

export async function seedExport() {
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
    SELECT 'xc' || lpad(i::text, 7, '0'), ${project.id}, (${ids}::text[])[1 + i % 500], 100 + i % 900, 180 + i % 900,
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
async function exportRound(appUrl: string, pid: number, projectId: string, token: string): Promise<Round> {
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
    if (rows !== CLAIMS) throw new Error(`export gave ${rows} rows, expected ${CLAIMS}`);
    return { rows, seconds, mb: bytes / 2 ** 20, peakRssMb: peak };
  } finally {
    clearInterval(sampler);
  }
}

/** `rounds` measured downloads after one warm-up (which still counts for peak memory). */
async function exportRounds(databaseUrl: string, poolSize: number, projectId: string, token: string, rounds: number, label: string, nodeOptions?: string) {
  const app = await startApp({ databaseUrl, poolSize, nodeOptions });
  try {
    const idle = memoryOf(app.pid).rssMb;
    const all: Round[] = [];
    for (let i = 0; i < rounds + 1; i++) {
      const r = await exportRound(app.url, app.pid, projectId, token);
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
      vmHwmMb: round(memoryOf(app.pid).hwmMb),
    };
  } finally {
    await app.stop();
  }
}

export async function runExport({ databaseUrl, poolSize, rounds = 3 }: { databaseUrl: string; poolSize: number; rounds?: number }) {
  const t0 = nowMs();
  const { projectId, token } = await seedExport();
  log(`export: ${CLAIMS} verified claims seeded in ${((nowMs() - t0) / 1000).toFixed(1)} s`);
  const plain = await exportRounds(databaseUrl, poolSize, projectId, token, rounds, "export");
  // The same server with V8's old generation capped: shows how much of the peak is garbage
  // awaiting a full collection rather than memory the export holds.
  const capped = await exportRounds(databaseUrl, poolSize, projectId, token, 2, "export, heap capped", `--max-old-space-size=${HEAP_CAP_MB}`);
  return {
    claims: CLAIMS,
    ...plain,
    rounds,
    withHeapCap: { nodeOptions: `--max-old-space-size=${HEAP_CAP_MB}`, rowsPerS: capped.rowsPerS, peakRssMb: capped.peakRssMb },
  };
}

export const HEAP_CAP_MB = 128;
