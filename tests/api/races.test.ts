// Concurrent writers on one claim, through the running app: exactly one wins each version, the
// others get 409, and the final state is one writer's request, whole.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeDesk, makeToken, makeUser, addMember, unique } from "../factories";
import { as } from "./client";
import { Fixture } from "./route-matrix";

const N = 8;

async function deskWithClaim() {
  const desk = await makeDesk();
  const claim = await new Fixture(desk).claim();
  return { desk, claim };
}

/** Extra reviewers (or editors) of the desk's project, each with a token. */
async function members(projectId: string, role: "reviewer" | "editor", n: number) {
  return Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const { user } = await makeUser({ name: `${role} ${i}` });
      await addMember(projectId, user.id, role);
      return { user, token: await makeToken(user.id) };
    }),
  );
}

describe("races", () => {
  it(`PATCH: ${N} writers with the same version, for three versions in a row: one wins each, the rest 409, nothing torn`, async () => {
    const { desk, claim } = await deskWithClaim();
    const writers = await members(desk.project.id, "reviewer", N);
    const body = (await db.article.findUniqueOrThrow({ where: { id: claim.articleId } })).body;
    for (let version = 1; version <= 3; version++) {
      // Each writer changes note, kind and span together, so a mix of two would show.
      const requests = writers.map((_, i) => ({ version, note: `writer ${i} at v${version}`, kind: i % 2 ? "quote" : "statement", start: i, end: 12 + i }));
      const answers = await Promise.all(requests.map((r, i) => as(writers[i].token).patch(`/api/v1/claims/${claim.id}`, r)));
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses, JSON.stringify(answers.map((a) => a.body?.error?.message ?? a.status))).toEqual([200, ...Array(N - 1).fill(409)]);
      const winner = answers.findIndex((a) => a.status === 200);
      const sent = requests[winner];
      for (const lost of answers.filter((a) => a.status === 409)) {
        expect(lost.body.error.code).toBe("conflict");
        expect(lost.body.error.current.version).toBeGreaterThan(version);
      }
      const row = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
      expect({ version: row.version, note: row.note, kind: row.kind, start: row.start, end: row.end, text: row.text }).toEqual({
        version: version + 1,
        note: sent.note,
        kind: sent.kind,
        start: sent.start,
        end: sent.end,
        text: body.slice(sent.start, sent.end),
      });
      expect(answers[winner].body.version).toBe(version + 1);
    }
    const updates = await db.auditEvent.count({ where: { entity: "claim", entityId: claim.id, action: "update" } });
    expect(updates).toBe(3);
  });

  it(`first verdicts: one reviewer sending ${N} at once gets one verdict (201) and ${N - 1} × 409`, async () => {
    const { desk, claim } = await deskWithClaim();
    const ratings = [1, 2, 3, 4, 5, "unverifiable", 1, 2];
    const answers = await Promise.all(
      ratings.map((rating, i) => as(desk.reviewer.token).put(`/api/v1/claims/${claim.id}/verdicts/me`, { rating, rationale: `tab ${i}` })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, ...Array(N - 1).fill(409)]);
    const winner = answers.findIndex((a) => a.status === 201);
    const verdicts = await db.verdict.findMany({ where: { claimId: claim.id } });
    expect(verdicts).toHaveLength(1);
    expect(verdicts[0]).toMatchObject({ reviewerId: desk.reviewer.user.id, rating: String(ratings[winner]), rationale: `tab ${winner}`, version: 1 });
    expect(await db.auditEvent.count({ where: { entity: "verdict", entityId: verdicts[0].id } })).toBe(1);

    // Replacing it: the same race, on the verdict's version.
    const again = await Promise.all(
      ratings.map((rating, i) => as(desk.reviewer.token).put(`/api/v1/claims/${claim.id}/verdicts/me`, { rating, rationale: `edit ${i}`, version: 1 })),
    );
    expect(again.map((a) => a.status).sort()).toEqual([200, ...Array(N - 1).fill(409)]);
    const editWinner = again.findIndex((a) => a.status === 200);
    const [after] = await db.verdict.findMany({ where: { claimId: claim.id } });
    expect(after).toMatchObject({ rating: String(ratings[editWinner]), rationale: `edit ${editWinner}`, version: 2 });
  });

  it("different reviewers at once all get their verdict; the claim's status counts every one", async () => {
    const { desk, claim } = await deskWithClaim();
    const reviewers = await members(desk.project.id, "reviewer", N);
    const answers = await Promise.all(reviewers.map((r, i) => as(r.token).put(`/api/v1/claims/${claim.id}/verdicts/me`, { rating: i === 0 ? 1 : 5, rationale: "x" })));
    expect(answers.map((a) => a.status)).toEqual(Array(N).fill(201));
    expect(await db.verdict.count({ where: { claimId: claim.id } })).toBe(N);
    expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).status).toBe("disputed");
  });

  it("the database itself refuses a second verdict by one reviewer on one claim", async () => {
    const { desk, claim } = await deskWithClaim();
    await db.verdict.create({ data: { claimId: claim.id, reviewerId: desk.reviewer.user.id, rating: "3", rationale: "one" } });
    await expect(db.verdict.create({ data: { claimId: claim.id, reviewerId: desk.reviewer.user.id, rating: "4", rationale: "two" } })).rejects.toMatchObject({
      code: "P2002",
    });
    const indexes = await db.$queryRaw<{ indexdef: string }[]>`SELECT indexdef FROM pg_indexes WHERE tablename = 'verdicts' AND indexdef LIKE 'CREATE UNIQUE INDEX%'`;
    expect(indexes.map((i) => i.indexdef).some((d) => /\(claim_id, reviewer_id\)$/.test(d))).toBe(true);
  });

  it(`adjudications: ${N} editors at once, one decision, the rest 409 with the winner's`, async () => {
    const { desk, claim } = await deskWithClaim();
    const editors = await members(desk.project.id, "editor", N);
    const answers = await Promise.all(editors.map((e, i) => as(e.token).post(`/api/v1/claims/${claim.id}/adjudication`, { rating: (i % 5) + 1, note: `editor ${i}` })));
    expect(answers.map((a) => a.status).sort()).toEqual([201, ...Array(N - 1).fill(409)]);
    const winner = answers.findIndex((a) => a.status === 201);
    for (const lost of answers.filter((a) => a.status === 409)) expect(lost.body.error.current.adjudication.note).toBe(`editor ${winner}`);
    const adjudications = await db.adjudication.findMany({ where: { claimId: claim.id } });
    expect(adjudications).toHaveLength(1);
    expect(adjudications[0]).toMatchObject({ editorId: editors[winner].user.id, rating: String((winner % 5) + 1), note: `editor ${winner}`, supersededAt: null });
    const row = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(row.status).toBe("verified");
    expect(row.version).toBe(claim.version + 1);
  });

  it("the same article imported at once: one 201, the rest 409 with its id", async () => {
    const desk = await makeDesk();
    const body = `Seven million people were freed, the statement said. ${unique("ref")}`;
    const answers = await Promise.all(
      Array.from({ length: N }, (_, i) => as(i % 2 ? desk.reviewer.token : desk.reviewer2.token).post(`/api/v1/projects/${desk.project.id}/articles`, { title: `copy ${i}`, body })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, ...Array(N - 1).fill(409)]);
    const id = answers.find((a) => a.status === 201)!.body.id;
    for (const lost of answers.filter((a) => a.status === 409)) expect(lost.body.error.existingId).toBe(id);
    expect(await db.article.count({ where: { projectId: desk.project.id } })).toBe(1);
  });

  it("one suggestion accepted and dismissed at once: one outcome", async () => {
    const desk = await makeDesk();
    const id = await new Fixture(desk).suggestionId();
    const answers = await Promise.all(
      Array.from({ length: N }, (_, i) => as(i % 2 ? desk.reviewer.token : desk.reviewer2.token).post(`/api/v1/suggestions/${id}/${i % 3 ? "accept" : "dismiss"}`)),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, ...Array(N - 1).fill(409)]);
    const suggestion = await db.suggestion.findUniqueOrThrow({ where: { id } });
    const claims = await db.claim.count({ where: { suggestionId: id } });
    expect(claims).toBe(suggestion.state === "accepted" && suggestion.type === "claim" ? 1 : 0);
  });
});
