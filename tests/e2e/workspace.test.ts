import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { articleId, base, expectAccessible, launch, screenshot, signedIn } from "./browser";

// Issue 18: the reviewer's workspace around the claim at hand, the keyboard on any layout, phones.
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function openArticle(page: Page, query = "") {
  await page.goto(`${base}/articles/${articleId}${query}`);
  await page.waitForSelector("[data-sentence]");
}

/** A claim of the test's own on a whole sentence, through the API as the signed-in person. */
async function claimOn(page: Page, sentenceIndex: number, note: string) {
  const s = await db.sentence.findFirstOrThrow({ where: { articleId, index: sentenceIndex } });
  const created = await page.evaluate(
    async ([id, start, end, n]) => {
      const res = await fetch(`/api/v1/articles/${id}/claims`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ start, end, kind: "statement", note: n }) });
      return { status: res.status, body: await res.json() };
    },
    [articleId, s.start, s.end, note] as const,
  );
  expect(created.status).toBe(201);
  return created.body as { id: string; text: string; version: number };
}

/** A key pressed as an Arabic keyboard sends it: the physical key's `code`, an Arabic `key`. */
async function arabicKey(page: Page, code: string, key: string, shiftKey = false) {
  await page.evaluate(([c, k, s]) => {
    const target = document.activeElement ?? document.body;
    target.dispatchEvent(new KeyboardEvent("keydown", { code: c, key: k, shiftKey: s, bubbles: true, cancelable: true }));
  }, [code, key, shiftKey] as const);
}

const activeSentence = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute("data-sentence") ?? null);

/** A pending figure suggestion in a sentence well down the article (so the page must be scrolled to it). */
async function figureSuggestionDown(which: "first" | "last" = "first") {
  const sentences = await db.sentence.count({ where: { articleId } });
  const pending = await db.suggestion.findMany({ where: { articleId, type: "claim", state: "pending" }, orderBy: { start: "asc" } });
  const rows = await db.sentence.findMany({ where: { articleId }, orderBy: { index: "asc" } });
  const sentenceOf = (offset: number) => rows.find((s) => s.start <= offset && s.end > offset)!;
  const down = pending.filter((s) => sentenceOf(s.start).index >= Math.min(8, sentences - 1));
  expect(down.length).toBeGreaterThan(1);
  const pick = which === "first" ? down[0] : down.at(-1)!;
  return { suggestion: pick, sentence: sentenceOf(pick.start) };
}

