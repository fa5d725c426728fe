import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { articleId, base, launch, projectId, signInOn } from "./browser";

// Issue 18: unsent drafts belong to the person who wrote them, not to the browser they wrote them in.
let browser: Browser;
let claimId: string;
let claimText: string;

beforeAll(async () => {
  browser = await launch();
  // A claim of its own on the demo article's last sentence, so this file needs no other journey.
  const sentence = await db.sentence.findFirstOrThrow({ where: { articleId, boilerplate: false }, orderBy: { index: "desc" } });
  const page = await browser.newPage();
  await signInOn(page, "editor@sanad.test");
  const created = await page.evaluate(
    async ([id, start, end]) => {
      const res = await fetch(`/api/v1/articles/${id}/claims`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ start, end, kind: "statement", note: "drafts journey" }) });
      return { status: res.status, body: await res.json() };
    },
    [articleId, sentence.start, sentence.end] as const,
  );
  expect(created.status).toBe(201);
  claimId = created.body.id;
  claimText = created.body.text.slice(0, 20);
  await page.context().close();
});
afterAll(async () => {
  await browser?.close();
});

async function openClaim(page: Page) {
  await page.goto(`${base}/articles/${articleId}`);
  await page.waitForSelector("[data-sentence]");
  await page.getByTestId("claim-item").filter({ hasText: claimText }).first().click();
  const panel = page.getByTestId("claim-panel");
  await expect.poll(() => panel.getByLabel("Rationale").isVisible()).toBe(true);
  return panel;
}

/** reviewer2 leaves a verdict, a source, a flag and an import half written. */
async function writeDrafts(page: Page, marker: string) {
  const panel = await openClaim(page);
  await panel.getByLabel("Rating").selectOption("4");
  await panel.getByLabel("Rationale").fill(`${marker}: my reasons, unsent`);
  await panel.getByLabel("URL (http or https)").fill(`https://example.org/${marker}`);
  await page.locator("#sentence-1").focus();
  await page.keyboard.press("f");
  await page.getByRole("form", { name: "Flag a claim" }).getByLabel("Note").fill(`${marker} flag note`);
  await page.goto(`${base}/projects/${projectId}/import`);
  await page.fill("#title", `${marker} import title`);
  // The drafts are in this browser (what the reload journey relies on) before anyone leaves.
  const kept = await page.evaluate(() => Object.keys(window.localStorage).filter((k) => k.startsWith("sanad:draft:")));
  expect(kept.length).toBeGreaterThanOrEqual(4);
}

async function expectNoDraftOf(page: Page, marker: string) {
  const panel = await openClaim(page);
  expect(await panel.getByLabel("Rating").inputValue()).toBe("");
  expect(await panel.getByLabel("Rationale").inputValue()).toBe("");
  expect(await panel.getByLabel("URL (http or https)").inputValue()).toBe("");
  expect(await page.getByRole("form", { name: "Flag a claim" }).count()).toBe(0);
  await page.goto(`${base}/projects/${projectId}/import`);
  await page.waitForSelector("#title");
  expect(await page.locator("#title").inputValue()).toBe("");
  const stored = await page.evaluate(() => Object.entries(window.localStorage).map(([k, v]) => `${k}=${v}`).join("\n"));
  expect(stored).not.toContain(marker);
}

describe("drafts are per person", () => {
  it("two reviewers one after the other on one browser: sign-out clears reviewer2's drafts and none reaches reviewer1", async () => {
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: "en-GB" });
    const page = await context.newPage();
    await signInOn(page, "reviewer2@sanad.test");
    await writeDrafts(page, "r2-signed-out");
    await page.getByTestId("sign-out").click();
    await page.waitForURL(/\/login/);
    expect(await page.evaluate(() => Object.keys(window.localStorage).filter((k) => k.startsWith("sanad:draft:")))).toEqual([]);
    await signInOn(page, "reviewer1@sanad.test");
    await expectNoDraftOf(page, "r2-signed-out");
    await context.close();
  });

  it("a session that ends without a sign-out leaves its drafts to no one else", async () => {
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: "en-GB" });
    const page = await context.newPage();
    await signInOn(page, "reviewer2@sanad.test");
    await writeDrafts(page, "r2-expired");
    // The session cookie goes (expiry, a cleared cookie jar); localStorage stays.
    await context.clearCookies();
    await signInOn(page, "reviewer1@sanad.test");
    await expectNoDraftOf(page, "r2-expired");
    // reviewer1's own draft still survives a reload, under reviewer1's name.
    const panel = await openClaim(page);
    await panel.getByLabel("Rationale").fill("r1 keeps this");
    await page.reload();
    await page.waitForSelector("[data-sentence]");
    await page.getByTestId("claim-item").filter({ hasText: claimText }).first().click();
    await expect.poll(() => page.getByTestId("claim-panel").getByLabel("Rationale").inputValue()).toBe("r1 keeps this");
    const reviewer1 = await db.user.findUniqueOrThrow({ where: { email: "reviewer1@sanad.test" } });
    const keys = await page.evaluate(() => Object.keys(window.localStorage).filter((k) => k.startsWith("sanad:draft:")));
    expect(keys).toContain(`sanad:draft:${reviewer1.id}:verdict:${claimId}`);
    expect(keys.every((k) => k.startsWith(`sanad:draft:${reviewer1.id}:`))).toBe(true);
    await context.close();
  });
});
