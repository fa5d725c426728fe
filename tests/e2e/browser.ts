import { mkdirSync } from "node:fs";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { chromium, type Browser, type Page } from "playwright-core";
import { expect, inject } from "vitest";

export const base = inject("appUrl");
export const password = inject("demoPassword");
export const projectId = inject("demoProjectId");
export const articleId = inject("demoArticleId");

// Debian's Chromium, kept off the closed network (no background connections, no QUIC).
export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
  });
}

/** A fresh browser context signed in as one of the demo accounts, in the given interface language. */
export async function signedIn(browser: Browser, email: string, locale: "ar" | "en" = "en"): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: locale === "ar" ? "ar" : "en-GB" });
  await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: base }]);
  const page = await context.newPage();
  await signInOn(page, email, locale);
  return page;
}

/** Signs `email` in on an open page (whose browser context may have held someone else before). */
export async function signInOn(page: Page, email: string, locale: "ar" | "en" = "en") {
  await page.goto(`${base}/login`);
  await page.fill("#email", email);
  await page.fill("#password", password);
  await page.click("button[type=submit]");
  await page.waitForURL(`${base}/`);
  // The sign-in sets the interface language from the profile; keep the one this test asked for.
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: base }]);
}

export const SCREENSHOTS = path.join(process.cwd(), "docs", "screenshots");

export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

/** axe-core: no serious or critical violations. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`)).toEqual([]);
}
