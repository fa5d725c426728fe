// "Checked before" in the browser: a reviewer flags a figure that the desk verified last week in
// another article, in English; the side panel lists it with why, without a reload, and one click
// links the two as the same claim.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { createArticle } from "@/lib/articles/create-article";
import { createClaim } from "@/lib/claims/create-claim";
import { adjudicateClaim } from "@/lib/review/adjudicate-claim";
import { articleId, base, launch, projectId, signedIn } from "./browser";

// Our own sentence, in English, with the figure of the SY24 article.
const EARLIER = "A relief agency reported last week that 7.7 million people had been displaced by the fighting.";

async function actor(email: string): Promise<Actor> {
  const u = await db.user.findUniqueOrThrow({ where: { email } });
  return { id: u.id, email: u.email, name: u.name, isAdmin: u.isAdmin, via: "session" };
}

let browser: Browser;
let earlierId: string;
beforeAll(async () => {
  browser = await launch();
  const reviewer = await actor("reviewer1@sanad.test");
  const editor = await actor("editor@sanad.test");
  const earlierArticle = await createArticle({ actor: reviewer, projectId, input: { title: "Displacement figures", body: EARLIER, language: "en" } });
  const start = EARLIER.indexOf("7.7 million people");
  const earlier = await createClaim({ actor: reviewer, articleId: earlierArticle, input: { start, end: start + "7.7 million people".length } });
  await adjudicateClaim({ actor: editor, claimId: earlier.id, rating: "4", note: "The agency's own count." });
  earlierId = earlier.id;
});
afterAll(async () => {
  await browser?.close();
});

describe("checked before", () => {
  it("lists the earlier English claim for a flagged Arabic figure, and links it as the same", async () => {
    const page = await signedIn(browser, "reviewer1@sanad.test");
    await page.goto(`${base}/articles/${articleId}`);
    await page.waitForSelector("[data-sentence]");
    // Flag "7.7 مليون شخصا" by selecting it with the mouse, right to left.
    const segment = page.locator("#article-text span[data-start]", { hasText: "7.7 مليون" }).first();
    await segment.scrollIntoViewIfNeeded();
    await segment.evaluate((el) => {
      const text = el.textContent ?? "";
      const from = text.indexOf("7.7 مليون شخصا");
      const range = document.createRange();
      const node = el.firstChild!;
      range.setStart(node, from);
      range.setEnd(node, from + "7.7 مليون شخصا".length);
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      document.dispatchEvent(new Event("selectionchange"));
    });
    await page.getByRole("button", { name: /Flag claim/ }).first().click();
    const form = page.getByRole("form", { name: "Flag a claim" });
    await expect.poll(() => form.textContent()).toContain("7.7 مليون");
    await form.getByRole("button", { name: "Flag claim" }).click();

    const panel = page.getByTestId("claim-panel");
    const list = panel.getByTestId("checked-before");
    const match = list.getByTestId("match").filter({ hasText: "Displacement figures" });
    await expect.poll(() => match.count(), { timeout: 30_000 }).toBe(1);
    expect(await match.getByTestId("match-reason").first().textContent()).toContain("same figure: 7,700,000 people");
    expect(await match.textContent()).toContain("Mostly true");

    await match.getByTestId("link-same").click();
    await expect.poll(() => match.textContent()).toContain("Linked as same");
    const flagged = await db.claim.findFirstOrThrow({ where: { articleId, text: { contains: "7.7 مليون" } }, orderBy: { createdAt: "desc" } });
    const link = await db.claimLink.findFirst({
      where: { relation: "same_as", OR: [{ claimId: flagged.id, otherClaimId: earlierId }, { claimId: earlierId, otherClaimId: flagged.id }] },
    });
    expect(link).not.toBeNull();
    await page.context().close();
  });
});
