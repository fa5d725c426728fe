// The first page of a project's articles (GET /api/v1/projects/{id}/articles) when the project
// holds 10,000 articles of news length, a few claims on most of them.
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { Corpus } from "../lib/corpus";
import { startApp } from "../lib/harness";
import { createProject, createUsers, id } from "../lib/seed";
import { log, median, nowMs, percentile, round } from "../lib/stats";

export const ARTICLES = 10_000;

export async function runArticleList({ databaseUrl, poolSize, rounds = 21 }: { databaseUrl: string; poolSize: number; rounds?: number }) {
  const project = await createProject("bench article list");
  const [reviewer] = await createUsers(project.id, 1, "reviewer", "list");
  // Other projects' articles share the table, as on a real desk.
  const other = await createProject("bench article list, other desk");
  const corpus = new Corpus(31);
  const t0 = nowMs();
  const base = Date.now() - ARTICLES * 60_000;
  for (let done = 0; done < ARTICLES * 1.2; ) {
    const batch = [];
    for (let i = 0; i < 500; i++, done++) {
      const a = corpus.article();
      batch.push({
        id: id("a"), projectId: done < ARTICLES ? project.id : other.id, title: a.title, body: a.body, language: "ar", direction: "rtl",
        sourceUrl: a.sourceUrl, outlet: a.outlet, publishedAt: new Date(a.publishedAt), contentHash: createHash("sha256").update(a.body).digest("hex"),
        createdById: reviewer.id, createdAt: new Date(base + done * 60_000),
      });
    }
    await db.article.createMany({ data: batch });
  }
  // Claims: 0 to 5 an article, one in ten retracted (not counted by the list).
  await db.$executeRaw`
    INSERT INTO claims (id, project_id, article_id, start, "end", text, prefix, suffix, sentence_indexes, kind, status, created_by_id, updated_at)
    SELECT 'lc' || a.id || '_' || k, a.project_id, a.id, 10 * k, 10 * k + 40, 'نحو 7 ملايين شخص', '', '', '{0}', 'figure',
           (CASE WHEN k = 3 THEN 'retracted' ELSE 'open' END)::"ClaimStatus", ${reviewer.id}, now()
    FROM articles a CROSS JOIN generate_series(1, 5) AS k
    WHERE a.project_id = ${project.id} AND k <= (abs(hashtext(a.id)) % 6)`;
  await db.$executeRawUnsafe("ANALYZE articles; ANALYZE claims");
  const claims = await db.claim.count({ where: { projectId: project.id } });
  log(`article list: ${ARTICLES} articles, ${claims} claims seeded in ${((nowMs() - t0) / 1000).toFixed(1)} s`);

  const app = await startApp({ databaseUrl, poolSize });
  try {
    const headers = { authorization: `Bearer ${reviewer.token}` };
    const url = `${app.url}/api/v1/projects/${project.id}/articles`;
    const times: number[] = [];
    const next: number[] = [];
    let items = 0;
    for (let i = 0; i < rounds + 3; i++) {
      let t = nowMs();
      const res = await fetch(url, { headers });
      const page = (await res.json()) as { items: unknown[]; nextCursor: string | null };
      const ms = nowMs() - t;
      if (res.status !== 200 || page.items.length !== 50 || !page.nextCursor) throw new Error(`article list answered ${res.status} with ${page.items?.length} items`);
      items = page.items.length;
      t = nowMs();
      const second = await fetch(`${url}?cursor=${page.nextCursor}`, { headers });
      await second.json();
      if (i >= 3) {
        times.push(ms);
        next.push(nowMs() - t);
      }
    }
    log(`article list: ${times.map((t) => t.toFixed(0)).join(", ")} ms`);
    return { articles: ARTICLES, ms: round(median(times)), p95Ms: round(percentile(times, 95)), nextPageMs: round(median(next)), pageSize: items, claims, rounds: times.length };
  } finally {
    await app.stop();
  }
}
