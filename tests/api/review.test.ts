import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeDesk, unique } from "../factories";
import { as } from "./client";

/** A desk with one article and one claim per entry of `ratings` ([reviewer1, reviewer2] ratings). */
async function deskWithRatedClaims(ratings: [unknown, unknown][]) {
  const desk = await makeDesk();
  const words = ratings.map((_, i) => `claim${i}`);
  const body = `${words.join(" ")} ${unique()}.`;
  const article = await as(desk.reviewer.token).post(`/api/v1/projects/${desk.project.id}/articles`, { title: "review", body });
  const claims = [];
  for (const [i, [r1, r2]] of ratings.entries()) {
    const start = body.indexOf(words[i]);
    const c = await as(desk.reviewer.token).post(`/api/v1/articles/${article.body.id}/claims`, { start, end: start + words[i].length });
    if (r1 !== null) await as(desk.reviewer.token).put(`/api/v1/claims/${c.body.id}/verdicts/me`, { rating: r1, rationale: "r1" });
    if (r2 !== null) await as(desk.reviewer2.token).put(`/api/v1/claims/${c.body.id}/verdicts/me`, { rating: r2, rationale: "r2" });
    claims.push(c.body);
  }
  return { desk, article: article.body, claims };
}

describe("the editor's queue and adjudication", () => {
  it("lists disputed claims oldest first for editors, 403 for reviewers, 404 for outsiders", async () => {
    const { desk, claims } = await deskWithRatedClaims([[1, 2], [5, 5], [3, "unverifiable"]]);
    const q = await as(desk.editor.token).get(`/api/v1/projects/${desk.project.id}/disagreements`);
    expect(q.status).toBe(200);
    expect(q.body.count).toBe(2);
    expect(q.body.items.map((c: any) => c.id)).toEqual([claims[0].id, claims[2].id]);
    expect((await as(desk.reviewer.token).get(`/api/v1/projects/${desk.project.id}/disagreements`)).status).toBe(403);
    expect((await as(desk.outsider.token).get(`/api/v1/projects/${desk.project.id}/disagreements`)).status).toBe(404);
    const byReviewer = await as(desk.editor.token).get(`/api/v1/projects/${desk.project.id}/disagreements?reviewerId=${desk.outsider.user.id}`);
    expect(byReviewer.body.count).toBe(0);
  });

  it("adjudication verifies a claim and keeps the reviewers' verdicts; a second editor gets 409 with the winner's decision", async () => {
    const { desk, claims } = await deskWithRatedClaims([[1, 2]]);
    const id = claims[0].id;
    expect((await as(desk.reviewer.token).post(`/api/v1/claims/${id}/adjudication`, { rating: 2, note: "x" })).status).toBe(403);
    const first = await as(desk.editor.token).post(`/api/v1/claims/${id}/adjudication`, { rating: 2, note: "Mostly false: 7.7 million" });
    expect(first.status).toBe(201);
    expect(first.body.claim.status).toBe("verified");
    const second = await as(desk.editor.token).post(`/api/v1/claims/${id}/adjudication`, { rating: 5, note: "late" });
    expect(second.status).toBe(409);
    expect(second.body.error.current.adjudication.note).toBe("Mostly false: 7.7 million");
    const detail = await as(desk.editor.token).get(`/api/v1/claims/${id}`);
    expect(detail.body.adjudication.rating).toBe(2);
    expect(detail.body.verdicts.map((v: any) => v.rating).sort()).toEqual([1, 2]);
    const q = await as(desk.editor.token).get(`/api/v1/projects/${desk.project.id}/disagreements`);
    expect(q.body.count).toBe(0);
    // Reopening puts it back in the queue and keeps the old decision as history.
    const reopened = await as(desk.editor.token).post(`/api/v1/claims/${id}/reopen`, { reason: "new evidence" });
    expect(reopened.body.status).toBe("disputed");
    expect((await as(desk.editor.token).get(`/api/v1/projects/${desk.project.id}/disagreements`)).body.count).toBe(1);
    const history = await as(desk.editor.token).get(`/api/v1/claims/${id}`);
    expect(history.body.adjudication).toBeNull();
    expect(history.body.adjudicationHistory).toHaveLength(1);
  });

  it("two editors adjudicating at once: one wins, the other is told", async () => {
    const { desk, claims } = await deskWithRatedClaims([[1, 4]]);
    const id = claims[0].id;
    const answers = await Promise.all(
      [1, 2, 3, 4, 5].map((rating) => as(desk.editor.token).post(`/api/v1/claims/${id}/adjudication`, { rating, note: `decision ${rating}` })),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(4);
    expect(await db.adjudication.count({ where: { claimId: id } })).toBe(1);
  });

  it("bulk-verifies claims whose required reviewers agree", async () => {
    const { desk, claims } = await deskWithRatedClaims([[5, 5], [4, 4], [1, 2], [3, null]]);
    const agreed = await as(desk.editor.token).get(`/api/v1/projects/${desk.project.id}/agreed`);
    expect(agreed.body.items.map((c: any) => c.id).sort()).toEqual([claims[0].id, claims[1].id].sort());
    const done = await as(desk.editor.token).post(`/api/v1/projects/${desk.project.id}/agreed`, { claimIds: agreed.body.items.map((c: any) => c.id) });
    expect(done.body.verified).toHaveLength(2);
    const statuses = await db.claim.findMany({ where: { id: { in: claims.map((c) => c.id) } }, orderBy: { createdAt: "asc" } });
    expect(statuses.map((c) => c.status)).toEqual(["verified", "verified", "disputed", "open"]);
  });

  it("agreement figures over claims with two ratings", async () => {
    // Reviewer 1: 1,1,2,2,3,3; reviewer 2: 1,1,2,3,3,3 → po = 5/6, pe = 1/3, kappa = 0.75.
    const { desk } = await deskWithRatedClaims([[1, 1], [1, 1], [2, 2], [2, 3], [3, 3], [3, 3]]);
    const a = await as(desk.editor.token).get(`/api/v1/projects/${desk.project.id}/agreement`);
    expect(a.status).toBe(200);
    expect(a.body.raters).toBe(2);
    expect(a.body.items).toBe(6);
    expect(a.body.percentAgreement).toBeCloseTo(5 / 6, 10);
    expect(a.body.cohenKappa).toBeCloseTo(0.75, 10);
    expect(a.body.krippendorffAlpha).toBeCloseTo(36 / 47, 10);
    expect(a.body.pairs).toHaveLength(1);
    expect((await as(desk.reviewer.token).get(`/api/v1/projects/${desk.project.id}/agreement`)).status).toBe(403);
  });

  it("a reviewer removed from a project loses access at once; their verdicts stay", async () => {
    const { desk, claims } = await deskWithRatedClaims([[2, 3]]);
    const removed = await as(desk.admin.token).delete(`/api/v1/projects/${desk.project.id}/members/${desk.reviewer2.user.id}`);
    expect(removed.status).toBe(200);
    expect((await as(desk.reviewer2.token).get(`/api/v1/claims/${claims[0].id}`)).status).toBe(404);
    expect(await db.verdict.count({ where: { claimId: claims[0].id } })).toBe(2);
  });

  it("assignments reach the reviewer's inbox with progress", async () => {
    const { desk, article } = await deskWithRatedClaims([[2, 3]]);
    expect((await as(desk.reviewer.token).post(`/api/v1/articles/${article.id}/assignments`, { reviewerIds: [desk.reviewer2.user.id] })).status).toBe(403);
    const assigned = await as(desk.editor.token).post(`/api/v1/articles/${article.id}/assignments`, { reviewerIds: [desk.reviewer2.user.id] });
    expect(assigned.status).toBe(201);
    const inbox = await as(desk.reviewer2.token).get(`/api/v1/me/inbox`);
    expect(inbox.body.items).toEqual([expect.objectContaining({ articleId: article.id, isNew: true, verdictsGiven: 1, claims: 1 })]);
    const stranger = await as(desk.editor.token).post(`/api/v1/articles/${article.id}/assignments`, { reviewerIds: [desk.outsider.user.id] });
    expect(stranger.status).toBe(400);
  });
});

describe("admin", () => {
  it("creates projects and members; others get 403", async () => {
    const desk = await makeDesk();
    const p = await as(desk.admin.token).post(`/api/v1/projects`, { name: "Desk <script>", defaultLanguage: "en" });
    expect(p.status).toBe(201);
    expect(p.body.name).toBe("Desk <script>");
    expect((await as(desk.editor.token).post(`/api/v1/projects`, { name: "nope" })).status).toBe(403);
    const m = await as(desk.admin.token).post(`/api/v1/projects/${p.body.id}/members`, { email: desk.reviewer.user.email, role: "reviewer" });
    expect(m.status).toBe(201);
    const list = await as(desk.reviewer.token).get(`/api/v1/projects`);
    expect(list.body.items.map((x: any) => x.id)).toContain(p.body.id);
    expect((await as(desk.admin.token).post(`/api/v1/projects/${p.body.id}/members`, { email: "nobody@x.test", role: "reviewer" })).status).toBe(400);
    expect((await as(desk.admin.token).post(`/api/v1/projects/${p.body.id}/members`, { email: desk.reviewer.user.email, role: "owner" })).status).toBe(400);
  });

  it("serves an OpenAPI 3.1 document listing every endpoint", async () => {
    const doc = await as().get(`/api/v1/openapi.json`);
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe("3.1.0");
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(["/api/v1/articles/{articleId}/claims", "/api/v1/claims/{claimId}/verdicts/me"]));
  });
});
