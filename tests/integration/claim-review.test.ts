// The claim page's loader (lib/review/get-claim-review.ts): the sentences a claim and its linked
// claims sit in, the titles of their articles, and who decides; a 404 for whoever may not see it.
import { describe, expect, it } from "vitest";
import { unsafeCreateArticle } from "@/lib/articles/create-article";
import { createClaim } from "@/lib/claims/create-claim";
import { linkClaims } from "@/lib/claims/link-claims";
import { AppError } from "@/lib/errors";
import { toPlain } from "@/lib/pages/plain";
import { getClaimReview } from "@/lib/review/get-claim-review";
import { makeDesk } from "../factories";

const FIRST = "The council met on Monday. It said 40 schools reopened this week. Parents were relieved.";
const SECOND = "A later report put the number of reopened schools at 35. The ministry did not comment.";

describe("the claim review loader", () => {
  it("quotes the claim and its linked claim in their sentences, naming the other article", async () => {
    const desk = await makeDesk();
    const projectId = desk.project.id;
    const a = await unsafeCreateArticle({ projectId, createdById: desk.editor.actor.id, input: { title: "Schools reopen", body: FIRST } });
    const b = await unsafeCreateArticle({ projectId, createdById: desk.editor.actor.id, input: { title: "A later count", body: SECOND } });
    const span = (body: string, text: string) => ({ start: body.indexOf(text), end: body.indexOf(text) + text.length });
    const claim = await createClaim({ actor: desk.reviewer.actor, articleId: a, input: span(FIRST, "40 schools") });
    const other = await createClaim({ actor: desk.reviewer.actor, articleId: b, input: span(SECOND, "35") });
    await linkClaims({ actor: desk.reviewer.actor, claimId: claim.id, otherClaimId: other.id, relation: "contradicts" });

    const page = await getClaimReview({ actor: desk.reviewer.actor, claimId: claim.id });
    expect(page.article).toEqual({ id: a, title: "Schools reopen", direction: "ltr" });
    expect(page.quote).toEqual({ context: { before: "It said ", text: "40 schools", after: " reopened this week.", whole: true }, dir: "ltr" });
    expect(page.links).toHaveLength(1);
    expect(page.links[0].fromArticle).toBe("A later count");
    expect(page.links[0].quote.context).toEqual({ before: "A later report put the number of reopened schools at ", text: "35", after: ".", whole: true });
    expect(page.editor).toBe(false);
    expect((await getClaimReview({ actor: desk.editor.actor, claimId: claim.id })).editor).toBe(true);

    // Seen from the other side, the link points back, and the article is not "another" one to itself.
    const back = await getClaimReview({ actor: desk.reviewer.actor, claimId: other.id });
    expect(back.links[0].fromArticle).toBe("Schools reopen");
    expect(back.links[0].claim.id).toBe(claim.id);
  });

  it("answers not_found to someone outside the project", async () => {
    const desk = await makeDesk();
    const a = await unsafeCreateArticle({ projectId: desk.project.id, createdById: desk.editor.actor.id, input: { title: "t", body: FIRST } });
    const claim = await createClaim({ actor: desk.reviewer.actor, articleId: a, input: { start: 0, end: 11 } });
    const refused = await getClaimReview({ actor: desk.outsider.actor, claimId: claim.id }).catch((e) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused.code).toBe("not_found");
  });
});

describe("toPlain", () => {
  it("writes dates as the API does and leaves the rest alone", () => {
    const at = new Date("2026-11-27T08:00:00.000Z");
    const value = { at, list: [{ at, n: 1 }], none: null, text: "نص", nested: { flag: true } };
    expect(toPlain(value)).toEqual(JSON.parse(JSON.stringify(value)));
    expect(toPlain(value).list[0].at).toBe("2026-11-27T08:00:00.000Z");
  });
});
