// Browser journeys for accounts: two-factor enrolment and sign-in with the code, the admin's
// users page, and single sign-on through a real OpenID provider (with a refused stranger).
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { base32Decode, totp } from "@/lib/accounts/totp";
import { laterCode } from "../api/two-factor-codes";
import { makeUser, PASSWORD, unique } from "../factories";
import { startSsoApp, type SsoApp } from "../api/sso-app";
import { base, expectAccessible, launch, screenshot } from "./browser";

// A sign-in hashes the password with scrypt: on a busy machine it takes seconds.
const SLOW = { timeout: 30_000 };

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function freshPage(locale: "ar" | "en" = "en", origin = base): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: locale === "ar" ? "ar" : "en-GB" });
  await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: origin }]);
  return context.newPage();
}

async function passwordSignIn(page: Page, email: string) {
  await page.goto(`${base}/login`);
  await page.fill("#email", email);
  await page.fill("#password", PASSWORD);
  await page.click("button[type=submit]");
}

describe("two-factor sign-in", () => {
  it("enrols from personal settings (QR code, a code, recovery codes once), then signs in with a code", async () => {
    const { user } = await makeUser({ name: "Two Factor" });
    const page = await freshPage("en");
    await passwordSignIn(page, user.email);
    await page.waitForURL(`${base}/`);
    // Sign-in takes the profile's language (Arabic); this journey reads English.
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: base }]);
    await page.goto(`${base}/settings`);
    await page.getByTestId("two-factor-start").click();
    await expect.poll(() => page.getByTestId("two-factor-qr").isVisible(), SLOW).toBe(true);
    await expectAccessible(page);
    await screenshot(page, "two-factor-enrol");
    const secret = base32Decode((await page.getByTestId("two-factor-secret").textContent())!);
    const enrolledAt = Date.now();
    await page.fill("#two-factor-code", totp(secret, enrolledAt));
    await page.getByRole("button", { name: "Confirm" }).click();
    await expect.poll(() => page.getByTestId("recovery-codes").locator("li").count(), SLOW).toBe(10);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt).not.toBeNull();

    await page.getByTestId("sign-out").click();
    await page.waitForURL(/\/login/);
    await passwordSignIn(page, user.email);
    await expect.poll(() => page.getByTestId("sign-in-code").isVisible(), SLOW).toBe(true);
    await expectAccessible(page);
    await page.fill("#code", "000000");
    await page.click("button[type=submit]");
    await expect.poll(() => page.locator("form [role=alert]").textContent(), SLOW).toContain("Wrong code");
    await page.fill("#code", laterCode(secret, enrolledAt));
    await page.click("button[type=submit]");
    await page.waitForURL(`${base}/`);
    await page.context().close();
  });
});

describe("the admin's users page", () => {
  it("shows last sign-in, deactivates an account after a confirmation and prints a reset link", async () => {
    const { user: admin } = await makeUser({ name: "Desk Admin", isAdmin: true });
    const { user } = await makeUser({ name: "Leaving Reporter" });
    const page = await freshPage("ar");
    await passwordSignIn(page, admin.email);
    await page.waitForURL(`${base}/`);
    await page.goto(`${base}/admin/users`);
    await expectAccessible(page);
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    const row = page.getByTestId("user-row").filter({ hasText: user.email });
    await row.getByRole("button", { name: /رابط إعادة التعيين/ }).click();
    await expect.poll(() => page.getByTestId("reset-link-value").inputValue(), SLOW).toMatch(/\/reset-password#/);
    await row.getByRole("button", { name: /تعطيل/ }).click();
    await page.getByRole("dialog").getByRole("button", { name: "تعطيل" }).click();
    await expect.poll(async () => (await db.user.findUniqueOrThrow({ where: { id: user.id } })).deactivatedAt !== null, SLOW).toBe(true);
    await expect.poll(() => row.getByRole("button", { name: /إعادة التفعيل/ }).isVisible(), SLOW).toBe(true);
    await screenshot(page, "admin-users");
    await page.context().close();
  });
});

describe("single sign-on", () => {
  let sso: SsoApp;
  beforeAll(async () => {
    sso = await startSsoApp();
  }, 180_000);
  afterAll(async () => {
    await sso?.stop();
  });

  it("signs in through the provider with the button; a stranger is refused on a translated page", async () => {
    const { op, app } = sso;
    const { user } = await makeUser({ name: "SSO Reporter" });
    op.loginAs(unique("sub"), { email: user.email, email_verified: true, name: "SSO Reporter" });
    const page = await freshPage("en", app.url);
    await page.goto(`${app.url}/login`);
    await page.getByTestId("sso-sign-in").click();
    await page.waitForURL(`${app.url}/`);
    expect(await page.locator("header").textContent()).toContain("SSO Reporter");
    await page.context().close();

    op.loginAs(unique("sub"), { email: `${unique("stranger")}@sanad.test`, email_verified: true });
    const arabic = await freshPage("ar", app.url);
    await arabic.goto(`${app.url}/login`);
    await arabic.getByRole("button", { name: "الدخول عبر Newsroom ID" }).click();
    await arabic.waitForURL(/\/sso-refused\?reason=unknown/);
    expect(await arabic.getByTestId("sso-refused").textContent()).toContain("لا يوجد حساب في سند بهذا البريد");
    await expectAccessible(arabic);
    await arabic.context().close();
  });
});
