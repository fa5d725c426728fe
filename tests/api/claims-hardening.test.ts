// Issue 12, the data side: verified claims are frozen until an editor reopens them; blind review
// hides more than the verdicts; dates and page sizes the database cannot take are 400s.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addMember, makeDesk, makeToken, makeUser, unique } from "../factories";
import { as, base } from "./client";
import { fingerprint, getPage, scopeOf, sessionFor } from "./harness";

/** A desk, an article, and a claim both reviewers rated (the same or differently). */
async function deskWithClaim(ratings: [number, number] = [2, 2]) {
  const desk = await makeDesk();
  const body = `The council said 4,200 homes were rebuilt. Officials counted 3,100 later. ${unique()}`;
  const article = await as(desk.reviewer.token).post(`/api/v1/projects/${desk.project.id}/articles`, { title: "homes", body, language: "en" });
  expect(article.status).toBe(201);
  const span = (text: string) => ({ start: body.indexOf(text), end: body.indexOf(text) + text.length });
  const claim = await as(desk.reviewer.token).post(`/api/v1/articles/${article.body.id}/claims`, span("4,200 homes were rebuilt"));
  expect(claim.status).toBe(201);
  const id = claim.body.id;
  await as(desk.reviewer.token).put(`/api/v1/claims/${id}/verdicts/me`, { rating: ratings[0], rationale: "first" });
  await as(desk.reviewer2.token).put(`/api/v1/claims/${id}/verdicts/me`, { rating: ratings[1], rationale: "second" });
  return { desk, articleId: article.body.id as string, body, span, id: id as string };
}

