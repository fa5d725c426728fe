// Two reviewers on one article in two browser contexts: each sees the other's presence, a
// comment and a new claim of one appear live for the other, and what the other is typing stays.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { HARBOUR_TITLE } from "@/seeds/activity";
import { base, expectAccessible, launch, screenshot, signedIn } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function open(page: Page, id: string) {
  await page.goto(`${base}/articles/${id}`);
  await page.waitForSelector("[data-sentence]");
}

describe("the desk together, live", () => {
  it("two reviewers: presence, a comment with a mention and a new claim appear without a reload", async () => {
    const article = await db.article.findFirstOrThrow({ where: { title: HARBOUR_TITLE } });
    const rana = await signedIn(browser, "reviewer1@sanad.test");
    const sami = await signedIn(browser, "reviewer2@sanad.test");
    await open(rana, article.id);
    await open(sami, article.id);

    // Each sees the other's initials at the top of the workspace.
    await expect.poll(() => rana.getByTestId("presence-user").getAttribute("title"), { timeout: 15_000 }).toBe("Sami (reviewer)");
    await expect.poll(() => sami.getByTestId("presence-user").getAttribute("title"), { timeout: 15_000 }).toBe("Rana (reviewer)");

    // Both open the disputed claim; Sami starts typing a comment and leaves it unsent.
    for (const page of [rana, sami]) await page.getByTestId("claim-item").filter({ hasText: "4.2 million tonnes" }).first().click();
    const samiThread = sami.getByTestId("comments-claim");
    await expect.poll(() => samiThread.getByTestId("comment").count()).toBeGreaterThanOrEqual(2);
    const before = await samiThread.getByTestId("comment").count();
    await samiThread.getByTestId("comment-input").last().fill("Half-written thought");

    // Rana mentions Sami through the autocomplete and sends.
    const ranaThread = rana.getByTestId("comments-claim");
    const box = ranaThread.getByTestId("comment-input").last();
    await box.click();
    await box.pressSequentially("Look again, @Sa");
    await expect.poll(() => ranaThread.getByRole("option").first().textContent()).toContain("Sami (reviewer)");
    await box.press("Enter");
    await expect.poll(() => box.inputValue()).toBe("Look again, @Sami (reviewer) ");
    await box.pressSequentially("the table says 3.8");
    await ranaThread.getByRole("button", { name: "Send" }).last().click();

    // It reaches Sami live, his draft untouched, and his bell counts the mention.
    await expect.poll(() => samiThread.getByTestId("comment").count(), { timeout: 10_000 }).toBe(before + 1);
    await expect.poll(() => samiThread.textContent()).toContain("Look again, @Sami (reviewer) the table says 3.8");
    expect(await samiThread.getByTestId("comment-input").last().inputValue()).toBe("Half-written thought");
    await expect.poll(() => sami.getByTestId("bell-count").textContent(), { timeout: 10_000 }).toMatch(/[1-9]/);
    const comment = await db.comment.findFirstOrThrow({ where: { articleId: article.id, body: { contains: "the table says 3.8" } } });
    expect(comment.mentionIds).toHaveLength(1);

    // Rana flags a new claim; it appears in Sami's list without a reload.
    const claims = sami.getByTestId("claim-item");
    const count = await claims.count();
    const status = await rana.evaluate(async ({ id, body }) => {
      const start = body.indexOf("fell by a third");
      const res = await fetch(`/api/v1/articles/${id}/claims`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ start, end: start + "fell by a third".length }) });
      return res.status;
    }, { id: article.id, body: article.body });
    expect(status).toBe(201);
    await expect.poll(() => claims.count(), { timeout: 10_000 }).toBe(count + 1);
    await expect.poll(() => claims.filter({ hasText: "fell by a third" }).count()).toBe(1);
    expect(await samiThread.getByTestId("comment-input").last().inputValue()).toBe("Half-written thought");

    await screenshot(sami, "workspace-together");
    await expectAccessible(sami);

    // Rana leaves: Sami's presence list empties.
    await rana.context().close();
    await expect.poll(() => sami.getByTestId("presence-user").count(), { timeout: 35_000 }).toBe(0);

    // The notifications page lists the mention; marking all read clears the bell.
    await sami.goto(`${base}/notifications`);
    await expect.poll(() => sami.getByTestId("notification").first().textContent()).toContain("Rana (reviewer) mentioned you");
    await expectAccessible(sami);
    await sami.getByTestId("mark-all-read").click();
    await expect.poll(() => sami.getByTestId("bell-count").count()).toBe(0);
    await sami.context().close();
  });
});
