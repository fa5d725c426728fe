// Search, "checked before" and fact-check import over HTTP: the answers a client sees, and bad
// input answered with a 4xx naming the parameter, never a 500.
import { beforeAll, describe, expect, it } from "vitest";
import { makeDesk, unique } from "../factories";
import { as } from "./client";
import { Fixture, type Desk } from "./route-matrix";

let desk: Desk;
let fx: Fixture;

beforeAll(async () => {
  desk = await makeDesk();
  fx = new Fixture(desk);
});

describe("GET /api/v1/search", () => {
  it("answers 400 naming q when q is empty or missing", async () => {
    for (const path of ["/api/v1/search", "/api/v1/search?q=", "/api/v1/search?q=%20%20"]) {
      const r = await as(desk.reviewer.token).get(path);
      expect(r.status, path).toBe(400);
      expect(r.body.error.fields.q).toMatch(/required/);
    }
  });

  it("answers garbage with a 4xx or an empty result, never a 500", async () => {
    const queries = [
      "x".repeat(10_000),
      "&|!:*()",
      "'); DROP TABLE claims; --",
      "%00",
      "%ED%A0%80",
      "!!!!!!",
      "a:*&b|!c",
      "\"unclosed",
      "-",
      "-only",
      encodeURIComponent("١٢٣ <-> ۴۵"),
    ];
    for (const q of queries) {
      const started = Date.now();
      const r = await as(desk.reviewer.token).get(`/api/v1/search?q=${q.startsWith("%") || q.includes("%") ? q : encodeURIComponent(q)}`);
      expect(r.status, q.slice(0, 30)).toBeLessThan(500);
      if (r.status === 200) expect(Array.isArray(r.body.items)).toBe(true);
      else expect(r.body.error.code).toBe("invalid_input");
      expect(Date.now() - started).toBeLessThan(5000);
    }
    for (const bad of ["type=nope", "limit=0", "limit=500", "status=x", "from=yesterday", "cursor=zzz", "type=articles&status=open", `projectId=${encodeURIComponent("a b")}`]) {
      const r = await as(desk.reviewer.token).get(`/api/v1/search?q=million&${bad}`);
      expect(r.status, bad).toBe(400);
    }
  });

  it("finds the desk's claims for members, and nothing of them for an outsider", async () => {
    const claim = await fx.claim();
    const mine = await as(desk.reviewer.token).get(`/api/v1/search?q=million&type=claims&projectId=${desk.project.id}`);
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((i: { id: string }) => i.id)).toContain(claim.id);
    const hit = mine.body.items.find((i: { id: string }) => i.id === claim.id);
    expect(hit).toMatchObject({ type: "claim", status: "open", finalRating: null, articleId: claim.articleId, title: "Matrix" });
    expect(hit.snippet.some((p: { hit: boolean; text: string }) => p.hit && /million/i.test(p.text))).toBe(true);
    const theirs = await as(desk.outsider.token).get(`/api/v1/search?q=million`);
    expect(theirs.status).toBe(200);
    expect(theirs.body.items).toEqual([]);
    expect(JSON.stringify(theirs.body)).not.toContain(claim.id);
    expect((await as(desk.outsider.token).get(`/api/v1/search?q=million&projectId=${desk.project.id}`)).status).toBe(404);
  });
});

describe("checked before and ClaimReview intake", () => {
  it("imports a @graph with a per-item report and matches it to a claim", async () => {
    const url = `https://checks.example/${unique("seven")}`;
    const body = {
      "@context": "https://schema.org",
      "@graph": [
        { "@type": "ClaimReview", url, claimReviewed: "A ministry said 7 million people were freed.", reviewRating: { ratingValue: "1", bestRating: "5", worstRating: "1", alternateName: "False" }, author: { name: "Example Checks" } },
        { "@type": "ClaimReview", url, claimReviewed: "Again the same URL." },
        { "@type": "ClaimReview", url: "ftp://checks.example/x", claimReviewed: "Bad URL." },
      ],
    };
    expect((await as(desk.reviewer.token).post(`/api/v1/projects/${desk.project.id}/fact-checks`, body)).status).toBe(403);
    const r = await as(desk.editor.token).post(`/api/v1/projects/${desk.project.id}/fact-checks`, body);
    expect(r.status).toBe(200);
    expect(r.body.summary).toMatchObject({ items: 3, stored: 1, duplicate: 1, invalid: 1 });
    expect(r.body.items[2]).toMatchObject({ index: 2, status: "invalid", reasons: [expect.stringMatching(/http or https/)] });

    // The suggested figure "7 million people" is the fact-check's figure.
    const suggestionId = await fx.suggestionId();
    const s = await as(desk.reviewer.token).get(`/api/v1/suggestions/${suggestionId}/matches`);
    expect(s.status).toBe(200);
    expect(s.body.complete).toBe(true);
    const byFigure = s.body.items.find((i: { id: string }) => i.id === r.body.items[0].id);
    expect(byFigure).toMatchObject({ type: "fact-check", external: true, label: "False", factCheck: { url, author: "Example Checks" } });
    expect(byFigure.reasons[0]).toEqual({ kind: "figure", figure: "7,000,000 people", value: 7000000, unit: "people", percent: false });
    // A claim on the bare "7 million" is compared by its sentence: nearly the fact-check's wording.
    const claim = await fx.claim();
    const m = await as(desk.reviewer.token).get(`/api/v1/claims/${claim.id}/matches`);
    expect(m.status).toBe(200);
    const byText = m.body.items.find((i: { id: string }) => i.id === r.body.items[0].id);
    expect(byText.reasons).toContainEqual({ kind: "text", similarity: expect.any(Number) });
    expect((await as(desk.outsider.token).get(`/api/v1/claims/${claim.id}/matches`)).status).toBe(404);
    expect((await as(desk.outsider.token).get(`/api/v1/suggestions/${suggestionId}/matches`)).status).toBe(404);
  });

  it("refuses a body that is not JSON, and answers an unknown suggestion with 404", async () => {
    const r = await as(desk.editor.token).post(`/api/v1/projects/${desk.project.id}/fact-checks`, "not json", { "Content-Type": "application/json" });
    expect(r.status).toBe(400);
    expect(r.body.error.fields.body).toMatch(/JSON/);
    expect((await as(desk.reviewer.token).get(`/api/v1/suggestions/nope/matches`)).status).toBe(404);
  });
});
