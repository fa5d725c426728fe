import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { articleId, base, expectAccessible, launch, password, projectId, screenshot, signedIn } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function openArticle(page: Page, id = articleId) {
  await page.goto(`${base}/articles/${id}`);
  await page.waitForSelector("[data-sentence]");
}

/** The browser selects `text` inside the article by dragging the mouse across it. */
async function dragSelect(page: Page, text: string) {
  const segment = page.locator("#article-text span[data-start]", { hasText: text }).first();
  await segment.scrollIntoViewIfNeeded();
  const box = (await segment.boundingBox())!;
  // Right-to-left text starts on the right: drag from its right edge to its left edge.
  await page.mouse.move(box.x + box.width - 1, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 1, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
}

describe("browser journeys", () => {
  it("signs in and out; a wrong password is told plainly", async () => {
    const context = await browser.newContext({ locale: "en-GB" });
    await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: base }]);
    const page = await context.newPage();
    await page.goto(`${base}/login`);
    await screenshot(page, "sign-in");
    await expectAccessible(page);
    await page.fill("#email", "reviewer1@sanad.test");
    await page.fill("#password", "not the password");
    await page.click("button[type=submit]");
    await expect.poll(() => page.locator("form [role=alert]").textContent()).toContain("Wrong email or password");
    await page.fill("#password", password);
    await page.click("button[type=submit]");
    await page.waitForURL(`${base}/`);
    // The interface follows the language of the profile (Arabic for the demo desk).
    expect(await page.locator("html").getAttribute("lang")).toBe("ar");
    await page.getByTestId("sign-out").click();
    await page.waitForURL(/\/login/);
    await page.goto(`${base}/projects/${projectId}`);
    await page.waitForURL(/\/login/);
    await context.close();
  });

  it("imports an article by the form, with field errors shown in place", async () => {
    const page = await signedIn(browser, "reviewer1@sanad.test");
    await page.goto(`${base}/projects/${projectId}/import`);
    await expectAccessible(page);
    await page.fill("#sourceUrl", "javascript:alert(1)");
    await page.getByRole("button", { name: "Import" }).click();
    await expect.poll(() => page.locator("#title-error").isVisible()).toBe(true);
    await expect.poll(() => page.locator("#sourceUrl-error").isVisible()).toBe(true);
    await page.fill("#title", "Flood figures");
    await page.fill("#body", "غمرت الفيضانات 2.4 مليون هكتار من الأراضي الزراعية. وقالت الوزارة لاحقا إن المساحة المتضررة بلغت 4.2 مليون هكتار؟");
    await page.fill("#sourceUrl", "https://example.org/flood");
    await page.getByRole("button", { name: "Import" }).click();
    await page.waitForURL(/\/articles\//);
    await page.waitForSelector("[data-sentence]");
    expect(await page.locator("[data-sentence]").count()).toBe(2);
    expect(await page.locator("#article-text").getAttribute("dir")).toBe("rtl");
    await page.context().close();
  });

  it("shows the 7 million / 7.7 million contradiction on the SY24 article and accepts it", async () => {
    const page = await signedIn(browser, "reviewer1@sanad.test");
    await openArticle(page);
    const suggestion = page.getByTestId("suggestion-contradiction").filter({ hasText: "7.7" }).first();
    await expect.poll(() => suggestion.textContent()).toMatch(/7 ملايين/);
    await suggestion.getByRole("button", { name: "Accept" }).click();
    await expect.poll(() => page.getByTestId("claim-panel").isVisible(), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => page.getByTestId("claim-panel").textContent()).toContain("Contradicts");
    const claims = await db.claim.findMany({ where: { articleId }, orderBy: { start: "asc" } });
    expect(claims.map((c) => c.quantityValue)).toEqual(expect.arrayContaining([7_000_000, 7_700_000]));
    await page.context().close();
  });

  it("flags a claim by selecting text with the mouse", async () => {
    const page = await signedIn(browser, "reviewer1@sanad.test");
    await openArticle(page);
    const before = await db.claim.count({ where: { articleId } });
    await dragSelect(page, "31 مليون دولار");
    await page.getByRole("button", { name: /Flag claim/ }).first().click();
    const form = page.getByRole("form", { name: "Flag a claim" });
    await expect.poll(() => form.textContent()).toContain("31 مليون دولار");
    await form.getByLabel("Note").fill("Check the USAID figure");
    await form.getByRole("button", { name: "Flag claim" }).click();
    await expect.poll(() => db.claim.count({ where: { articleId } })).toBe(before + 1);
    const claim = await db.claim.findFirstOrThrow({ where: { articleId, note: "Check the USAID figure" } });
    expect(claim.text).toContain("31 مليون دولار");
    const body = readFileSync("seeds/sy24-coalition.txt", "utf8");
    expect(body.slice(claim.start, claim.end)).toBe(claim.text);
    await screenshot(page, "workspace-sy24");
    await expectAccessible(page);
    await page.context().close();
  });

  it("flags a claim with the keyboard only", async () => {
    const page = await signedIn(browser, "reviewer1@sanad.test");
    await openArticle(page);
    const before = await db.claim.count({ where: { articleId } });
    await page.locator("#sentence-0").focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press("j");
    const focused = await page.evaluate(() => document.activeElement?.getAttribute("data-sentence"));
    expect(focused).toBe("5");
    await page.keyboard.press("f");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("flag-kind");
    await page.keyboard.press("Tab");
    await page.keyboard.type("whole sentence, by keyboard");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect.poll(() => db.claim.count({ where: { articleId } })).toBe(before + 1);
    const claim = await db.claim.findFirstOrThrow({ where: { articleId, note: "whole sentence, by keyboard" } });
    expect(claim.sentenceIndexes).toEqual([5]);
    await page.keyboard.press("?");
    await expect.poll(() => page.getByRole("dialog").textContent()).toContain("next sentence");
    await page.keyboard.press("Escape");
    await page.context().close();
  });

  it("attaches a source and gives a verdict; a second reviewer sees it only after giving theirs", async () => {
    const claim = await db.claim.findFirstOrThrow({ where: { articleId, quantityValue: 7_000_000, status: { not: "retracted" } } });
    const first = await signedIn(browser, "reviewer1@sanad.test");
    await openArticle(first);
    await first.getByTestId("claim-item").filter({ hasText: "7 ملايين" }).first().click();
    const panel = first.getByTestId("claim-panel");
    await panel.getByLabel("URL (http or https)").fill("https://example.org/cjtf-oir-statement");
    await panel.getByLabel("Quoted evidence").fill("we liberated 7.7 million people");
    await panel.getByLabel("Refutes").check();
    await panel.getByRole("button", { name: "Add source" }).click();
    await expect.poll(() => db.source.count({ where: { claimId: claim.id } })).toBe(1);
    await panel.getByLabel("Rating").selectOption("2");
    await panel.getByLabel("Rationale").fill("The spokesman's own words say 7.7 million.");
    await panel.getByRole("button", { name: "Save verdict" }).click();
    await expect.poll(() => db.verdict.count({ where: { claimId: claim.id } })).toBe(1);
    await first.context().close();

    const second = await signedIn(browser, "reviewer2@sanad.test");
    await openArticle(second);
    await second.getByTestId("claim-item").filter({ hasText: "7 ملايين" }).first().click();
    const blind = second.getByTestId("claim-panel");
    await expect.poll(() => blind.getByTestId("verdicts-hidden").isVisible()).toBe(true);
    expect(await blind.getByTestId("verdict").count()).toBe(0);
    await blind.getByLabel("Rating").selectOption("3");
    await blind.getByLabel("Rationale").fill("About 7 million is a fair rounding for a headline.");
    await blind.getByRole("button", { name: "Save verdict" }).click();
    await expect.poll(() => blind.getByTestId("verdict").count()).toBe(2);
    expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).status).toBe("disputed");
    await second.context().close();
  });

  it("keeps a half-written verdict through a reload", async () => {
    const page = await signedIn(browser, "reviewer2@sanad.test");
    await openArticle(page);
    await page.getByTestId("claim-item").filter({ hasText: "31 مليون" }).first().click();
    const panel = page.getByTestId("claim-panel");
    await panel.getByLabel("Rationale").fill("Draft that must survive a reload");
    await page.reload();
    await page.waitForSelector("[data-sentence]");
    await page.getByTestId("claim-item").filter({ hasText: "31 مليون" }).first().click();
    await expect.poll(() => page.getByTestId("claim-panel").getByLabel("Rationale").inputValue()).toBe("Draft that must survive a reload");
    await page.context().close();
  });

  it("the editor works through the queue: the disputed claim, side by side, adjudicated", async () => {
    const claim = await db.claim.findFirstOrThrow({ where: { articleId, quantityValue: 7_000_000, status: "disputed" } });
    const page = await signedIn(browser, "editor@sanad.test");
    await page.goto(`${base}/projects/${projectId}/queue`);
    const item = page.getByTestId("queue-item").filter({ hasText: "7 ملايين" }).first();
    await expect.poll(() => item.isVisible()).toBe(true);
    await expectAccessible(page);
    await screenshot(page, "review-queue");
    await item.getByRole("link").first().click();
    await page.waitForURL(new RegExp(`/claims/${claim.id}`));
    expect(await page.getByTestId("verdict").count()).toBe(2);
    expect(await page.getByTestId("linked-claim").textContent()).toContain("7.7");
    await page.selectOption("#adjudication-rating", "2");
    await page.fill("#adjudication-note", "Mostly false: the spokesman's own figure is 7.7 million.");
    await page.locator("[data-testid=adjudication-form] button[type=submit]").click();
    await page.waitForSelector("[data-testid=reopen]");
    const after = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(after.status).toBe("verified");
    // The reviewers' verdicts stay beside the editor's decision.
    expect(await db.verdict.count({ where: { claimId: claim.id } })).toBe(2);
    await page.goto(`${base}/projects/${projectId}/dashboard`);
    await page.waitForSelector("[data-testid=chart-ratings] svg.recharts-surface");
    await expectAccessible(page);
    await screenshot(page, "dashboard");
    await page.context().close();
  });

  it("downloads the verified claims from the project page", async () => {
    const page = await signedIn(browser, "editor@sanad.test");
    await page.goto(`${base}/projects/${projectId}`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-jsonl").click()]);
    const path = await download.path();
    const lines = readFileSync(path!, "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.length).toBeGreaterThanOrEqual(1);
    const adjudicated = lines.find((l) => l.quantity?.value === 7_000_000);
    expect(adjudicated).toMatchObject({ status: "verified", rating: 2, ratingLabel: "Mostly false" });
    expect(adjudicated.verdicts).toHaveLength(2);
    expect(download.suggestedFilename()).toMatch(/\.jsonl$/);
    await page.context().close();
  });

  it("switches the interface to Arabic and back, right to left", async () => {
    const page = await signedIn(browser, "reviewer1@sanad.test");
    await page.goto(`${base}/projects/${projectId}`);
    expect(await page.locator("html").getAttribute("dir")).toBe("ltr");
    await page.getByTestId("locale-switch").click();
    await expect.poll(() => page.locator("html").getAttribute("dir")).toBe("rtl");
    expect(await page.locator("html").getAttribute("lang")).toBe("ar");
    await expectAccessible(page);
    await openArticle(page);
    await expectAccessible(page);
    await screenshot(page, "workspace-sy24-ar");
    await page.getByTestId("locale-switch").click();
    await expect.poll(() => page.locator("html").getAttribute("dir")).toBe("ltr");
    // The choice is kept with the profile, not only in this browser.
    const user = await db.user.findUniqueOrThrow({ where: { email: "reviewer1@sanad.test" } });
    expect(user.locale).toBe("en");
    await page.context().close();
  });
});
