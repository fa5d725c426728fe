import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articleId, base, expectAccessible, launch, projectId, screenshot, signedIn } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function openLedger(page: Page, id: string, title: RegExp) {
  await page.goto(`${base}/articles/${id}`);
  await page.waitForSelector("[data-sentence]");
  await page.getByRole("button", { name: title }).click();
  await page.getByTestId("ledger-group").first().waitFor();
}

/** Is the element inside the window's visible height? */
const inView = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const box = document.querySelector(sel)?.getBoundingClientRect();
    return !!box && box.top >= 0 && box.bottom <= window.innerHeight;
  }, selector);

describe("the figure ledger in the workspace", () => {
  it("lists the SY24 article's people freed with the 7 million / 7.7 million conflict phrased in Arabic, and jumps to a figure", async () => {
    const page = await signedIn(browser, "reviewer1@sanad.test", "ar");
    await openLedger(page, articleId, /سجل الأرقام/);
    const freed = page.getByTestId("ledger-group").filter({ has: page.getByTestId("ledger-conflict") }).first();
    expect(await freed.getAttribute("data-measure")).toBe("freed");
    expect(await freed.getByTestId("ledger-figure").allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining("7 ملايين شخص")]));
    const conflict = freed.getByTestId("ledger-conflict").first();
    expect(await conflict.textContent()).toContain("المحررون: نص المقال: 7 ملايين شخص؛ كاكينز: 7.7 مليون شخصا");
    // The figures and the source are isolated from the Arabic around them.
    expect(await conflict.locator("bdi").allTextContents()).toEqual(expect.arrayContaining(["7 ملايين شخص", "كاكينز", "7.7 مليون شخصا"]));
    // 7.7 million is in the 2014 group; it conflicts with the title's 7 million.
    const sevenPointSeven = page.getByTestId("ledger-figure").filter({ has: page.getByRole("button", { name: /انتقل إلى 7\.7 مليون شخصا/ }) }).first();
    expect(await sevenPointSeven.textContent()).toContain("تعارض");
    expect(await sevenPointSeven.textContent()).toContain("كاكينز");
    await page.evaluate(() => window.scrollTo(0, 0));
    await sevenPointSeven.getByRole("button").click();
    await expect.poll(() => page.locator(".jumped").textContent()).toContain("7.7");
    await expect.poll(() => inView(page, ".jumped")).toBe(true);
    const jumpedSentence = await page.locator(".jumped").evaluate((e) => e.closest("[data-sentence]")!.getAttribute("data-sentence"));
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-sentence"))).toBe(jumpedSentence);
    await screenshot(page, "figure-ledger-ar");
    await expectAccessible(page);
    // The contradiction suggestion's reason is phrased the same way in the suggestions list (a
    // fresh copy of the article: other journeys accept the demo article's contradiction).
    const copy = await page.evaluate(
      async ([project, title, text]) => {
        const res = await fetch(`/api/v1/projects/${project}/articles`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ title, body: text }) });
        return { status: res.status, id: (await res.json()).id as string };
      },
      [projectId, `SY24 ${Date.now()}`, `${readFileSync("seeds/sy24-coalition.txt", "utf8")}\nنسخة ${Date.now()}`] as const,
    );
    expect(copy.status).toBe(201);
    await page.goto(`${base}/articles/${copy.id}`);
    const reason = page.getByTestId("suggestion-contradiction").getByTestId("discrepancy-reason").first();
    await expect.poll(() => reason.textContent()).toBe("المحررون: نص المقال: 7 ملايين شخص؛ كاكينز: 7.7 مليون شخصا");
    await page.context().close();
  });

  it("imports an English article and shows its conflict and update in English; accepting the conflict makes two claims", async () => {
    const page = await signedIn(browser, "reviewer1@sanad.test", "en");
    await page.goto(`${base}/projects/${projectId}/import`);
    await page.fill("#title", `Valley floods ${Date.now()}`);
    await page.fill("#body", [
      "At least 30 people were killed in the floods in the river valley, the civil defence said on Monday.",
      "The mayor told Reuters that 12 people were killed in the floods.",
      "The regional governor had earlier put the number of injured at 20.",
      "The number of injured later rose to 27, the governor said.",
    ].join(" "));
    await page.getByRole("button", { name: "Import" }).click();
    await page.waitForURL(/\/articles\//);
    const id = page.url().split("/articles/")[1]!.split(/[?#]/)[0]!;
    await openLedger(page, id, /Figure ledger/);
    const conflict = page.getByTestId("ledger-conflict").first();
    expect(await conflict.textContent()).toContain("deaths: civil defence: at least 30 people; mayor: 12 people");
    await expect.poll(() => page.getByTestId("ledger-update").first().textContent()).toContain("injuries: earlier 20, now 27");
    await expect.poll(() => page.getByTestId("discrepancy-reason").first().textContent()).toBe("deaths: civil defence: at least 30 people; mayor: 12 people");
    await conflict.getByRole("button", { name: "Accept the conflict" }).click();
    await expect.poll(() => conflict.textContent()).toContain("accepted");
    await expect.poll(() => page.getByTestId("claim-item").count()).toBe(2);
    await page.context().close();
  });

  it("jumps to a figure past the pages loaded so far, loading the article up to it", async () => {
    const page = await signedIn(browser, "reviewer1@sanad.test", "en");
    const words = ["bridge", "market", "school", "clinic", "harbour", "library", "station", "garden"];
    const filler = Array.from({ length: 1_200 }, (_, i) => `The council talked about the ${words[i % 8]} plan and the ${words[(i * 3 + 1) % 8]} works once more.`);
    const body = [...filler, "The regional governor had earlier put the number of injured at 20.", "The number of injured later rose to 27, the governor said."].join(" ");
    const created = await page.evaluate(
      async ([project, title, text]) => {
        const res = await fetch(`/api/v1/projects/${project}/articles`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ title, body: text }) });
        return { status: res.status, id: (await res.json()).id as string };
      },
      [projectId, `Long council report ${Date.now()}`, body] as const,
    );
    expect(created.status).toBe(201);
    await openLedger(page, created.id, /Figure ledger/);
    const rows = page.locator("#article-text [data-sentence]");
    const before = await rows.count();
    expect(before).toBeLessThan(1_202);
    await page.getByTestId("ledger-figure").filter({ has: page.getByRole("button", { name: /Go to 27 in sentence 1202/ }) }).getByRole("button").click();
    await expect.poll(() => page.locator(".jumped").textContent(), { timeout: 30_000 }).toBe("27");
    expect(await rows.count()).toBeGreaterThan(before);
    await expect.poll(() => inView(page, ".jumped")).toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-sentence"))).toBe("1201");
    await page.context().close();
  });
});
