import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createArticle } from "@/lib/articles/create-article";
import { createClaim } from "@/lib/claims/create-claim";
import { putVerdict } from "@/lib/verdicts/put-verdict";
import { adjudicateClaim } from "@/lib/review/adjudicate-claim";
import { reopenClaim } from "@/lib/review/reopen-claim";
import { listDisagreements } from "@/lib/review/list-disagreements";
import { getAgreement } from "@/lib/review/get-agreement";
import { updateProjectSettings } from "@/lib/admin/update-project-settings";
import { loadDashboardPage } from "@/lib/dashboard/load-dashboard-page";
import { MIN_COMPARED_CLAIMS } from "@/lib/review/agreement-threshold";
import { projectSettingsSchema } from "@/lib/validation/admin";
import { AppError } from "@/lib/errors";
import type { Rating } from "@/lib/validation/claim";
import { makeDesk } from "../factories";

const BODY = "The city planted 12,000 trees last year. The mayor later said 15,000 trees. The budget was 3 million dollars.";
const span = (text: string) => ({ start: BODY.indexOf(text), end: BODY.indexOf(text) + text.length });

async function desk() {
  const d = await makeDesk();
  const [editor, r1, r2] = [d.editor.actor, d.reviewer.actor, d.reviewer2.actor];
  const articleId = await createArticle({ actor: editor, projectId: d.project.id, input: { title: "Trees", body: BODY } });
  const rated = async (text: string, a: Rating, b: Rating) => {
    const c = await createClaim({ actor: r1, articleId, input: span(text) });
    await putVerdict({ actor: r1, claimId: c.id, input: { rating: a, rationale: `rated ${a}` } });
    await putVerdict({ actor: r2, claimId: c.id, input: { rating: b, rationale: `rated ${b}` } });
    return c.id;
  };
  return { d, editor, r1, r2, articleId, rated };
}
const statusOf = async (id: string) => (await db.claim.findUniqueOrThrow({ where: { id } })).status;

