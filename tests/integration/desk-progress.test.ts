import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createArticle } from "@/lib/articles/create-article";
import { createClaim } from "@/lib/claims/create-claim";
import { putVerdict } from "@/lib/verdicts/put-verdict";
import { adjudicateClaim } from "@/lib/review/adjudicate-claim";
import { assignArticle } from "@/lib/review/assign-article";
import { listArticleProgress } from "@/lib/review/list-article-progress";
import { AppError } from "@/lib/errors";
import { makeDesk } from "../factories";

const BODY = "The city planted 12,000 trees last year. The mayor later said 15,000 trees. The budget was 3 million dollars.";
const codeOf = (p: Promise<unknown>) => p.then(() => "ok", (e) => (e instanceof AppError ? e.code : String(e)));

async function desk() {
  const d = await makeDesk();
  const [editor, r1, r2] = [d.editor.actor, d.reviewer.actor, d.reviewer2.actor];
  const article = (title: string, extra: { outlet?: string; publishedAt?: Date } = {}) =>
    createArticle({ actor: editor, projectId: d.project.id, input: { title, body: `${title}. ${BODY}`, ...extra } });
  // Four articles: one untouched; one in review (one claim, one verdict of two); one with a
  // disagreement; one done (its only claim verified).
  const untouched = await article("Untouched", { outlet: "Daily", publishedAt: new Date("2026-03-01") });
  const inReview = await article("In review", { outlet: "Weekly", publishedAt: new Date("2026-04-10") });
  const disputed = await article("Disputed", { outlet: "Daily" });
  const done = await article("Done", { outlet: "Weekly", publishedAt: new Date("2026-04-20") });
  const at = (id: string, text: string) => db.article.findUniqueOrThrow({ where: { id } }).then((a) => ({ start: a.body.indexOf(text), end: a.body.indexOf(text) + text.length }));
  const c1 = await createClaim({ actor: r1, articleId: inReview, input: await at(inReview, "12,000 trees") });
  await putVerdict({ actor: r1, claimId: c1.id, input: { rating: "5", rationale: "Matches the city's report." } });
  const c2 = await createClaim({ actor: r1, articleId: disputed, input: await at(disputed, "15,000 trees") });
  await putVerdict({ actor: r1, claimId: c2.id, input: { rating: "2", rationale: "The report says fewer." } });
  await putVerdict({ actor: r2, claimId: c2.id, input: { rating: "4", rationale: "Close to the report." } });
  // A third verdict does not make up for another claim's missing ones.
  await putVerdict({ actor: editor, claimId: c2.id, input: { rating: "2", rationale: "Fewer, by the report." } });
  const c3 = await createClaim({ actor: r2, articleId: done, input: await at(done, "3 million dollars") });
  await adjudicateClaim({ actor: editor, claimId: c3.id, rating: "5", note: "The budget papers agree." });
  await assignArticle({ actor: editor, articleId: inReview, reviewerIds: [r1.id] });
  await assignArticle({ actor: editor, articleId: disputed, reviewerIds: [r1.id, r2.id] });
  return { d, editor, r1, r2, ids: { untouched, inReview, disputed, done } };
}

