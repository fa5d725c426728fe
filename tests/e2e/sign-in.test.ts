// Sign-in and sign-out as Chromium does them: where the login page sends the browser afterwards,
// and what a cookie copied before sign-out still opens.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { base, launch, password } from "./browser";

const EMAIL = "reviewer2@sanad.test";
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function signInAt(loginUrl: string): Promise<Page> {
  const context = await browser.newContext({ locale: "en-GB" });
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: base }]);
  const page = await context.newPage();
  await page.goto(loginUrl);
  await page.fill("#email", EMAIL);
  await page.fill("#password", password);
  await page.click("button[type=submit]");
  await page.waitForLoadState("load");
  // Wait until the form has navigated away from /login (wherever to).
  await expect.poll(() => new URL(page.url()).pathname, { timeout: 30_000 }).not.toBe("/login");
  await page.waitForLoadState("load");
  return page;
}

describe("after sign-in the browser stays on Sanad", () => {
  it("callbackUrl=/%5Cevil.test/phish, /%09/evil.test/…, /%2F%2Fevil.test… land on / of Sanad's own origin", async () => {
    for (const hostile of ["/%5Cevil.test/phish", "/%09/evil.test/phish", "%2F%2Fevil.test/phish", "/.//evil.test/phish", "https://evil.test/phish"]) {
      const page = await signInAt(`${base}/login?callbackUrl=${hostile}`);
      expect(page.url(), hostile).toBe(`${base}/`);
      await page.context().close();
    }
  });

  it("a same-origin callbackUrl is honoured", async () => {
    const page = await signInAt(`${base}/login?callbackUrl=${encodeURIComponent("/settings")}`);
    expect(page.url()).toBe(`${base}/settings`);
    await page.context().close();
  });
});

describe("sign-out", () => {
  it("a session cookie copied before signing out opens nothing afterwards", async () => {
    const page = await signInAt(`${base}/login`);
    const copied = (await page.context().cookies(base)).filter((c) => c.name.includes("next-auth.session-token"));
    expect(copied).toHaveLength(1);
    await page.getByTestId("sign-out").click();
    await page.waitForURL(/\/login/);
    await page.context().close();

    // Someone else's browser, with the copied cookie.
    const thief = await browser.newContext({ locale: "en-GB" });
    await thief.addCookies(copied);
    const stolen = await thief.newPage();
    await stolen.goto(`${base}/settings`);
    await stolen.waitForURL(/\/login/);
    const api = await stolen.request.get(`${base}/api/v1/projects`);
    expect(api.status()).toBe(401);
    await thief.close();
  });
});
