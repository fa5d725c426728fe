import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeDesk, unique } from "../factories";
import { as } from "./client";

const SY24 = readFileSync("seeds/sy24-coalition.txt", "utf8");

async function importSy24() {
  const desk = await makeDesk();
  const r = as(desk.reviewer.token);
  // A unique title and a unique trailing line keep the body distinct per test.
  const body = `${SY24}\n${unique("ref")}`;
  const created = await r.post(`/api/v1/projects/${desk.project.id}/articles`, { title: "التحالف الدولي", body, outlet: "SY24" });
  expect(created.status).toBe(201);
  return { desk, article: created.body, body };
}

describe("articles over HTTP", () => {
  it("imports the SY24 article: rtl, sentences on the exact body, 7 million vs 7.7 million suggested", async () => {
    const { article, body } = await importSy24();
    expect(article.body).toBe(body);
    expect(article.language).toBe("ar");
    expect(article.direction).toBe("rtl");
    for (const s of article.sentences) expect(body.slice(s.start, s.end)).toBe(s.text);
    const contradiction = article.suggestions.find(
      (s: any) => s.type === "contradiction" && /7/.test(article.quantities[s.quantity].text) && /7\.7/.test(article.quantities[s.otherQuantity].text),
    );
    expect(contradiction).toBeDefined();
    const same = article.suggestions.filter(
      (s: any) => s.type === "contradiction" && [s.quantity, s.otherQuantity].every((i: number) => article.quantities[i].value === 110000),
    );
    expect(same).toEqual([]);
  });

  it("answers the same body twice with 409 and the existing id", async () => {
    const { desk, article, body } = await importSy24();
    const again = await as(desk.reviewer2.token).post(`/api/v1/projects/${desk.project.id}/articles`, { title: "again", body });
    expect(again.status).toBe(409);
    expect(again.body.error.existingId).toBe(article.id);
  });

  it("refuses bad input with 400 naming the field, 415 for non-JSON, 413 past the limit, and writes nothing", async () => {
    const desk = await makeDesk();
    const r = as(desk.reviewer.token);
    const path = `/api/v1/projects/${desk.project.id}/articles`;
    const before = await db.article.count({ where: { projectId: desk.project.id } });
    const bad = await r.post(path, { title: "", body: "x", sourceUrl: "javascript:alert(1)" });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["sourceUrl", "title"]);
    expect((await r.post(path, "title=x", { "Content-Type": "text/plain" })).status).toBe(415);
    expect((await r.post(path, "{not json", { "Content-Type": "application/json" })).status).toBe(400);
    expect((await r.post(path, { title: "big", body: "ا".repeat(6_500_000) })).status).toBe(413);
    expect(await db.article.count({ where: { projectId: desk.project.id } })).toBe(before);
  });

  it("hides a project from outsiders (404) and from callers without credentials (401)", async () => {
    const { desk, article } = await importSy24();
    expect((await as(desk.outsider.token).get(`/api/v1/articles/${article.id}`)).status).toBe(404);
    expect((await as().get(`/api/v1/articles/${article.id}`)).status).toBe(401);
    expect((await as("sanad_not-a-token").get(`/api/v1/articles/${article.id}`)).status).toBe(401);
    expect((await as(desk.outsider.token).get(`/api/v1/projects/${desk.project.id}/articles`)).status).toBe(404);
  });

  it("pages the project's articles newest first", async () => {
    const desk = await makeDesk();
    const r = as(desk.reviewer.token);
    for (let i = 0; i < 3; i++) expect((await r.post(`/api/v1/projects/${desk.project.id}/articles`, { title: `t${i}`, body: `Body ${i} ${unique()}.` })).status).toBe(201);
    const page1 = await r.get(`/api/v1/projects/${desk.project.id}/articles?limit=2`);
    expect(page1.body.items.map((a: any) => a.title)).toEqual(["t2", "t1"]);
    const page2 = await r.get(`/api/v1/projects/${desk.project.id}/articles?limit=2&cursor=${page1.body.nextCursor}`);
    expect(page2.body.items.map((a: any) => a.title)).toEqual(["t0"]);
    expect((await r.get(`/api/v1/projects/${desk.project.id}/articles?limit=0`)).status).toBe(400);
  });
});

