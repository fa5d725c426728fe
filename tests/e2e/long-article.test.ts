import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hostileArticle } from "../../bench/lib/hostile-article";
import { base, launch, projectId, signedIn } from "./browser";

// Issue 12: the workspace shows a long article a page at a time and loads more as the reader
// goes on, by scrolling or by the keyboard.
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("a long article", () => {
  it("loads more as the reader scrolls, and j/k cross from one page to the next", async () => {
    const page = await signedIn(browser, "reviewer1@sanad.test");
    const article = hostileArticle({ maxBytes: 200_000, figureSentences: 300, plainLength: 60, seed: 11 });
    const created = await page.evaluate(
      async ([project, title, body]) => {
        const res = await fetch(`/api/v1/projects/${project}/articles`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ title, body }) });
        return { status: res.status, id: (await res.json()).id as string };
      },
      [projectId, article.title, article.body] as const,
    );
    expect(created.status).toBe(201);
    const total = await db.sentence.count({ where: { articleId: created.id } });

    await page.goto(`${base}/articles/${created.id}`);
    await page.waitForSelector("[data-sentence]");
    const rows = page.locator("#article-text [data-sentence]");
    const first = await rows.count();
    expect(first).toBeGreaterThan(10);
    expect(first).toBeLessThan(total);

    // j on the last sentence loaded brings the next page and moves on to its first sentence.
    await page.locator(`#sentence-${first - 1}`).focus();
    await page.keyboard.press("j");
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-sentence"))).toBe(String(first));
    const second = await rows.count();
    expect(second).toBeGreaterThan(first);
    await page.keyboard.press("k");
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-sentence"))).toBe(String(first - 1));

    // Scrolling to the end of what is loaded loads on, to the end of the article.
    for (let i = 0; i < 20 && (await rows.count()) < total; i++) {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await page.waitForTimeout(300);
    }
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(total);
    expect(await page.getByTestId("more-text").count()).toBe(0);
    const last = await db.sentence.findFirstOrThrow({ where: { articleId: created.id }, orderBy: { index: "desc" } });
    expect(await page.locator(`#sentence-${last.index} .text`).textContent()).toBe(article.body.slice(last.start, last.end));
    await page.context().close();
  });
});
