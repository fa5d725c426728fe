import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createArticle } from "@/lib/articles/create-article";
import { createClaim } from "@/lib/claims/create-claim";
import { putVerdict } from "@/lib/verdicts/put-verdict";
import { adjudicateClaim } from "@/lib/review/adjudicate-claim";
import { getDashboard } from "@/lib/dashboard/get-dashboard";
import { AppError } from "@/lib/errors";
import type { Rating } from "@/lib/validation/claim";
import { makeDesk } from "../factories";

const DAY = 86_400_000;
const BODY = "The city planted 12,000 trees last year. The mayor later said 15,000 trees. The budget was 3 million dollars.";

const span = (text: string) => {
  const start = BODY.indexOf(text);
  if (start < 0) throw new Error(`"${text}" is not in the body`);
  return { start, end: start + text.length };
};

async function desk() {
  const d = await makeDesk();
  return { project: d.project, editor: d.editor.actor, reviewer: d.reviewer.actor, reviewer2: d.reviewer2.actor, outsider: d.outsider.actor, admin: d.admin.actor };
}

/** Three claims: A disputed (2 vs 4), B agreed (5 and 5, still open), C disputed then adjudicated false. */
async function reviewedArticle(d: Awaited<ReturnType<typeof desk>>) {
  const articleId = await createArticle({ actor: d.reviewer, projectId: d.project.id, input: { title: "Trees", body: BODY } });
  const a = await createClaim({ actor: d.reviewer, articleId, input: span("12,000 trees") });
  const b = await createClaim({ actor: d.reviewer, articleId, input: span("15,000 trees") });
  const c = await createClaim({ actor: d.reviewer2, articleId, input: span("3 million dollars") });
  const rate = (actor: typeof d.reviewer, claimId: string, rating: Rating) => putVerdict({ actor, claimId, input: { rating, rationale: `rated ${rating}` } });
  await rate(d.reviewer, a.id, "2");
  await rate(d.reviewer2, a.id, "4");
  await rate(d.reviewer, b.id, "5");
  await rate(d.reviewer2, b.id, "5");
  await rate(d.reviewer, c.id, "1");
  await rate(d.reviewer2, c.id, "3");
  await adjudicateClaim({ actor: d.editor, claimId: c.id, rating: "1", note: "The budget papers say 1 million." });
  return { articleId, a, b, c };
}