describe("a verified claim changes only after an editor reopens it", () => {
  it("edit, retract, restore and new sources get 409 with the current state, for reviewers and editors alike, and write nothing", async () => {
    const { desk, id, span } = await deskWithClaim();
    const verified = await as(desk.editor.token).post(`/api/v1/claims/${id}/adjudication`, { rating: 2, note: "Mostly false" });
    expect(verified.status).toBe(201);
    const version = verified.body.claim.version;
    const before = await fingerprint(scopeOf(desk));
    for (const who of [desk.reviewer, desk.editor]) {
      const answers = [
        await as(who.token).patch(`/api/v1/claims/${id}`, { version, ...span("homes were rebuilt") }),
        await as(who.token).patch(`/api/v1/claims/${id}`, { version, note: "just a note" }),
        await as(who.token).post(`/api/v1/claims/${id}/retract`, { reason: "not a claim", version }),
        await as(who.token).post(`/api/v1/claims/${id}/retract`, { reason: "not a claim" }),
        await as(who.token).post(`/api/v1/claims/${id}/restore`, { version }),
        await as(who.token).post(`/api/v1/claims/${id}/sources`, { url: "https://records.example/x", stance: "supports" }),
      ];
      for (const a of answers) {
        expect(a.status, JSON.stringify(a.body)).toBe(409);
        expect(a.body.error.code).toBe("conflict");
        expect(a.body.error.current).toMatchObject({ id, status: "verified", version, text: "4,200 homes were rebuilt" });
      }
      expect(answers[0].body.error.reason).toBe("claim_verified");
    }
    expect(await fingerprint(scopeOf(desk))).toEqual(before);
    const exported = await as(desk.editor.token).get(`/api/v1/projects/${desk.project.id}/export?format=jsonl`);
    expect(exported.body).toMatchObject({ id, text: "4,200 homes were rebuilt", rating: 2 });
  });

  it("links to and from a verified claim stay allowed (a relation is no part of the rating); after a reopen, edits go through and are audited", async () => {
    const { desk, id, articleId, span } = await deskWithClaim();
    const other = await as(desk.reviewer.token).post(`/api/v1/articles/${articleId}/claims`, span("3,100"));
    await as(desk.editor.token).post(`/api/v1/claims/${id}/adjudication`, { rating: 2, note: "Mostly false" });
    const link = await as(desk.reviewer.token).post(`/api/v1/claims/${other.body.id}/links`, { otherClaimId: id, relation: "contradicts" });
    expect([200, 201]).toContain(link.status);

    const reopened = await as(desk.editor.token).post(`/api/v1/claims/${id}/reopen`, { reason: "wrong span" });
    expect(reopened.status).toBe(200);
    const edited = await as(desk.reviewer.token).patch(`/api/v1/claims/${id}`, { version: reopened.body.version, ...span("4,200 homes") });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ text: "4,200 homes", status: "open" });
    const audit = await db.auditEvent.findMany({ where: { entityId: id, action: { in: ["reopen", "update"] } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([["reopen", desk.editor.user.id], ["update", desk.reviewer.user.id]]);
  });
});

describe("blind review", () => {
  /** A third reviewer, who has given no verdict on the disputed claim. */
  async function blindDesk() {
    const d = await deskWithClaim([1, 4]);
    const third = await makeUser({ name: "Reviewer Three" });
    await addMember(d.desk.project.id, third.user.id, "reviewer");
    const token = await makeToken(third.user.id);
    await as(d.desk.reviewer.token).post(`/api/v1/claims/${d.id}/sources`, { url: "https://stats.example/homes", title: "Housing statistics", stance: "refutes" });
    await as(token).post(`/api/v1/claims/${d.id}/sources`, { url: "https://own.example/notes", title: "My own notes", stance: "context" });
    return { ...d, third: { ...third, token } };
  }

  it("a reviewer without a verdict sees no disputed status, no count, and others' sources without stance or author", async () => {
    const { desk, id, third } = await blindDesk();
    const detail = await as(third.token).get(`/api/v1/claims/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ status: "open", verdictsHidden: true, verdictCount: null, verdicts: [], myVerdict: null });
    const theirs = detail.body.sources.find((s: any) => s.url === "https://stats.example/homes");
    expect(theirs).toMatchObject({ title: "Housing statistics", stance: null, createdBy: null, createdById: null, stanceHidden: true });
    const own = detail.body.sources.find((s: any) => s.url === "https://own.example/notes");
    expect(own).toMatchObject({ stance: "context", createdById: third.user.id, createdBy: { name: "Reviewer Three" }, stanceHidden: false });
    expect(JSON.stringify(detail.body)).not.toMatch(/disputed|refutes|Reviewer One|Reviewer Two/);

    const view = await as(third.token).get(`/api/v1/articles/${detail.body.articleId}`);
    const inView = view.body.claims.find((c: any) => c.id === id);
    expect(inView).toMatchObject({ status: "open", verdictsHidden: true });

    // A 409 tells the current state the same way.
    const stale = await as(third.token).patch(`/api/v1/claims/${id}`, { version: 999, note: "x" });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject({ id, status: "open", verdictsHidden: true });

    // A claim that links to it shows it blind too.
    const body = (await as(third.token).get(`/api/v1/articles/${detail.body.articleId}`)).body.body as string;
    const other = await as(third.token).post(`/api/v1/articles/${detail.body.articleId}/claims`, { start: body.indexOf("3,100"), end: body.indexOf("3,100") + 5 });
    await as(third.token).post(`/api/v1/claims/${other.body.id}/links`, { otherClaimId: id, relation: "contradicts" });
    const linked = await as(third.token).get(`/api/v1/claims/${other.body.id}`);
    expect(linked.body.links[0].claim).toMatchObject({ id, status: "open", verdictsHidden: true });

    // Those who rated it, and editors, see all of it.
    for (const who of [desk.reviewer, desk.editor]) {
      const full = await as(who.token).get(`/api/v1/claims/${id}`);
      expect(full.body).toMatchObject({ status: "disputed", verdictsHidden: false, verdictCount: 2 });
      expect(full.body.sources.find((s: any) => s.url === "https://stats.example/homes")).toMatchObject({ stance: "refutes", createdBy: { name: "Reviewer One" } });
    }

    // Their own verdict lifts it.
    await as(third.token).put(`/api/v1/claims/${id}/verdicts/me`, { rating: 3, rationale: "mixed" });
    const after = await as(third.token).get(`/api/v1/claims/${id}`);
    expect(after.body).toMatchObject({ status: "disputed", verdictsHidden: false, verdictCount: 3 });
    expect(after.body.sources.find((s: any) => s.url === "https://stats.example/homes").stance).toBe("refutes");
  });

  it("the claim page and the workspace carry none of it in their HTML or RSC payload", async () => {
    const { desk, id, articleId, third } = await blindDesk();
    const blindCookie = await sessionFor(third.user.email);
    const fullCookie = await sessionFor(desk.editor.user.email);
    for (const path of [`/claims/${id}`, `/articles/${articleId}`]) {
      const blind = await getPage(path, blindCookie);
      expect(blind.status).toBe(200);
      expect(blind.html).toContain("4,200 homes were rebuilt");
      // As rendered (class names) and as data in the RSC payload (JSON, escaped or not).
      const leaks = /status-disputed|"status\\?":\\?"disputed|stance-refutes|"stance\\?":\\?"refutes|Reviewer One|Reviewer Two|"verdictCount\\?":2/;
      expect(blind.html).not.toMatch(leaks);
      const full = await getPage(path, fullCookie);
      expect(full.html).toMatch(leaks);
    }
    const claimPage = await getPage(`/claims/${id}`, blindCookie);
    expect(claimPage.html).toContain("My own notes");
    expect(claimPage.html).toContain("Housing statistics");
  });
});

describe("dates and page sizes the database cannot take are 400s naming the field", () => {
  const cursor = (s: string) => Buffer.from(s).toString("base64url");

  it("cursors with dates out of range", async () => {
    const desk = await makeDesk();
    for (const at of ["0000-01-01T00:00:00.000Z", "-271821-04-20T00:00:00.000Z", "+275760-09-13T00:00:00.000Z"]) {
      const r = await as(desk.reviewer.token).get(`/api/v1/projects/${desk.project.id}/articles?cursor=${cursor(`${at}|abc`)}`);
      expect(r.status, at).toBe(400);
      expect(r.body.error.fields).toHaveProperty("cursor");
    }
  });

  it("page sizes that are not plain digits", async () => {
    const desk = await makeDesk();
    for (const limit of ["0x10", "1e2", " 5", "+5", "5.0", "0"]) {
      for (const path of [`/api/v1/projects/${desk.project.id}/articles`, `/api/v1/projects/${desk.project.id}/disagreements`]) {
        const r = await as(desk.editor.token).get(`${path}?limit=${encodeURIComponent(limit)}`);
        expect(r.status, `${path} ${limit}`).toBe(400);
        expect(r.body.error.fields).toHaveProperty("limit");
      }
    }
    expect((await as(desk.editor.token).get(`/api/v1/projects/${desk.project.id}/articles?limit=16`)).status).toBe(200);
  });

  it("page sizes and waits of the event feed, search and notifications: digits only, as the other lists", async () => {
    const desk = await makeDesk();
    const p = desk.project.id;
    const places = [
      [`/api/v1/projects/${p}/events?limit=`, "limit"],
      [`/api/v1/projects/${p}/events?wait=`, "wait"],
      [`/api/v1/search?q=figures&limit=`, "limit"],
      [`/api/v1/me/notifications?limit=`, "limit"],
    ] as const;
    for (const bad of ["0x10", "1e1", " 5", "+5", "5.0", "-1"]) {
      for (const [path, field] of places) {
        const r = await as(desk.editor.token).get(path + encodeURIComponent(bad));
        expect(r.status, `${path}${bad}`).toBe(400);
        expect(r.body.error.fields, `${path}${bad}`).toHaveProperty(field);
      }
    }
    // Plain digits are still read as numbers, and absent ones take their defaults.
    for (const [path, field] of places) {
      if (field === "limit") expect((await as(desk.editor.token).get(`${path}16`)).status, `${path}16`).toBe(200);
    }
    expect((await as(desk.editor.token).get(`/api/v1/projects/${p}/events?wait=0&limit=1`)).status).toBe(200);
    expect((await as(desk.editor.token).get(`/api/v1/projects/${p}/events?limit=0`)).status).toBe(400);
    expect((await as(desk.editor.token).get(`/api/v1/search?q=figures`)).status).toBe(200);
  });

  it("publishedAt, readAt and export ranges out of range or not on the calendar, writing nothing", async () => {
    const { desk, id } = await deskWithClaim();
    const before = await fingerprint(scopeOf(desk));
    for (const publishedAt of ["0000-06-01", "2024-02-30", "2023-02-29", "+275760-09-13"]) {
      const r = await as(desk.reviewer.token).post(`/api/v1/projects/${desk.project.id}/articles`, { title: "t", body: `dated ${unique()}`, publishedAt });
      expect(r.status, publishedAt).toBe(400);
      expect(r.body.error.fields).toHaveProperty("publishedAt");
    }
    for (const readAt of ["0000-01-01T00:00:00Z", "2024-02-30T10:00:00Z", "2024-01-01T25:00:00Z"]) {
      const r = await as(desk.reviewer.token).post(`/api/v1/claims/${id}/sources`, { url: "https://x.example/", stance: "supports", readAt });
      expect(r.status, readAt).toBe(400);
      expect(r.body.error.fields).toHaveProperty("readAt");
    }
    expect(await fingerprint(scopeOf(desk))).toEqual(before);
    for (const format of ["csv", "jsonl", "claimreview", "webannotation"]) {
      for (const [field, value] of [["from", "0000-01-01"], ["to", "0000-01-01"], ["from", "2024-02-30"], ["to", "-271821-04-20"]]) {
        const r = await as(desk.editor.token).get(`/api/v1/projects/${desk.project.id}/export?format=${format}&${field}=${value}`);
        expect(r.status, `${format} ${field}=${value}`).toBe(400);
        expect(r.body.error.fields).toHaveProperty(field);
      }
    }
    // The same dates, valid, still work.
    expect((await as(desk.editor.token).get(`/api/v1/projects/${desk.project.id}/export?format=csv&from=2024-02-29&to=2099-12-31`)).status).toBe(200);
    const ok = await as(desk.reviewer.token).post(`/api/v1/claims/${id}/sources`, { url: "https://x.example/", stance: "supports", readAt: "2024-02-29T10:00:00+03:00" });
    expect(ok.status).toBe(201);
    expect(ok.body.readAt).toBe("2024-02-29T07:00:00.000Z");
  });
});

describe("JSON-LD and JSONL exports can sit inside a page", () => {
  it("write < > & as \\u escapes, and parse to the same text", async () => {
    const { desk, id } = await deskWithClaim();
    const note = "</script><script>alert(1)</script> & <b>more</b>";
    await as(desk.editor.token).post(`/api/v1/claims/${id}/adjudication`, { rating: 2, note });
    for (const format of ["claimreview", "webannotation", "jsonl"]) {
      const res = await fetch(`${base}/api/v1/projects/${desk.project.id}/export?format=${format}`, { headers: { Authorization: `Bearer ${desk.editor.token}` } });
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text, format).not.toMatch(/[<>&]/);
      expect(text).toContain("\\u003c/script\\u003e");
      const values = format === "jsonl" ? text.trim().split("\n").map((l) => JSON.parse(l)) : [JSON.parse(text)];
      expect(JSON.stringify(values)).toContain(JSON.stringify(note).slice(1, -1));
    }
  });
});