describe("the reviewer's workspace", () => {
  it("accepting a figure opens its claim at the top of the side column; the article stays where the reader was", async () => {
    for (const locale of ["en", "ar"] as const) {
      const page = await signedIn(browser, "reviewer1@sanad.test", locale);
      await openArticle(page);
      const { suggestion, sentence } = await figureSuggestionDown("last");
      await page.locator(`#sentence-${sentence.index}`).evaluate((e) => e.scrollIntoView({ block: "center" }));
      const before = await page.evaluate(() => window.scrollY);
      expect(before).toBeGreaterThan(100);

      // Figures wait, closed, under the conflicts.
      const group = page.getByTestId("figure-suggestions");
      expect(await group.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
      await group.locator("summary").click();
      const card = page.locator(`[data-suggestion="${suggestion.id}"]`);
      expect(await card.textContent()).toContain(locale === "en" ? `Sentence ${sentence.index + 1}` : `الجملة`);
      await card.getByRole("button", { name: locale === "en" ? "Accept" : "قبول" }).click();

      const panel = page.getByTestId("claim-panel");
      await expect.poll(() => panel.isVisible(), { timeout: 20_000 }).toBe(true);
      await expect.poll(() => db.suggestion.findUniqueOrThrow({ where: { id: suggestion.id } }).then((s) => s.state)).toBe("accepted");
      // Where the eye is: inside the window, above the suggestions.
      const box = (await panel.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeLessThan(300);
      const suggestionsBox = (await page.locator("#suggestions-title").boundingBox())!;
      expect(box.y).toBeLessThan(suggestionsBox.y);
      // And the article did not move.
      await new Promise((r) => setTimeout(r, 500));
      expect(Math.abs((await page.evaluate(() => window.scrollY)) - before)).toBeLessThan(4);
      await expectAccessible(page);
      if (locale === "ar") await screenshot(page, "workspace-claim-at-hand-ar");
      await page.context().close();
    }
  });

  it("conflicts come first; a dismissed figure is listed and its dismissal undone", async () => {
    const page = await signedIn(browser, "reviewer2@sanad.test", "ar");
    await openArticle(page);
    const section = page.locator("section[aria-labelledby=suggestions-title]");
    const conflicts = await db.suggestion.count({ where: { articleId, type: "contradiction", state: "pending" } });
    if (conflicts > 0) {
      // The first suggestion shown is a conflict, before the figures' group.
      const first = section.locator("li.suggestion").first();
      expect(await first.getAttribute("data-testid")).toBe("suggestion-contradiction");
    }
    const { suggestion } = await figureSuggestionDown();
    await page.getByTestId("figure-suggestions").locator("summary").click();
    const card = page.locator(`[data-suggestion="${suggestion.id}"]`);
    await card.getByRole("button", { name: "رفض" }).click();
    await expect.poll(() => db.suggestion.findUniqueOrThrow({ where: { id: suggestion.id } }).then((s) => s.state)).toBe("dismissed");
    const dismissed = page.getByTestId("dismissed-suggestions");
    await dismissed.locator("summary").click();
    const row = dismissed.locator(`[data-suggestion="${suggestion.id}"]`);
    await expect.poll(() => row.isVisible()).toBe(true);
    await row.getByRole("button").click();
    await expect.poll(() => db.suggestion.findUniqueOrThrow({ where: { id: suggestion.id } }).then((s) => s.state)).toBe("pending");
    await expect.poll(() => page.getByTestId("figure-suggestions").locator(`[data-suggestion="${suggestion.id}"]`).count()).toBe(1);
    await expectAccessible(page);
    await page.context().close();
  });

  it("a and d act on the focused sentence's own suggestion, not on a conflict passing over it", async () => {
    const page = await signedIn(browser, "reviewer1@sanad.test");
    await openArticle(page);
    const rows = await db.sentence.findMany({ where: { articleId }, orderBy: { index: "asc" } });
    const pending = await db.suggestion.findMany({ where: { articleId, state: "pending" }, orderBy: { start: "asc" } });
    const within = (s: { start: number; end: number }, r: { start: number; end: number }) => s.start >= r.start && s.end <= r.end;
    // Prefer a sentence that a pending conflict spans into without lying in it.
    const candidates = rows.filter((r) => pending.some((s) => s.type === "claim" && within(s, r)));
    const crossed = candidates.find((r) => pending.some((s) => s.type === "contradiction" && s.start < r.end && s.end > r.start && !within(s, r)));
    const sentence = crossed ?? candidates.at(-1)!;
    const own = pending.find((s) => s.type === "claim" && within(s, sentence))!;
    const others = pending.filter((s) => s.id !== own.id).map((s) => s.id);
    await page.locator(`#sentence-${sentence.index}`).focus();
    await page.keyboard.press("d");
    await expect.poll(() => db.suggestion.findUniqueOrThrow({ where: { id: own.id } }).then((s) => s.state)).toBe("dismissed");
    expect(await db.suggestion.count({ where: { id: { in: others }, state: { not: "pending" } } })).toBe(0);
    // Undo (u) brings it back, once the page has taken in the answer.
    await expect.poll(() => page.getByRole("button", { name: "Undo (u)" }).isEnabled()).toBe(true);
    await page.keyboard.press("u");
    await expect.poll(() => db.suggestion.findUniqueOrThrow({ where: { id: own.id } }).then((s) => s.state)).toBe("pending");
    // And a accepts that same suggestion: a claim on its figure, the others untouched.
    await expect.poll(() => page.getByTestId("figure-suggestions").locator(`[data-suggestion="${own.id}"]`).count()).toBe(1);
    await expect.poll(() => activeSentence(page)).toBe(String(sentence.index));
    await page.keyboard.press("a");
    await expect.poll(() => db.suggestion.findUniqueOrThrow({ where: { id: own.id } }).then((s) => s.state)).toBe("accepted");
    expect(await db.claim.count({ where: { suggestionId: own.id } })).toBe(1);
    expect(await db.suggestion.count({ where: { id: { in: others }, state: { not: "pending" } } })).toBe(0);
    await page.context().close();
  });

  it("the selected claim stays selected across a reload and a language switch", async () => {
    const page = await signedIn(browser, "reviewer1@sanad.test");
    await openArticle(page);
    const claim = await claimOn(page, 3, "kept in the address");
    await page.reload();
    await page.waitForSelector("[data-sentence]");
    await page.getByTestId("claim-item").filter({ hasText: claim.text.slice(0, 24) }).first().click();
    await expect.poll(() => page.url()).toContain(`claim=${claim.id}`);
    const panel = page.getByTestId("claim-panel");
    await page.reload();
    await page.waitForSelector("[data-sentence]");
    await expect.poll(() => panel.getAttribute("data-claim")).toBe(claim.id);
    await page.getByTestId("locale-switch").click();
    await expect.poll(() => page.locator("html").getAttribute("dir")).toBe("rtl");
    await page.waitForSelector("[data-sentence]");
    await expect.poll(() => panel.getAttribute("data-claim")).toBe(claim.id);
    expect(page.url()).toContain(`claim=${claim.id}`);
    // Closing the panel takes it out of the address.
    await panel.getByRole("button", { name: "أغلق الادعاء" }).click();
    await expect.poll(() => page.url()).not.toContain("claim=");
    // (The profile is left in Arabic, as the demo desk has it.)
    await page.context().close();
  });

  it("a selection snaps to whole words; a figure claim's span is edited by keyboard and widened to its sentence", async () => {
    const page = await signedIn(browser, "reviewer2@sanad.test");
    await openArticle(page);
    // A selection from the middle of one word to the middle of another.
    const { sentence } = await figureSuggestionDown();
    const body = (await db.article.findUniqueOrThrow({ where: { id: articleId } })).body;
    const words = [...body.slice(sentence.start, sentence.end).matchAll(/[\p{L}\p{N}]{4,}/gu)];
    expect(words.length).toBeGreaterThan(2);
    const from = sentence.start + words[0].index! + 2;
    const to = sentence.start + words[1].index! + 2;
    await page.locator(`#sentence-${sentence.index}`).scrollIntoViewIfNeeded();
    await page.evaluate(([a, b]) => {
      const find = (offset: number) => {
        const spans = [...document.querySelectorAll<HTMLElement>("#article-text span[data-start]")];
        const span = spans.filter((s) => Number(s.dataset.start) <= offset).at(-1)!;
        return { node: span.firstChild!, offset: offset - Number(span.dataset.start) };
      };
      const start = find(a);
      const end = find(b);
      const range = document.createRange();
      range.setStart(start.node, start.offset);
      range.setEnd(end.node, end.offset);
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
    }, [from, to] as const);
    await page.getByRole("button", { name: /Flag claim/ }).first().click();
    const form = page.getByRole("form", { name: "Flag a claim" });
    const whole = body.slice(sentence.start + words[0].index!, sentence.start + words[1].index! + words[1][0].length);
    await expect.poll(() => form.locator("blockquote").textContent()).toBe(whole);
    await form.getByRole("button", { name: "Cancel" }).click();

    // A figure claim, from its suggestion: one word more by Shift+arrow, then its whole sentence.
    const { suggestion } = await figureSuggestionDown();
    await page.getByTestId("figure-suggestions").locator("summary").click();
    await page.locator(`[data-suggestion="${suggestion.id}"]`).getByRole("button", { name: "Accept" }).click();
    await expect.poll(() => db.claim.count({ where: { suggestionId: suggestion.id } })).toBe(1);
    const claim = await db.claim.findFirstOrThrow({ where: { suggestionId: suggestion.id } });
    const panel = page.getByTestId("claim-panel");
    await expect.poll(() => panel.getAttribute("data-claim")).toBe(claim.id);
    await panel.locator(".span-details summary").click();
    const editor = panel.getByTestId("span-editor");
    await editor.focus();
    // The SY24 article is Arabic: along its reading direction is the left arrow.
    const rtl = (await page.locator("#article-text").getAttribute("dir")) === "rtl";
    await page.keyboard.press(rtl ? "Shift+ArrowLeft" : "Shift+ArrowRight");
    const grown = await editor.getByTestId("span-draft").textContent();
    expect(grown!.startsWith(claim.text)).toBe(true);
    expect(grown!.length).toBeGreaterThan(claim.text.length);
    await page.keyboard.press(rtl ? "Shift+ArrowRight" : "Shift+ArrowLeft");
    expect(await editor.getByTestId("span-draft").textContent()).toBe(claim.text);
    await expectAccessible(page);
    await editor.getByTestId("span-widen").click();
    await editor.getByTestId("span-save").click();
    const row = await db.sentence.findFirstOrThrow({ where: { articleId, start: { lte: claim.start }, end: { gt: claim.start } } });
    await expect.poll(() => db.claim.findUniqueOrThrow({ where: { id: claim.id } }).then((c) => c.version)).toBe(claim.version + 1);
    const after = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(after.start).toBe(row.start);
    expect(body.slice(after.start, after.end)).toBe(body.slice(row.start, row.end).trim());
    expect(after.kind).toBe("statement");
    await page.context().close();
  });

  it("retracting asks in the app's dialog; a 409 keeps the reason and shows the claim as it is now", async () => {
    const page = await signedIn(browser, "reviewer1@sanad.test");
    page.on("dialog", () => {
      throw new Error("the browser's own prompt was used");
    });
    await openArticle(page);
    const claim = await claimOn(page, 4, "to be retracted");
    await openArticle(page, `?claim=${claim.id}`);
    const panel = page.getByTestId("claim-panel");
    await expect.poll(() => panel.getAttribute("data-claim")).toBe(claim.id);
    // Someone else edits the claim meanwhile.
    await db.claim.update({ where: { id: claim.id }, data: { version: { increment: 1 }, note: "changed elsewhere" } });
    await panel.getByTestId("retract").click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Why retract this claim?").fill("Duplicate of the claim above");
    await dialog.getByTestId("retract-confirm").click();
    await expect.poll(() => dialog.getByTestId("retract-conflict").textContent()).toContain(`version ${claim.version + 1}`);
    expect(await dialog.getByLabel("Why retract this claim?").inputValue()).toBe("Duplicate of the claim above");
    expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).status).not.toBe("retracted");
    await expectAccessible(page);
    await dialog.getByTestId("retract-confirm").click();
    await expect.poll(() => db.claim.findUniqueOrThrow({ where: { id: claim.id } }).then((c) => c.status)).toBe("retracted");
    expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).retractionReason).toBe("Duplicate of the claim above");
    await page.context().close();
  });

  it("works on an Arabic keyboard layout: physical keys, Escape out of a field, focus back on the claim after a verdict", async () => {
    const page = await signedIn(browser, "reviewer2@sanad.test", "ar");
    await openArticle(page);
    const claim = await claimOn(page, 2, "keyboard journey");
    await openArticle(page, `?claim=${claim.id}`);
    await page.locator("#sentence-0").focus();
    await arabicKey(page, "KeyJ", "ت");
    await arabicKey(page, "KeyJ", "ت");
    await expect.poll(() => activeSentence(page)).toBe("2");
    await arabicKey(page, "KeyK", "ن");
    await expect.poll(() => activeSentence(page)).toBe("1");
    // ? is Shift+Slash, which types ؟ on an Arabic keyboard.
    await arabicKey(page, "Slash", "؟", true);
    const help = page.getByRole("dialog");
    await expect.poll(() => help.textContent()).toContain("الجملة التالية");
    await page.keyboard.press("Escape");
    await expect.poll(() => help.count()).toBe(0);

    // v (ر on the Arabic layout) goes to the verdict; Escape leaves the field for the article.
    const panel = page.getByTestId("claim-panel");
    await expect.poll(() => panel.getAttribute("data-claim")).toBe(claim.id);
    await page.locator("#sentence-1").focus();
    await arabicKey(page, "KeyV", "ر");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("verdict-rating");
    await page.locator("#verdict-rationale").focus();
    await page.keyboard.type("ز");
    await page.keyboard.press("Escape");
    await expect.poll(() => activeSentence(page)).not.toBeNull();
    expect(await page.locator("#verdict-rationale").inputValue()).toBe("ز");

    // A verdict sent: focus returns to the claim's sentence.
    await panel.locator("#verdict-rating").selectOption("4");
    await panel.locator("#verdict-rationale").fill("الرقم يطابق ما نشرته الجهة نفسها.");
    await panel.locator("#verdict-rationale").press("Tab");
    await page.keyboard.press("Enter");
    await expect.poll(() => db.verdict.count({ where: { claimId: claim.id } })).toBe(1);
    await expect.poll(() => activeSentence(page)).toBe("2");
    // f (ب) flags the focused sentence.
    await arabicKey(page, "KeyF", "ب");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("flag-kind");
    await expectAccessible(page);
    await page.context().close();
  });

  it("fits a phone: no sideways scroll at 360 and 390 px, the claim at hand in view", async () => {
    for (const locale of ["ar", "en"] as const) {
      for (const width of [360, 390]) {
        const page = await signedIn(browser, "reviewer1@sanad.test", locale);
        await page.setViewportSize({ width, height: 800 });
        const claim = await claimOn(page, 1, `phone ${locale} ${width}`);
        await openArticle(page, `?claim=${claim.id}`);
        const panel = page.getByTestId("claim-panel");
        await expect.poll(() => panel.getAttribute("data-claim")).toBe(claim.id);
        const widths = await page.evaluate(() => {
          const ws = document.querySelector(".workspace")!;
          const wide = [...ws.querySelectorAll<HTMLElement>("*")].filter((e) => {
            const r = e.getBoundingClientRect();
            return r.width > 0 && (r.right > window.innerWidth + 1 || r.left < -1) && !e.closest("[hidden]");
          });
          return { scroll: ws.scrollWidth, client: ws.clientWidth, wide: wide.slice(0, 3).map((e) => `${e.tagName}.${e.className}`) };
        });
        expect(widths.wide).toEqual([]);
        expect(widths.scroll).toBeLessThanOrEqual(widths.client);
        const box = (await panel.boundingBox())!;
        expect(box.y).toBeLessThan(800);
        expect(box.y + 40).toBeGreaterThan(0);
        // (The Arabic screenshot at 390 px came out blank: left out until that is understood.)
        if (width === 390 && locale === "en") await screenshot(page, `workspace-phone-${locale}`);
        if (width === 390 && locale === "ar") await expectAccessible(page);
        await page.context().close();
      }
    }
  });
});