describe("the project dashboard", () => {
  it("counts verdicts by rating, claims by status, and agreement overall and per pair", async () => {
    const d = await desk();
    await reviewedArticle(d);
    const dash = await getDashboard({ actor: d.editor, projectId: d.project.id });

    expect(dash.ratings.map((r) => r.rating)).toEqual(["1", "2", "3", "4", "5", "unverifiable"]);
    expect(Object.fromEntries(dash.ratings.map((r) => [r.rating, r.verdicts]))).toEqual({ "1": 1, "2": 1, "3": 1, "4": 1, "5": 2, unverifiable: 0 });
    expect(Object.fromEntries(dash.ratings.map((r) => [r.rating, r.final]))).toEqual({ "1": 1, "2": 0, "3": 0, "4": 0, "5": 0, unverifiable: 0 });
    expect(dash.claims).toEqual({ open: 1, disputed: 1, verified: 1, retracted: 0 });

    // Three items rated by the same two reviewers, agreeing on one.
    expect(dash.agreement.raters).toBe(2);
    expect(dash.agreement.items).toBe(3);
    expect(dash.agreement.percentAgreement).toBeCloseTo(1 / 3, 10);
    // Pairs (reviewer one, reviewer two): (2,4) (5,5) (1,3). po = 1/3; every category but 5 used once
    // by one side only, so pe = (1*1)/9 for "5" alone: kappa = (1/3 - 1/9) / (1 - 1/9) = 0.25.
    expect(dash.agreement.cohenKappa).toBeCloseTo(0.25, 10);
    expect(dash.agreement.krippendorffAlpha).not.toBeNull();
    expect(dash.pairs).toHaveLength(1);
    const [pair] = dash.pairs;
    expect([pair.a.name, pair.b.name].sort()).toEqual(["Reviewer One", "Reviewer Two"]);
    expect(pair.items).toBe(3);
    expect(pair.percentAgreement).toBeCloseTo(1 / 3, 10);
    expect(pair.cohenKappa).toBeCloseTo(0.25, 10);
  });

  it("replays the audit trail into the queue size at the end of each of the last 60 days", async () => {
    const d = await desk();
    const { b } = await reviewedArticle(d);
    const now = new Date();
    const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
    // B's past, told by the audit trail: disputed 10 days ago, adjudicated 8 days ago (that
    // decision since superseded), reopened into dispute 6 days ago, retracted 4 days ago and
    // restored (open) 3 days ago.
    const old = await db.adjudication.create({ data: { claimId: b.id, editorId: d.editor.id, rating: "3", note: "old", supersededAt: at(6) } });
    const event = (daysAgo: number, entity: string, entityId: string, action: string, status: string) =>
      db.auditEvent.create({ data: { projectId: d.project.id, actorId: d.editor.id, entity, entityId, action, before: {}, after: { status }, createdAt: at(daysAgo) } });
    await event(10, "claim", b.id, "status", "disputed");
    await event(8, "adjudication", old.id, "adjudicate", "verified");
    await event(6, "claim", b.id, "reopen", "disputed");
    await event(4, "claim", b.id, "retract", "retracted");
    await event(3, "claim", b.id, "restore", "open");
    // Another project's disputes do not count.
    await db.auditEvent.create({ data: { projectId: null, entity: "claim", entityId: b.id, action: "status", after: { status: "disputed" }, createdAt: at(2) } });

    const dash = await getDashboard({ actor: d.editor, projectId: d.project.id, now });
    expect(dash.queue).toHaveLength(60);
    expect(dash.queue.at(-1)!.date).toBe(now.toISOString().slice(0, 10));
    expect(dash.queue[0].date).toBe(at(59).toISOString().slice(0, 10));
    const byAge = (daysAgo: number) => dash.queue[59 - daysAgo].disputed;
    expect(byAge(59)).toBe(0);
    expect(byAge(11)).toBe(0);
    expect(byAge(10)).toBe(1);
    expect(byAge(9)).toBe(1);
    expect(byAge(8)).toBe(0);
    expect(byAge(7)).toBe(0);
    expect(byAge(6)).toBe(1);
    expect(byAge(5)).toBe(1);
    expect(byAge(4)).toBe(0);
    expect(byAge(3)).toBe(0);
    expect(byAge(1)).toBe(0);
    // Today: A is disputed; C was disputed and then verified; B is open.
    expect(byAge(0)).toBe(1);
    expect(byAge(0)).toBe(dash.claims.disputed);
  });

  it("counts claims rated per reviewer per week", async () => {
    const d = await desk();
    const { a } = await reviewedArticle(d);
    // One of reviewer one's verdicts was given a week ago.
    await db.verdict.update({ where: { claimId_reviewerId: { claimId: a.id, reviewerId: d.reviewer.id } }, data: { createdAt: new Date(Date.now() - 7 * DAY) } });
    const dash = await getDashboard({ actor: d.editor, projectId: d.project.id, weeks: 12 });
    expect(dash.weekly.weeks).toHaveLength(12);
    for (const w of dash.weekly.weeks) expect(new Date(`${w.week}T00:00:00Z`).getUTCDay()).toBe(1);
    expect(dash.weekly.reviewers.map((r) => r.name)).toEqual(["Reviewer One", "Reviewer Two"]);
    const thisWeek = dash.weekly.weeks.at(-1)!.byReviewer;
    const lastWeek = dash.weekly.weeks.at(-2)!.byReviewer;
    expect(thisWeek).toEqual({ [d.reviewer.id]: 2, [d.reviewer2.id]: 3 });
    expect(lastWeek).toEqual({ [d.reviewer.id]: 1 });
    expect(dash.weekly.weeks.slice(0, -2).every((w) => Object.keys(w.byReviewer).length === 0)).toBe(true);
  });

  it("is for editors: reviewers get 403, outsiders and non-member admins 404", async () => {
    const d = await desk();
    await reviewedArticle(d);
    const codeOf = (p: Promise<unknown>) => p.then(() => "ok", (e) => (e instanceof AppError ? e.code : String(e)));
    expect(await codeOf(getDashboard({ actor: d.editor, projectId: d.project.id }))).toBe("ok");
    expect(await codeOf(getDashboard({ actor: d.reviewer, projectId: d.project.id }))).toBe("forbidden");
    expect(await codeOf(getDashboard({ actor: d.outsider, projectId: d.project.id }))).toBe("not_found");
    expect(await codeOf(getDashboard({ actor: d.admin, projectId: d.project.id }))).toBe("not_found");
    expect(await codeOf(getDashboard({ actor: d.editor, projectId: "no-such-project" }))).toBe("not_found");
    expect(await codeOf(getDashboard({ actor: d.editor, projectId: "" }))).toBe("not_found");
  });

  it("answers an empty project with zeros and undefined agreement, not errors", async () => {
    const d = await desk();
    const dash = await getDashboard({ actor: d.editor, projectId: d.project.id });
    expect(dash.agreement).toEqual({ raters: 0, items: 0, percentAgreement: null, cohenKappa: null, krippendorffAlpha: null });
    expect(dash.pairs).toEqual([]);
    expect(dash.queue.every((q) => q.disputed === 0)).toBe(true);
    expect(dash.ratings.every((r) => r.verdicts === 0 && r.final === 0)).toBe(true);
    expect(dash.weekly.reviewers).toEqual([]);
  });
});
