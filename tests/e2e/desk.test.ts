import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { articleId, base, expectAccessible, launch, projectId, screenshot, signedIn } from "./browser";

// The desk's daily work on the project page, the dashboard and the project settings.
let browser: Browser;

/** React has taken over the element (before that, a click on submit is the browser's own GET). */
async function hydrated(page: Page, selector: string) {
  await page.waitForFunction((s) => {
    const el = document.querySelector(s);
    return !!el && Object.keys(el).some((k) => k.startsWith("__react"));
  }, selector);
}
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("the desk's daily needs", () => {
  it("an editor assigns the article from the project page, sees its progress and filters the list (English)", async () => {
    const sami = await db.user.findUniqueOrThrow({ where: { email: "reviewer2@sanad.test" } });
    await db.assignment.deleteMany({ where: { articleId, reviewerId: sami.id } });
    const page = await signedIn(browser, "editor@sanad.test", "en");
    await page.goto(`${base}/projects/${projectId}`);
    const row = page.locator(`tr[data-article="${articleId}"]`);
    await hydrated(page, `tr[data-article="${articleId}"] details.assign form`);
    await row.locator("details.assign summary").click();
    await row.getByLabel("Sami (reviewer)").check();
    await row.getByRole("button", { name: "Assign", exact: true }).click();
    await expect.poll(() => row.locator("ul.names").textContent()).toContain("Sami (reviewer)");
    await expect.poll(() => db.assignment.count({ where: { articleId, reviewerId: sami.id } })).toBe(1);
    // Progress: claims, and verdicts given of needed (claims × required verdicts).
    const claims = await db.claim.findMany({ where: { articleId, status: { not: "retracted" } }, select: { _count: { select: { verdicts: true } } } });
    const required = (await db.project.findUniqueOrThrow({ where: { id: projectId } })).requiredVerdicts;
    const given = claims.reduce((n, c) => n + Math.min(c._count.verdicts, required), 0);
    expect(await row.getByTestId("claims").textContent()).toBe(String(claims.length));
    expect((await row.getByTestId("verdicts").textContent())?.replace(/\s+/g, " ")).toContain(`${given} / ${claims.length * required}`);
    // Filters live in the address: by assignee, then a status the article does not have.
    await page.selectOption("select[name=assignee]", sami.id);
    await page.getByRole("button", { name: "Filter", exact: true }).click();
    await page.waitForURL(new RegExp(`assignee=${sami.id}`));
    expect(await page.locator(`tr[data-article="${articleId}"]`).count()).toBe(1);
    await page.selectOption("select[name=outlet]", "SY24");
    await page.selectOption("select[name=status]", "no_claims");
    await page.getByRole("button", { name: "Filter", exact: true }).click();
    await page.waitForURL(/status=no_claims/);
    expect(await page.getByTestId("no-articles").textContent()).toBe("No article matches these filters.");
    await page.getByRole("link", { name: "Clear the filters" }).click();
    await page.waitForURL(`${base}/projects/${projectId}`);
    expect(await page.locator(`tr[data-article="${articleId}"]`).count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, "project-progress");
    await page.context().close();
  });

  it("in Arabic: statuses and filters in Arabic, and a server 400 on assignment told in Arabic", async () => {
    // Someone who is a member when the page opens and is removed before the editor presses "assign".
    const leaving = await db.user.create({ data: { email: `leaving-${Date.now()}@sanad.test`, name: "Leila Temp", passwordHash: await hashPassword("a long enough password") } });
    await db.membership.create({ data: { projectId, userId: leaving.id, role: "reviewer" } });
    const page = await signedIn(browser, "editor@sanad.test", "ar");
    await page.goto(`${base}/projects/${projectId}`);
    await hydrated(page, `tr[data-article="${articleId}"] details.assign form`);
    expect(await page.getByTestId("progress-filters").textContent()).toContain("مُسند إلى");
    const row = page.locator(`tr[data-article="${articleId}"]`);
    expect(["لا ادعاءات بعد", "قيد المراجعة", "خلاف", "مكتمل"]).toContain((await row.locator(".status").textContent())?.trim());
    await row.locator("details.assign summary").click();
    await db.membership.deleteMany({ where: { projectId, userId: leaving.id } });
    await row.getByLabel("Leila Temp").check();
    await row.getByRole("button", { name: "إسناد", exact: true }).click();
    const alert = row.getByRole("alert");
    await expect.poll(() => alert.textContent()).toBe("لا يُسند إلا إلى أعضاء المشروع.");
    await screenshot(page, "project-progress-ar");
    await db.user.delete({ where: { id: leaving.id } });
    await page.context().close();
  });

  it("the disagreement setting is saved on the project and named on the dashboard, which leaves agreement out below the threshold", async () => {
    for (const locale of ["en", "ar"] as const) {
      const page = await signedIn(browser, "editor@sanad.test", locale);
      await page.goto(`${base}/projects/${projectId}/settings`);
      await hydrated(page, "[data-testid=project-settings-form]");
      await page.locator('input[name=disagreementRule][value="across_divide"]').check();
      await page.locator("[data-testid=project-settings-form] button[type=submit]").click();
      await expect.poll(async () => (await db.project.findUniqueOrThrow({ where: { id: projectId } })).disagreementRule).toBe("across_divide");
      await page.goto(`${base}/projects/${projectId}/dashboard`);
      const rule = await page.getByTestId("disagreement-rule").textContent();
      expect(rule).toContain(locale === "en" ? "across the true/false divide" : "يعبر الحدّ بين الصحيح والخاطئ");
      const items = (await db.claim.findMany({ where: { projectId, status: { not: "retracted" } }, select: { _count: { select: { verdicts: true } } } })).filter((c) => c._count.verdicts >= 2).length;
      const percent = await page.getByTestId("figure-percent").textContent();
      if (items < 10) {
        expect(percent).toContain(locale === "en" ? `not enough compared claims yet (${items} of 10)` : "لا تكفي الادعاءات المقارنة بعد");
      } else {
        expect(percent).not.toContain("not enough");
      }
      expect(await page.getByTestId("agreement-threshold").textContent()).toMatch(/10|١٠/);
      if (locale === "ar") {
        await expectAccessible(page);
        await screenshot(page, "dashboard-threshold-ar");
      }
      // Back to "any difference", as the other journeys expect.
      await page.goto(`${base}/projects/${projectId}/settings`);
      await hydrated(page, "[data-testid=project-settings-form]");
      await page.locator('input[name=disagreementRule][value="any"]').check();
      await page.locator("[data-testid=project-settings-form] button[type=submit]").click();
      await expect.poll(async () => (await db.project.findUniqueOrThrow({ where: { id: projectId } })).disagreementRule).toBe("any");
      await page.context().close();
    }
  });

  it("a server 409 on import is told in Arabic, and the token help keeps its path isolated", async () => {
    const article = await db.article.findUniqueOrThrow({ where: { id: articleId } });
    const page = await signedIn(browser, "editor@sanad.test", "ar");
    await page.goto(`${base}/projects/${projectId}/import`);
    await page.fill("#title", "نسخة ثانية");
    await page.fill("#body", article.body);
    await hydrated(page, "#body");
    await page.getByRole("button", { name: "استيراد", exact: true }).click();
    await expect.poll(() => page.locator("[data-sonner-toast]").first().textContent()).toContain("موجود في المشروع");
    await page.goto(`${base}/settings`);
    const path = page.getByTestId("tokens-explain").locator("bdi", { hasText: "/api/v1/openapi.json" });
    expect(await path.getAttribute("dir")).toBe("ltr");
    await page.context().close();
  });
});
