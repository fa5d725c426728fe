// Exports over HTTP from the built app, read back with independent parsers.
import { parse as parseCsv } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeDesk, unique } from "../factories";
import { as, base } from "./client";

type Desk = Awaited<ReturnType<typeof makeDesk>>;

const span = (body: string, text: string) => {
  const start = body.indexOf(text);
  if (start < 0) throw new Error(`"${text}" is not in the body`);
  return { start, end: start + text.length };
};

/** A desk with one article (an emoji before its claims) and claims verified, unverifiable and open. */
async function deskWithClaims() {
  const desk = await makeDesk();
  const body = `😀 قال المتحدث إن التحالف حرر 7.7 مليون شخص.\n=SUM(A1:A2) ليست معادلة.\nوبلغ عدد المقاتلين 110 آلاف. ${unique("ref")}`;
  const r1 = as(desk.reviewer.token);
  const r2 = as(desk.reviewer2.token);
  const ed = as(desk.editor.token);
  const article = await r1.post(`/api/v1/projects/${desk.project.id}/articles`, {
    title: "التحالف, \"حرر\"",
    body,
    sourceUrl: "https://news.example/sy24",
    outlet: "SY24",
    publishedAt: "2024-03-01",
  });
  expect(article.status).toBe(201);
  const claim = async (text: string) => {
    const c = await r1.post(`/api/v1/articles/${article.body.id}/claims`, span(body, text));
    expect(c.status).toBe(201);
    return c.body;
  };
  const figure = await claim("التحالف حرر 7.7 مليون شخص");
  const formula = await claim("=SUM(A1:A2) ليست معادلة");
  const open = await claim("110 آلاف");

  expect((await r1.post(`/api/v1/claims/${figure.id}/sources`, { url: "https://un.example/r", title: "UN", stance: "refutes" })).status).toBe(201);
  expect((await r1.put(`/api/v1/claims/${figure.id}/verdicts/me`, { rating: 1, rationale: "7, not 7.7" })).status).toBeLessThan(300);
  expect((await r2.put(`/api/v1/claims/${figure.id}/verdicts/me`, { rating: 2, rationale: "rounded" })).status).toBeLessThan(300);
  expect((await ed.post(`/api/v1/claims/${figure.id}/adjudication`, { rating: 2, note: "Mostly false" })).status).toBe(201);
  expect((await r1.put(`/api/v1/claims/${formula.id}/verdicts/me`, { rating: "unverifiable", rationale: "no record" })).status).toBeLessThan(300);
  expect((await ed.post(`/api/v1/claims/${formula.id}/adjudication`, { rating: "unverifiable", note: "+cannot say" })).status).toBe(201);
  expect((await r1.put(`/api/v1/claims/${open.id}/verdicts/me`, { rating: 4, rationale: "plausible" })).status).toBeLessThan(300);
  return { desk, body, article: article.body, claims: { figure, formula, open } };
}