describe("the project's disagreement rule", () => {
  it("any difference by default; across the divide, 4 vs 5 agree and 2 vs 4 disagree, in status, queue and agreement", async () => {
    const { d, editor, r1, r2, articleId, rated } = await desk();
    const degree = await rated("12,000 trees", "4", "5");
    const across = await rated("15,000 trees", "2", "4");
    expect(await statusOf(degree)).toBe("disputed");
    expect(await statusOf(across)).toBe("disputed");
    expect((await getAgreement({ actor: editor, projectId: d.project.id })).percentAgreement).toBe(0);

    const saved = await updateProjectSettings({ actor: editor, projectId: d.project.id, settings: { disagreementRule: "across_divide" } });
    expect(saved.disagreementRule).toBe("across_divide");
    // The open claims are sorted again at once, audited like a verdict's status change.
    expect(await statusOf(degree)).toBe("open");
    expect(await statusOf(across)).toBe("disputed");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entity: "claim", entityId: degree, action: "status" }, orderBy: { createdAt: "desc" } });
    expect(audit.after).toMatchObject({ status: "open", rule: "across_divide" });
    const queue = await listDisagreements({ actor: editor, projectId: d.project.id });
    expect(queue.items.map((c) => c.id)).toEqual([across]);
    const agreement = await getAgreement({ actor: editor, projectId: d.project.id });
    expect(agreement.rule).toBe("across_divide");
    expect(agreement.percentAgreement).toBe(0.5);

    // New verdicts follow the rule: 1 vs 2 is no disagreement; mixed (3) is its own category.
    const c = await createClaim({ actor: r1, articleId, input: span("3 million dollars") });
    await putVerdict({ actor: r1, claimId: c.id, input: { rating: "1", rationale: "No." } });
    await putVerdict({ actor: r2, claimId: c.id, input: { rating: "2", rationale: "Mostly no." } });
    expect(await statusOf(c.id)).toBe("open");
    await putVerdict({ actor: r2, claimId: c.id, input: { rating: "3", rationale: "Mixed.", version: 1 } });
    expect(await statusOf(c.id)).toBe("disputed");

    // Reopening a verified claim uses the rule too.
    await adjudicateClaim({ actor: editor, claimId: degree, rating: "5", note: "True." });
    await reopenClaim({ actor: editor, claimId: degree, reason: "Second look." });
    expect(await statusOf(degree)).toBe("open");

    // Back to "any": 4 vs 5 is a disagreement again.
    await updateProjectSettings({ actor: editor, projectId: d.project.id, settings: { disagreementRule: "any" } });
    expect(await statusOf(degree)).toBe("disputed");
    // Verified and retracted claims are people's decisions: never touched by the rule.
    await adjudicateClaim({ actor: editor, claimId: across, rating: "2", note: "Fewer." });
    await updateProjectSettings({ actor: editor, projectId: d.project.id, settings: { disagreementRule: "across_divide" } });
    expect(await statusOf(across)).toBe("verified");
  });

  it("is an editor's setting: reviewers 403, outsiders 404; the schema names a bad value", async () => {
    const { d, r1 } = await desk();
    const codeOf = (p: Promise<unknown>) => p.then(() => "ok", (e) => (e instanceof AppError ? e.code : String(e)));
    expect(await codeOf(updateProjectSettings({ actor: r1, projectId: d.project.id, settings: { disagreementRule: "across_divide" } }))).toBe("forbidden");
    expect(await codeOf(updateProjectSettings({ actor: d.outsider.actor, projectId: d.project.id, settings: { disagreementRule: "across_divide" } }))).toBe("not_found");
    expect((await db.project.findUniqueOrThrow({ where: { id: d.project.id } })).disagreementRule).toBe("any");
    const bad = projectSettingsSchema.safeParse({ disagreementRule: "sometimes" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].path).toEqual(["disagreementRule"]);
  });

  it("the dashboard page leaves agreement figures out below the threshold and shows n", async () => {
    const { d, editor, rated } = await desk();
    await rated("12,000 trees", "4", "4");
    const page = await loadDashboardPage({ actor: editor, projectId: d.project.id });
    if (page.forbidden) throw new Error("editor refused");
    expect(page.minimum).toBe(MIN_COMPARED_CLAIMS);
    expect(page.data.agreement).toMatchObject({ items: 1, enough: false, percentAgreement: null, cohenKappa: null, krippendorffAlpha: null });
    expect(page.data.pairs[0]).toMatchObject({ items: 1, enough: false, percentAgreement: null, cohenKappa: null });
    const reviewerPage = await loadDashboardPage({ actor: d.reviewer.actor, projectId: d.project.id });
    expect(reviewerPage.forbidden).toBe(true);
  });

  it("shows the figures from the threshold on", async () => {
    const { d, editor, r1, r2 } = await desk();
    // MIN_COMPARED_CLAIMS claims, each rated by both reviewers (the same body, one claim per article).
    for (let i = 0; i < MIN_COMPARED_CLAIMS; i++) {
      const articleId = await createArticle({ actor: editor, projectId: d.project.id, input: { title: `Trees ${i}`, body: `Number ${i}. ${BODY}` } });
      const a = await db.article.findUniqueOrThrow({ where: { id: articleId } });
      const start = a.body.indexOf("12,000 trees");
      const c = await createClaim({ actor: r1, articleId, input: { start, end: start + "12,000 trees".length } });
      await putVerdict({ actor: r1, claimId: c.id, input: { rating: i % 2 ? "5" : "1", rationale: "one" } });
      await putVerdict({ actor: r2, claimId: c.id, input: { rating: i % 3 ? "5" : "1", rationale: "two" } });
    }
    const page = await loadDashboardPage({ actor: editor, projectId: d.project.id });
    if (page.forbidden) throw new Error("editor refused");
    expect(page.data.agreement.enough).toBe(true);
    expect(page.data.agreement.items).toBe(MIN_COMPARED_CLAIMS);
    expect(page.data.agreement.percentAgreement).not.toBeNull();
    expect(page.data.pairs[0].cohenKappa).not.toBeNull();
  });
});