describe("the project page's article progress", () => {
  it("gives each article its claims, verdicts given of needed, assignees and status, newest first", async () => {
    const { d, editor, r1, r2, ids } = await desk();
    const p = await listArticleProgress({ actor: editor, projectId: d.project.id });
    expect(p.items.map((a) => a.id)).toEqual([ids.done, ids.disputed, ids.inReview, ids.untouched]);
    const by = Object.fromEntries(p.items.map((a) => [a.id, a]));
    expect(by[ids.untouched]).toMatchObject({ status: "no_claims", claims: 0, verdictsGiven: 0, verdictsNeeded: 0, assignees: [] });
    expect(by[ids.inReview]).toMatchObject({ status: "in_review", claims: 1, verdictsGiven: 1, verdictsNeeded: 2, assignees: [{ id: r1.id, name: "Reviewer One" }] });
    expect(by[ids.disputed]).toMatchObject({ status: "disputed", claims: 1, verdictsGiven: 2, verdictsNeeded: 2 });
    expect(by[ids.disputed].assignees.map((a) => a.id).sort()).toEqual([r1.id, r2.id].sort());
    expect(by[ids.done]).toMatchObject({ status: "done", claims: 1, verified: 1 });
    expect(p.outlets).toEqual(["Daily", "Weekly"]);
    expect(p.mayAssign).toBe(true);
    expect(p.members.map((m) => m.id)).toEqual(expect.arrayContaining([editor.id, r1.id, r2.id]));
  });

  it("filters by status, assignee (or none), outlet and date, and they combine", async () => {
    const { d, editor, r1, r2, ids } = await desk();
    const list = async (filters: Record<string, string>) => (await listArticleProgress({ actor: editor, projectId: d.project.id, filters })).items.map((a) => a.id);
    expect(await list({ status: "disputed" })).toEqual([ids.disputed]);
    expect(await list({ status: "in_review" })).toEqual([ids.inReview]);
    expect(await list({ status: "done" })).toEqual([ids.done]);
    expect(await list({ status: "no_claims" })).toEqual([ids.untouched]);
    expect(await list({ assignee: r1.id })).toEqual([ids.disputed, ids.inReview]);
    expect(await list({ assignee: r2.id })).toEqual([ids.disputed]);
    expect(await list({ assignee: "none" })).toEqual([ids.done, ids.untouched]);
    expect(await list({ outlet: "Weekly" })).toEqual([ids.done, ids.inReview]);
    expect(await list({ outlet: "Weekly", assignee: r1.id })).toEqual([ids.inReview]);
    // The publication date, or the import date (today) when there is none; "to" takes its whole day.
    expect(await list({ from: "2026-04-01", to: "2026-04-20" })).toEqual([ids.done, ids.inReview]);
    expect(await list({ to: "2026-03-31" })).toEqual([ids.untouched]);
    const today = new Date().toISOString().slice(0, 10);
    expect(await list({ from: today, to: today })).toEqual([ids.disputed]);
    // Empty values are no filter (a form sends them).
    expect(await list({ status: "", assignee: "", outlet: "", from: "", to: "" })).toHaveLength(4);
  });

  it("refuses bad filters with invalid_input naming them, and outsiders get 404", async () => {
    const { d, editor } = await desk();
    const error = await listArticleProgress({ actor: editor, projectId: d.project.id, filters: { status: "finished", from: "2026-02-30" } }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("invalid_input");
    expect(Object.keys(error.details.fields).sort()).toEqual(["from", "status"]);
    expect(error.details.fieldReasons.status).toEqual({ reason: "invalid_choice" });
    expect(await codeOf(listArticleProgress({ actor: d.outsider.actor, projectId: d.project.id }))).toBe("not_found");
    expect(await codeOf(listArticleProgress({ actor: editor, projectId: d.project.id, filters: { cursor: "not-a-cursor" } }))).toBe("invalid_input");
  });

  it("hides verdict counts from reviewers (blindness) and lets only editors assign", async () => {
    const { d, r1, ids } = await desk();
    const p = await listArticleProgress({ actor: r1, projectId: d.project.id });
    expect(p.seesVerdicts).toBe(false);
    expect(p.mayAssign).toBe(false);
    expect(p.items.every((a) => a.verdictsGiven === null && a.verdictsNeeded === null)).toBe(true);
    expect(p.items.find((a) => a.id === ids.disputed)?.status).toBe("disputed");
  });

  it("pages with a cursor that keeps the filters", async () => {
    const { d, editor, ids } = await desk();
    const first = await listArticleProgress({ actor: editor, projectId: d.project.id, filters: { outlet: "Daily" }, limit: 1 });
    expect(first.items.map((a) => a.id)).toEqual([ids.disputed]);
    const second = await listArticleProgress({ actor: editor, projectId: d.project.id, filters: { outlet: "Daily", cursor: first.nextCursor! }, limit: 1 });
    expect(second.items.map((a) => a.id)).toEqual([ids.untouched]);
    expect(second.nextCursor).toBeNull();
  });
});