/** The raw answer: bytes kept as they came (a Response's text() would drop the byte-order mark). */
async function download(token: string | undefined, desk: Desk, query: string) {
  const res = await fetch(`${base}/api/v1/projects/${desk.project.id}/export?${query}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  const text = Buffer.from(await res.arrayBuffer()).toString("utf8");
  return { status: res.status, headers: res.headers, text };
}

const jsonLines = (text: string) => text.split("\n").filter(Boolean).map((l) => JSON.parse(l));

describe("GET /api/v1/projects/{projectId}/export", () => {
  it("lets editors download; reviewers get 403, outsiders 404, no token 401", async () => {
    const { desk } = await deskWithClaims();
    const ok = await download(desk.editor.token, desk, "format=jsonl");
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toMatch(/^application\/x-ndjson/);
    expect(ok.headers.get("content-disposition")).toMatch(/^attachment; filename="sanad-.*\.jsonl"$/);
    expect(ok.headers.get("cache-control")).toBe("no-store");
    expect(jsonLines(ok.text)).toHaveLength(2);

    for (const [token, status] of [[desk.reviewer.token, 403], [desk.outsider.token, 404], [undefined, 401]] as const) {
      const res = await download(token, desk, "format=jsonl");
      expect(res.status).toBe(status);
      expect(JSON.parse(res.text).error.code).toBeTypeOf("string");
      expect(res.text).not.toContain("7.7");
    }
    const missing = await fetch(`${base}/api/v1/projects/${unique("nope")}/export?format=csv`, { headers: { Authorization: `Bearer ${desk.editor.token}` } });
    expect(missing.status).toBe(404);
  });

  it("answers an unknown format, status or date with 400 naming the field, not a broken download", async () => {
    const { desk } = await deskWithClaims();
    for (const [query, field] of [
      ["format=xml", "format"],
      ["", "format"],
      ["format=csv&status=retracted", "status"],
      ["format=csv&from=yesterday", "from"],
      ["format=csv&from=2024-05-01&to=2024-04-01", "to"],
    ]) {
      const res = await download(desk.editor.token, desk, query);
      expect([query, res.status]).toEqual([query, 400]);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      expect(res.headers.get("content-disposition")).toBeNull();
      expect(JSON.parse(res.text).error.fields).toHaveProperty(field);
    }
  });

  it("jsonl: verified claims by default, all but retracted with status=all, filtered by article and dates", async () => {
    const { desk, article, claims } = await deskWithClaims();
    const verified = jsonLines((await download(desk.editor.token, desk, "format=jsonl")).text);
    expect(verified.map((l) => l.id).sort()).toEqual([claims.figure.id, claims.formula.id].sort());
    const fig = verified.find((l) => l.id === claims.figure.id);
    expect(fig).toMatchObject({
      article: { id: article.id, title: "التحالف, \"حرر\"", sourceUrl: "https://news.example/sy24", outlet: "SY24", publishedAt: "2024-03-01T00:00:00.000Z" },
      text: "التحالف حرر 7.7 مليون شخص",
      start: claims.figure.start,
      end: claims.figure.end,
      sentenceIndexes: claims.figure.sentenceIndexes,
      rating: 2,
      ratingLabel: "Mostly false",
      editorNote: "Mostly false",
      sources: [expect.objectContaining({ url: "https://un.example/r", stance: "refutes" })],
    });
    expect(fig.verdicts.map((v: any) => [v.reviewer.name, v.rating, v.rationale])).toEqual([
      ["Reviewer One", 1, "7, not 7.7"],
      ["Reviewer Two", 2, "rounded"],
    ]);

    const all = jsonLines((await download(desk.editor.token, desk, "format=jsonl&status=all")).text);
    expect(all.map((l) => l.id)).toContain(claims.open.id);
    expect(all).toHaveLength(3);
    expect((await as(desk.reviewer.token).post(`/api/v1/claims/${claims.open.id}/retract`, { reason: "duplicate" })).status).toBe(200);
    expect(jsonLines((await download(desk.editor.token, desk, "format=jsonl&status=all")).text)).toHaveLength(2);

    expect(jsonLines((await download(desk.editor.token, desk, `format=jsonl&articleId=${article.id}`)).text)).toHaveLength(2);
    await db.claim.update({ where: { id: claims.figure.id }, data: { verifiedAt: new Date("2023-12-31T23:00:00Z") } });
    const thisYear = jsonLines((await download(desk.editor.token, desk, "format=jsonl&from=2024-01-01")).text);
    expect(thisYear.map((l) => l.id)).toEqual([claims.formula.id]);
    const lastYear = jsonLines((await download(desk.editor.token, desk, "format=jsonl&from=2023-12-31&to=2023-12-31")).text);
    expect(lastYear.map((l) => l.id)).toEqual([claims.figure.id]);
  });

  it("csv: a byte-order mark, read back by csv-parse, formulas neutralized", async () => {
    const { desk, claims } = await deskWithClaims();
    const res = await download(desk.editor.token, desk, "format=csv");
    expect(res.headers.get("content-type")).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.text.charCodeAt(0)).toBe(0xfeff);
    const rows: Record<string, string>[] = parseCsv(res.text, { bom: true, columns: true });
    expect(rows).toHaveLength(2);
    const fig = rows.find((r) => r.claim_id === claims.figure.id)!;
    expect(fig.article_title).toBe("التحالف, \"حرر\"");
    expect(fig.text).toBe("التحالف حرر 7.7 مليون شخص");
    expect([fig.start, fig.end]).toEqual([String(claims.figure.start), String(claims.figure.end)]);
    expect(fig.rating).toBe("2");
    const formula = rows.find((r) => r.claim_id === claims.formula.id)!;
    expect(formula.text).toBe("'=SUM(A1:A2) ليست معادلة");
    expect(formula.editor_note).toBe("'+cannot say");
    expect(formula.rating).toBe("unverifiable");
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it("claimreview: schema.org ClaimReview with the organization set in the project's settings", async () => {
    const { desk, claims } = await deskWithClaims();
    const settings = await as(desk.editor.token).patch(`/api/v1/projects/${desk.project.id}/settings`, { organizationName: "Sanad Checks", organizationUrl: "https://checks.example" });
    expect(settings.status).toBe(200);
    const res = await download(desk.editor.token, desk, "format=claimreview");
    expect(res.headers.get("content-type")).toMatch(/^application\/ld\+json/);
    const doc = JSON.parse(res.text);
    expect(doc).toHaveLength(2);
    const fig = doc.find((r: any) => r.claimReviewed === "التحالف حرر 7.7 مليون شخص");
    expect(fig).toMatchObject({
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      url: `${base}/claims/${claims.figure.id}`,
      author: { "@type": "Organization", name: "Sanad Checks", url: "https://checks.example" },
      itemReviewed: {
        "@type": "Claim",
        author: { "@type": "Organization", name: "SY24" },
        datePublished: "2024-03-01",
        appearance: [{ "@type": "CreativeWork", url: "https://news.example/sy24" }],
      },
      // The English label, and the label in the article's language (Arabic here) as the name.
      reviewRating: { "@type": "Rating", ratingValue: 2, bestRating: 5, worstRating: 1, alternateName: "Mostly false", name: "خاطئ في معظمه" },
    });
    expect(fig.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const unverifiable = doc.find((r: any) => r.claimReviewed.startsWith("=SUM")).reviewRating;
    expect(unverifiable).toEqual({ "@type": "Rating", bestRating: 5, worstRating: 1, alternateName: "Unverifiable", name: "لا يمكن التحقق منه" });
  });

  it("webannotation: an AnnotationCollection with code-point positions (the emoji counts once)", async () => {
    const { desk, body, claims } = await deskWithClaims();
    const res = await download(desk.editor.token, desk, "format=webannotation");
    expect(res.headers.get("content-type")).toMatch(/^application\/ld\+json; profile="http:\/\/www\.w3\.org\/ns\/anno\.jsonld"/);
    const doc = JSON.parse(res.text);
    expect(doc["@context"][0]).toBe("http://www.w3.org/ns/anno.jsonld");
    expect(doc).toMatchObject({ type: "AnnotationCollection", total: 2, first: { type: "AnnotationPage" } });
    expect(doc.first.items).toHaveLength(2);
    const fig = doc.first.items.find((a: any) => a.id.includes(claims.figure.id));
    expect(fig).toMatchObject({ type: "Annotation", motivation: "assessing", target: { source: "https://news.example/sy24" } });
    expect(fig.body[0]).toMatchObject({ type: "TextualBody", purpose: "assessing", value: "Mostly false" });
    expect(fig.body).toContainEqual(expect.objectContaining({ purpose: "linking", source: "https://un.example/r" }));
    const quote = fig.target.selector.find((s: any) => s.type === "TextQuoteSelector");
    const pos = fig.target.selector.find((s: any) => s.type === "TextPositionSelector");
    expect(quote).toEqual({ type: "TextQuoteSelector", ...claims.figure.quote });
    expect([pos.start, pos.end]).toEqual([claims.figure.start - 1, claims.figure.end - 1]);
    expect(Array.from(body).slice(pos.start, pos.end).join("")).toBe(quote.exact);
  });

  it("streams a large export: chunked, without Content-Length, and whole when read to the end", async () => {
    const { desk, article } = await deskWithClaims();
    const N = 3_500;
    const prefix = unique("bulk").replace(/-/g, "");
    await db.$executeRaw`
      INSERT INTO claims (id, project_id, article_id, start, "end", text, prefix, suffix, sentence_indexes, kind, status, created_by_id, updated_at, verified_at)
      SELECT ${prefix} || lpad(g::text, 6, '0'), ${desk.project.id}, ${article.id}, 3, 10, 'bulk', '', '', '{0}', 'statement', 'verified', ${desk.reviewer.user.id}, now(), now()
      FROM generate_series(1, ${N}) AS g`;
    await db.$executeRaw`
      INSERT INTO adjudications (id, claim_id, editor_id, rating, note)
      SELECT 'a' || id, id, ${desk.editor.user.id}, '3', 'bulk' FROM claims WHERE id LIKE ${prefix + "%"}`;
    const res = await fetch(`${base}/api/v1/projects/${desk.project.id}/export?format=claimreview`, { headers: { Authorization: `Bearer ${desk.editor.token}` } });
    expect(res.status).toBe(200);
    // A body built in memory first would be sent with its length.
    expect(res.headers.get("content-length")).toBeNull();
    expect(res.headers.get("transfer-encoding")).toBe("chunked");
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    let reads = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      reads++;
      text += decoder.decode(value, { stream: true });
    }
    expect(reads).toBeGreaterThan(1);
    const doc = JSON.parse(text);
    expect(doc).toHaveLength(N + 2);
    expect(new Set(doc.map((r: any) => r.url)).size).toBe(N + 2);
  });
});