describe("claims, links, sources and blind verdicts over HTTP", () => {
  it("accepts the contradiction suggestion: two claims linked as contradicting, only once", async () => {
    const { desk, article } = await importSy24();
    const s = article.suggestions.find((x: any) => x.type === "contradiction");
    const accepted = await as(desk.reviewer.token).post(`/api/v1/suggestions/${s.id}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body.claims).toHaveLength(2);
    expect(accepted.body.link.relation).toBe("contradicts");
    const again = await as(desk.reviewer2.token).post(`/api/v1/suggestions/${s.id}/accept`);
    expect(again.status).toBe(409);
    const claim = await as(desk.reviewer.token).get(`/api/v1/claims/${accepted.body.claims[0].id}`);
    expect(claim.body.links).toHaveLength(1);
    expect(claim.body.links[0].claim.id).toBe(accepted.body.claims[1].id);
  });

  it("creates a claim on a span with its quote, sentences and figure", async () => {
    const { desk, article, body } = await importSy24();
    const start = body.indexOf("7.7 مليون");
    const end = start + "7.7 مليون شخصا".length;
    const created = await as(desk.reviewer.token).post(`/api/v1/articles/${article.id}/claims`, { start, end, note: "quote" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ start, end, text: body.slice(start, end), status: "open", version: 1, kind: "figure" });
    expect(created.body.quote.exact).toBe(body.slice(start, end));
    expect(created.body.quote.prefix).toBe(body.slice(start - 32, start));
    expect(created.body.quantity.value).toBe(7_700_000);
    expect(created.body.sentenceIndexes.length).toBeGreaterThan(0);
    const audit = await db.auditEvent.findMany({ where: { entity: "claim", entityId: created.body.id } });
    expect(audit.map((a) => a.action)).toEqual(["create"]);
  });

  it("refuses spans that are empty, reversed, out of range, fractional or inside a surrogate pair", async () => {
    const desk = await makeDesk();
    const r = as(desk.reviewer.token);
    const a = await r.post(`/api/v1/projects/${desk.project.id}/articles`, { title: "emoji", body: `😀 Hello ${unique()}.` });
    const path = `/api/v1/articles/${a.body.id}/claims`;
    for (const span of [{ start: 3, end: 3 }, { start: 5, end: 2 }, { start: 0, end: 10_000 }, { start: -1, end: 3 }, { start: 1.5, end: 4 }, { start: 1, end: 5 }, { start: "0", end: 4 }]) {
      const res = await r.post(path, span);
      expect(res.status, JSON.stringify(span)).toBe(400);
      expect(res.body.error.fields).toBeTypeOf("object");
    }
    expect(await db.claim.count({ where: { articleId: a.body.id } })).toBe(0);
  });

  it("PATCH with a stale version gets 409 and the current state; nothing is lost", async () => {
    const { desk, article, body } = await importSy24();
    const start = body.indexOf("7 ملايين");
    const c = await as(desk.reviewer.token).post(`/api/v1/articles/${article.id}/claims`, { start, end: start + 8 });
    const first = await as(desk.reviewer.token).patch(`/api/v1/claims/${c.body.id}`, { version: 1, note: "first" });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const stale = await as(desk.reviewer2.token).patch(`/api/v1/claims/${c.body.id}`, { version: 1, note: "second" });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current.note).toBe("first");
    expect(stale.body.error.current.version).toBe(2);
  });

  it("sources: http(s) only, stored and shown", async () => {
    const { desk, article, body } = await importSy24();
    const start = body.indexOf("7 ملايين");
    const c = await as(desk.reviewer.token).post(`/api/v1/articles/${article.id}/claims`, { start, end: start + 8 });
    const path = `/api/v1/claims/${c.body.id}/sources`;
    for (const url of ["javascript:alert(1)", "data:text/html,x", "ftp://x.org/a", "not a url"]) {
      const bad = await as(desk.reviewer.token).post(path, { url, stance: "supports" });
      expect(bad.status).toBe(400);
      expect(bad.body.error.fields.url).toBeDefined();
    }
    const ok = await as(desk.reviewer.token).post(path, { url: "https://example.org/report", title: "<b>Report</b>", excerpt: "7.7 million", stance: "refutes" });
    expect(ok.status).toBe(201);
    expect(ok.body.title).toBe("<b>Report</b>");
    const detail = await as(desk.reviewer.token).get(`/api/v1/claims/${c.body.id}`);
    expect(detail.body.sources.map((s: any) => s.url)).toEqual(["https://example.org/report"]);
  });

  it("verdicts are blind until one's own is given; editors see all; differing ratings make a claim disputed", async () => {
    const { desk, article, body } = await importSy24();
    const start = body.indexOf("7 ملايين");
    const c = await as(desk.reviewer.token).post(`/api/v1/articles/${article.id}/claims`, { start, end: start + 8 });
    const id = c.body.id;
    const v1 = await as(desk.reviewer.token).put(`/api/v1/claims/${id}/verdicts/me`, { rating: 2, rationale: "The quote says 7.7 million" });
    expect(v1.status).toBe(201);
    const blind = await as(desk.reviewer2.token).get(`/api/v1/claims/${id}`);
    expect(blind.body.verdicts).toEqual([]);
    expect(blind.body.verdictsHidden).toBe(true);
    // Not even how many: the count is hidden too, and the claim does not say "disputed".
    expect(blind.body.verdictCount).toBeNull();
    const v2 = await as(desk.reviewer2.token).put(`/api/v1/claims/${id}/verdicts/me`, { rating: "unverifiable", rationale: "No primary source" });
    expect(v2.status).toBe(201);
    expect(v2.body.claimStatus).toBe("disputed");
    const seen = await as(desk.reviewer2.token).get(`/api/v1/claims/${id}`);
    expect(seen.body.verdicts.map((v: any) => v.rating).sort()).toEqual([2, "unverifiable"]);
    const editor = await as(desk.editor.token).get(`/api/v1/claims/${id}`);
    expect(editor.body.verdicts).toHaveLength(2);
    // Replacing one's verdict needs its version.
    expect((await as(desk.reviewer.token).put(`/api/v1/claims/${id}/verdicts/me`, { rating: 3, rationale: "again" })).status).toBe(409);
    const edited = await as(desk.reviewer.token).put(`/api/v1/claims/${id}/verdicts/me`, { rating: 3, rationale: "again", version: 1 });
    expect(edited.status).toBe(200);
    expect(edited.body.verdict.version).toBe(2);
    expect((await as(desk.reviewer.token).put(`/api/v1/claims/${id}/verdicts/me`, { rating: 7, rationale: "x" })).status).toBe(400);
  });

  it("retracting hides a claim from the article and keeps it in the audit trail; restore brings it back", async () => {
    const { desk, article, body } = await importSy24();
    const start = body.indexOf("7 ملايين");
    const c = await as(desk.reviewer.token).post(`/api/v1/articles/${article.id}/claims`, { start, end: start + 8 });
    const retracted = await as(desk.reviewer.token).post(`/api/v1/claims/${c.body.id}/retract`, { reason: "duplicate" });
    expect(retracted.body.status).toBe("retracted");
    const view = await as(desk.reviewer.token).get(`/api/v1/articles/${article.id}`);
    expect(view.body.claims.map((x: any) => x.id)).not.toContain(c.body.id);
    const restored = await as(desk.reviewer.token).post(`/api/v1/claims/${c.body.id}/restore`, {});
    expect(restored.body.status).toBe("open");
    const audit = await db.auditEvent.findMany({ where: { entityId: c.body.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["create", "retract", "restore"]);
  });

  it("links claims of one project only", async () => {
    const { desk, article, body } = await importSy24();
    const r = as(desk.reviewer.token);
    const a = body.indexOf("7 ملايين");
    const b = body.indexOf("7.7 مليون");
    const c1 = await r.post(`/api/v1/articles/${article.id}/claims`, { start: a, end: a + 8 });
    const c2 = await r.post(`/api/v1/articles/${article.id}/claims`, { start: b, end: b + 9 });
    const link = await r.post(`/api/v1/claims/${c1.body.id}/links`, { otherClaimId: c2.body.id, relation: "contradicts" });
    expect(link.status).toBe(201);
    const twice = await r.post(`/api/v1/claims/${c2.body.id}/links`, { otherClaimId: c1.body.id, relation: "contradicts" });
    expect(twice.status).toBe(200);
    expect(twice.body.id).toBe(link.body.id);
    expect((await r.post(`/api/v1/claims/${c1.body.id}/links`, { otherClaimId: c1.body.id, relation: "same_as" })).status).toBe(400);
    expect((await r.post(`/api/v1/claims/${c1.body.id}/links`, { otherClaimId: c2.body.id, relation: "cites" })).status).toBe(400);
  });
});
