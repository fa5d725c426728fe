// Issue 12, "one article can stall the server": what one article may hold, the API view in pages,
// and the workspace's first HTML of a large article under 1 MB.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { MAX_FIGURES } from "@/lib/articles/article-limits";
import { hostileArticle } from "../../bench/lib/hostile-article";
import { makeDesk } from "../factories";
import { as } from "./client";
import { fingerprint, getPage, scopeOf, sessionFor } from "./harness";

let desk: Awaited<ReturnType<typeof makeDesk>>;
beforeAll(async () => {
  desk = await makeDesk();
});

const importAs = (token: string, projectId: string, a: { title: string; body: string }) =>
  as(token).post(`/api/v1/projects/${projectId}/articles`, { title: a.title, body: a.body });

describe("limits of one article", () => {
  it("refuses an article of more figures than an article keeps with 413, a message code, and stores nothing", async () => {
    // ~600 KB of short sentences, three figures each: some 25,000 figures.
    const article = hostileArticle({ maxBytes: 600_000, seed: 1 });
    const before = await fingerprint(scopeOf(desk));
    const res = await importAs(desk.reviewer.token, desk.project.id, article);
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: "payload_too_large", reason: "too_many_figures", limit: MAX_FIGURES });
    expect(res.body.error.found).toBeGreaterThan(MAX_FIGURES);
    expect(res.body.error.message).toMatch(/at most 20000 per article/);
    expect(res.body.error.fields.body).toBe(res.body.error.message);
    expect(await db.article.count({ where: { projectId: desk.project.id } })).toBe(0);
    expect(await fingerprint(scopeOf(desk))).toEqual(before);
    // The app still answers at once.
    expect((await as().get("/api/health")).status).toBe(200);
  });
});

describe("the article view in pages", () => {
  let articleId: string;
  let body: string;
  beforeAll(async () => {
    // 2,000 figure sentences, then sentences without figures: over 3,000 sentences, 6,000 figures.
    const article = hostileArticle({ maxBytes: 260_000, figureSentences: 2_000, plainLength: 40, seed: 2 });
    const res = await importAs(desk.reviewer.token, desk.project.id, article);
    expect(res.status).toBe(201);
    articleId = res.body.id;
    body = article.body;
  });

  it("answers a bounded first page with the existing fields and where the next page starts", async () => {
    const res = await as(desk.reviewer.token).get(`/api/v1/articles/${articleId}`);
    expect(res.status).toBe(200);
    const v = res.body;
    expect(v.body).toBe(body);
    expect(v.counts.sentences).toBeGreaterThan(3_000);
    expect(v.sentences.length).toBeLessThanOrEqual(2_000);
    expect(v.quantities.length).toBeLessThanOrEqual(2_000 + 2 * v.suggestions.length);
    expect(v.sentences[0]).toMatchObject({ index: 0, start: 0 });
    expect(v.sentences[0].text).toBe(body.slice(v.sentences[0].start, v.sentences[0].end));
    expect(v.page).toMatchObject({ textFrom: 0, textLength: body.length });
    expect(v.next).toEqual({ textFrom: v.page.textEnd, href: `/api/v1/articles/${articleId}?textFrom=${v.page.textEnd}` });
  });

  it("pages through sentences, figures and suggestions: each once, the texts joined are the body", async () => {
    const sentences = new Set<number>();
    const figures = new Set<number>();
    const suggestions = new Set<string>();
    let text = "";
    let path: string | null = `/api/v1/articles/${articleId}?body=false&textLimit=50000`;
    let pages = 0;
    let counts: { sentences: number; quantities: number; suggestions: number } | null = null;
    while (path) {
      const res = await as(desk.reviewer.token).get(path);
      expect(res.status).toBe(200);
      expect(res.body.body).toBeUndefined();
      expect(res.body.page.textEnd - res.body.page.textFrom).toBeLessThanOrEqual(50_000);
      expect(res.body.page.textFrom).toBe(text.length);
      text += res.body.page.text;
      for (const s of res.body.sentences) sentences.add(s.index);
      for (const q of res.body.quantities) if (q.start >= res.body.page.textFrom && q.start < res.body.page.textEnd) figures.add(q.index);
      for (const s of res.body.suggestions) {
        expect(suggestions.has(s.id)).toBe(false);
        suggestions.add(s.id);
      }
      counts = res.body.counts;
      path = res.body.next ? `/api/v1/articles/${articleId}?body=false&textLimit=50000&textFrom=${res.body.next.textFrom}` : null;
      pages++;
    }
    expect(pages).toBeGreaterThan(3);
    expect(text).toBe(body);
    expect(sentences.size).toBe(counts!.sentences);
    expect(Math.max(...sentences)).toBe(counts!.sentences - 1);
    expect(figures.size).toBe(counts!.quantities);
    expect(suggestions.size).toBe(counts!.suggestions);
  });

  it("refuses page parameters it cannot read with 400, naming them", async () => {
    for (const [query, field] of [["textLimit=0x10", "textLimit"], ["textFrom=-1", "textFrom"], ["textLimit=0", "textLimit"], ["textFrom=1e3", "textFrom"], [`textFrom=${body.length + 1}`, "textFrom"], ["body=no", "body"]] as const) {
      const res = await as(desk.reviewer.token).get(`/api/v1/articles/${articleId}?${query}`);
      expect(res.status, query).toBe(400);
      expect(Object.keys(res.body.error.fields), query).toContain(field);
    }
  });
});

describe("the workspace of a large article", () => {
  it("sends a first HTML under 1 MB for a 1.5 MB article, with the start of the text and a way to more", async () => {
    const article = hostileArticle({ maxBytes: 1_500_000, figureSentences: 3_000, plainLength: 100, seed: 3 });
    const res = await importAs(desk.reviewer.token, desk.project.id, article);
    expect(res.status).toBe(201);
    const sentences = await db.sentence.count({ where: { articleId: res.body.id } });
    const cookie = await sessionFor(desk.reviewer.user.email);
    const page = await getPage(`/articles/${res.body.id}`, cookie);
    expect(page.status).toBe(200);
    const bytes = Buffer.byteLength(page.html);
    expect(bytes).toBeLessThan(1024 * 1024);
    expect(page.html).toContain('id="sentence-0"');
    expect(page.html).not.toContain(`id="sentence-${sentences - 1}"`);
    expect(page.html).toContain('data-testid="more-text"');
  });
});
