import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { articleId, base, expectAccessible, launch, password, projectId, screenshot } from "./browser";

// Every main page, at phone widths, in both directions: nothing wider than the screen (no
// horizontal scroll, so no line starts cut off in Arabic), and "sign out" on screen.
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function phone(width: number, locale: "ar" | "en") {
  const context = await browser.newContext({ viewport: { width, height: 780 }, locale: locale === "ar" ? "ar" : "en-GB", isMobile: false });
  await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: base }]);
  return context.newPage();
}

/** The page's overflow, and what sticks out, named, so a failure says where to look. */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const root = document.scrollingElement!;
    const width = root.clientWidth;
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll("body *"))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.right > width + 1 || r.left < -1) {
        // Only the outermost offender: skip those inside one already named, or inside a box that scrolls.
        let p = el.parentElement;
        let inside = false;
        while (p && p !== document.body) {
          const style = getComputedStyle(p);
          // (What is absolutely positioned may escape a scrolling box: only fixed and static-flow children count as inside.)
          if (/(auto|scroll)/.test(style.overflowX) && getComputedStyle(el).position !== "absolute") { inside = true; break; }
          const pr = p.getBoundingClientRect();
          if (pr.right > width + 1 || pr.left < -1) { inside = true; break; }
          p = p.parentElement;
        }
        if (!inside && getComputedStyle(el).position !== "fixed") out.push(`${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}.${String(el.className).split(" ").slice(0, 2).join(".")} [${Math.round(r.left)}, ${Math.round(r.right)}]`);
      }
    }
    // Text that runs out of its box (an unbreakable word) is no element's rectangle: measure the text.
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n && out.length < 8; n = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(n);
      const r = range.getBoundingClientRect();
      if (r.width > 0 && (r.right > width + 1 || r.left < -1)) {
        let p = n.parentElement;
        let scrolls = false;
        while (p && p !== document.body) {
          if (/(auto|scroll|hidden)/.test(getComputedStyle(p).overflowX)) { scrolls = true; break; }
          p = p.parentElement;
        }
        if (!scrolls) out.push(`text "${(n.textContent ?? "").slice(0, 40)}" in ${n.parentElement?.tagName.toLowerCase()}.${String(n.parentElement?.className ?? "")} [${Math.round(r.left)}, ${Math.round(r.right)}]`);
      }
    }
    // Nothing named: find it by hiding, level by level, the child whose absence ends the scroll.
    const scrollWidth = root.scrollWidth;
    if (out.length === 0 && scrollWidth > width) {
      const path: string[] = [];
      let el: Element = document.body;
      for (let depth = 0; depth < 30; depth++) {
        let found: Element | null = null;
        for (const c of Array.from(el.children) as HTMLElement[]) {
          const before = c.style.display;
          c.style.display = "none";
          const fits = root.scrollWidth <= width;
          c.style.display = before;
          if (fits) { found = c; break; }
        }
        if (!found) break;
        path.push(`${found.tagName.toLowerCase()}${found.id ? "#" + found.id : ""}.${String(found.className).split(" ").slice(0, 2).join(".")}`);
        el = found;
      }
      out.push(`hidden: ${path.join(" > ")} ${el.outerHTML.slice(0, 200)}`);
    }
    return { scrollWidth, clientWidth: width, scrollX: Math.round(window.scrollX), offenders: out.slice(0, 8) };
  });
}

async function expectFits(page: Page, label: string) {
  const o = await overflow(page);
  expect({ page: label, scrolls: o.scrollWidth > o.clientWidth, scrollX: o.scrollX, offenders: o.scrollWidth > o.clientWidth ? [`${o.scrollWidth} > ${o.clientWidth}`, ...o.offenders] : [] }).toEqual({
    page: label,
    scrolls: false,
    scrollX: 0,
    offenders: [],
  });
}

async function settle(page: Page) {
  await page.waitForSelector("main, form");
  await page.waitForLoadState("load");
  // Client components (charts, lists) render after hydration; give them a moment.
  await page.waitForTimeout(400);
}

describe("phone widths", () => {
  for (const width of [390, 360]) {
    for (const locale of ["ar", "en"] as const) {
      it(`every main page fits ${width} px in ${locale === "ar" ? "Arabic" : "English"}, sign-out on screen`, async () => {
        const claim = await db.claim.findFirstOrThrow({ where: { articleId, status: { not: "retracted" } }, orderBy: { createdAt: "asc" } });
        const page = await phone(width, locale);
        await page.goto(`${base}/login`);
        await settle(page);
        await expectFits(page, "login");
        if (width === 390) await screenshot(page, `phone-sign-in-${locale}`);
        await page.fill("#email", "admin@sanad.test");
        await page.fill("#password", password);
        await page.click("button[type=submit]");
        await page.waitForURL(`${base}/`);
        await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: base }]);

        const pages: Array<[string, string]> = [
          ["home", "/"],
          ["project", `/projects/${projectId}`],
          ["queue", `/projects/${projectId}/queue`],
          ["dashboard", `/projects/${projectId}/dashboard`],
          ["project settings", `/projects/${projectId}/settings`],
          ["settings", "/settings"],
          ["search", `/search?q=${encodeURIComponent("مليون")}`],
          ["notifications", "/notifications"],
          ["admin users", "/admin/users"],
          ["claim", `/claims/${claim.id}`],
          ["workspace", `/articles/${articleId}`],
        ];
        for (const [label, path] of pages) {
          await page.goto(`${base}${path}`);
          await settle(page);
          await expectFits(page, label);
          const signOut = page.getByTestId("sign-out");
          expect(await signOut.isVisible(), `${label}: sign out visible`).toBe(true);
          const box = (await signOut.boundingBox())!;
          expect(box.x >= 0 && box.x + box.width <= width, `${label}: sign out on screen (${Math.round(box.x)}..${Math.round(box.x + box.width)})`).toBe(true);
          if (width === 390 && (label === "project" || label === "workspace" || label === "dashboard")) await screenshot(page, `phone-${label}-${locale}`);
        }
        if (width === 360) {
          await page.goto(`${base}/projects/${projectId}`);
          await settle(page);
          await expectAccessible(page);
        }
        await page.context().close();
      });
    }
  }
});
