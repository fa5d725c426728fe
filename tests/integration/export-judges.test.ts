// Real exports of the seeded demo desk, read by the outside judges in ../shared/judges (W3C's
// own Web Annotation MUST tests and the ClaimReview rules), run as separate Python processes.
// The judges are not copied into this repository (their README says the project does not copy
// them); they are found at SANAD_JUDGES_DIR or ../shared/judges beside the checkout. The rules
// this project had broken (the embedded page's id and partOf, creators' ids, an author for
// every ClaimReview) are also asserted here directly, so the test means something where the
// judges are absent.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seed } from "@/seeds/seed";
import { unsafeCreateArticle } from "@/lib/articles/create-article";
import { createClaim } from "@/lib/claims/create-claim";
import { addSource } from "@/lib/claims/add-source";
import { putVerdict } from "@/lib/verdicts/put-verdict";
import { adjudicateClaim } from "@/lib/review/adjudicate-claim";
import { unsafeExportStream } from "@/lib/export/export-project";
import type { ExportFormat } from "@/lib/export/formats";
import type { Actor } from "@/lib/auth/session";

const BASE = "https://sanad.example";

function findJudges(): string | null {
  const candidates = [process.env.SANAD_JUDGES_DIR, path.resolve(process.cwd(), "../shared/judges")].filter((d): d is string => !!d);
  return candidates.find((d) => existsSync(path.join(d, "check_webannotation.py")) && existsSync(path.join(d, "check_claimreview.py"))) ?? null;
}
const judges = findJudges();
const pythonOk = spawnSync("python3", ["-c", "import jsonschema, referencing"], { stdio: "ignore" }).status === 0;

const actorOf = (u: { id: string; email: string; name: string; isAdmin: boolean }): Actor => ({ id: u.id, email: u.email, name: u.name, isAdmin: u.isAdmin, via: "session" });

/** The demo desk, with verified claims on the SY24 article and on an English one with astral characters. */
async function seededDesk() {
  const { projectId, articleId } = await seed({ demoPassword: "judges-demo-password", activity: false });
  const users = await db.user.findMany({ where: { email: { in: ["editor@sanad.test", "reviewer1@sanad.test", "reviewer2@sanad.test"] } } });
  const by = (email: string) => actorOf(users.find((u) => u.email === email)!);
  const editor = by("editor@sanad.test");
  const r1 = by("reviewer1@sanad.test");
  const r2 = by("reviewer2@sanad.test");
  // The demo article comes without its address and date; an editor would fill them in.
  const article = await db.article.update({ where: { id: articleId }, data: { sourceUrl: "https://sy24.example/coalition", publishedAt: new Date("2020-10-10T00:00:00Z") } });
  const sentences = await db.sentence.findMany({ where: { articleId }, orderBy: { index: "asc" }, take: 4 });
  const ids: string[] = [];
  for (const [i, s] of sentences.entries()) {
    const c = await createClaim({ actor: r1, articleId, input: { start: s.start, end: s.end, kind: "statement" } });
    await putVerdict({ actor: r1, claimId: c.id, input: { rating: String((i % 5) + 1) as "1", rationale: "checked" } });
    await putVerdict({ actor: r2, claimId: c.id, input: { rating: String(((i + 1) % 5) + 1) as "1", rationale: "checked too" } });
    await addSource({ actor: r1, claimId: c.id, input: { url: "https://records.example/report", title: "<b>Report</b> & notes", stance: "refutes" } });
    await adjudicateClaim({ actor: editor, claimId: c.id, rating: i === 3 ? "unverifiable" : "2", note: "</script><script>alert(1)</script> & more" });
    ids.push(c.id);
  }
  const body = "𝐀 The agency said 👩‍👩‍👧 3,200 homes were rebuilt in 2023. The count was later halved.";
  const enId = await unsafeCreateArticle({
    projectId,
    createdById: r1.id,
    input: { title: "Homes <rebuilt>", body, language: "en", sourceUrl: "https://news.example/homes", outlet: "Daily Example", publishedAt: new Date("2024-01-05T00:00:00Z") },
  });
  const text = "3,200 homes were rebuilt in 2023";
  const c = await createClaim({ actor: r1, articleId: enId, input: { start: body.indexOf(text), end: body.indexOf(text) + text.length } });
  await putVerdict({ actor: r1, claimId: c.id, input: { rating: "4", rationale: "ok" } });
  await adjudicateClaim({ actor: editor, claimId: c.id, rating: "4", note: "Mostly" });
  ids.push(c.id);
  return { projectId, arBody: article.body, arTitle: article.title, enBody: body, enId, ids };
}

async function exportText(format: ExportFormat, projectId: string) {
  const stream = await unsafeExportStream({ format, filter: { projectId, status: "verified" }, baseUrl: BASE });
  return new Response(stream).text();
}

function runJudge(script: string, file: string, extra: string[] = []) {
  const r = spawnSync("python3", [path.join(judges!, script), file, ...extra], { encoding: "utf8", timeout: 120_000 });
  return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
}

describe("exports and their outside judges", () => {
  it("the Web Annotation export has an identified page in its collection and identified creators", async () => {
    const d = await seededDesk();
    const doc = JSON.parse(await exportText("webannotation", d.projectId));
    expect(doc.total).toBe(d.ids.length);
    expect(doc.first.id).toMatch(/^https:\/\/sanad\.example\//);
    expect(doc.first.id).not.toBe(doc.id);
    expect(doc.first.partOf).toBe(doc.id);
    for (const a of doc.first.items) {
      expect(a.creator).toMatchObject({ type: "Person", id: expect.stringMatching(/^https:\/\/sanad\.example\/.+/) });
      expect(a.creator.name).toBe("Karim (editor)");
    }
    // The rating in English, and in the article's language beside it.
    const assessing = (id: string) => doc.first.items.find((a: any) => a.id.includes(id)).body.filter((b: any) => b.purpose === "assessing");
    expect(assessing(d.ids[0])).toEqual([
      expect.objectContaining({ value: "Mostly false", language: "en", "sanad:rating": 2 }),
      expect.objectContaining({ type: "TextualBody", value: "خاطئ في معظمه", language: "ar" }),
    ]);
    expect(assessing(d.ids[4])).toEqual([expect.objectContaining({ value: "Mostly true", language: "en" })]);
  });

  it("ClaimReview gives the rating's label in the article's language as its name", async () => {
    const d = await seededDesk();
    const doc = JSON.parse(await exportText("claimreview", d.projectId));
    const rating = (id: string) => doc.find((r: any) => r.url.endsWith(id)).reviewRating;
    expect(rating(d.ids[0])).toEqual({ "@type": "Rating", ratingValue: 2, bestRating: 5, worstRating: 1, alternateName: "Mostly false", name: "خاطئ في معظمه" });
    expect(rating(d.ids[3])).toMatchObject({ alternateName: "Unverifiable", name: "لا يمكن التحقق منه" });
    expect(rating(d.ids[4])).toMatchObject({ ratingValue: 4, alternateName: "Mostly true", name: "Mostly true" });
  });

  it("every ClaimReview has an organization as author, by default the project's own", async () => {
    const d = await seededDesk();
    await db.project.update({ where: { id: d.projectId }, data: { organizationName: "", organizationUrl: null } });
    const doc = JSON.parse(await exportText("claimreview", d.projectId));
    expect(doc).toHaveLength(d.ids.length);
    // The project's name, at Sanad's public address, until the project's settings name one.
    for (const r of doc) expect(r.author).toEqual({ "@type": "Organization", name: "Demo desk · مكتب التحقق", url: BASE });
  });

  it("both judges pass the exports with no error, and no warning but the one an unverifiable rating must have", { timeout: 300_000 }, async () => {
    const d = await seededDesk();
    const dir = mkdtempSync(path.join(os.tmpdir(), "sanad-judges-"));
    const wa = path.join(dir, "export.annotations.jsonld");
    const cr = path.join(dir, "export.claimreview.jsonld");
    const waText = await exportText("webannotation", d.projectId);
    const crText = await exportText("claimreview", d.projectId);
    writeFileSync(wa, waText);
    writeFileSync(cr, crText);
    // The exports are embeddable in a page: no raw < > & anywhere, and still the same JSON.
    for (const t of [waText, crText]) expect(t).not.toMatch(/[<>&]/);
    expect(JSON.stringify(JSON.parse(crText))).toContain("</script><script>alert(1)</script> & more");

    if (!judges || !pythonOk) {
      // Stated loudly: the assertions above still ran; the judges could not.
      console.warn(`outside judges not run: ${!judges ? "no judges at SANAD_JUDGES_DIR or ../shared/judges" : "python3 lacks jsonschema"}`);
      return;
    }
    // The article texts, so the judge also checks every position selector counts code points.
    const texts = path.join(dir, "texts.json");
    const ar = await db.article.findFirstOrThrow({ where: { projectId: d.projectId, language: "ar" } });
    writeFileSync(texts, JSON.stringify({ [ar.sourceUrl!]: { text: d.arBody }, "https://news.example/homes": { text: d.enBody } }));

    const w = runJudge("check_webannotation.py", wa, ["--source-text", texts, "--require-source-text"]);
    expect(w.out).toMatch(/RESULT: PASS/);
    expect(w.out).not.toMatch(/^(ERROR|WARN)\b/m);
    expect(w.status, w.out).toBe(0);

    const c = runJudge("check_claimreview.py", cr);
    expect(c.out).toMatch(/RESULT: PASS/);
    expect(c.out).not.toMatch(/^ERROR\b/m);
    expect(c.status, c.out).toBe(0);
    // One warning is kept on purpose: ClaimReview's 1-5 scale has no value for "unverifiable",
    // so that claim's Rating says it in words only (a number would be false).
    const warnings = c.out.split("\n").filter((l) => l.startsWith("WARN"));
    const unverifiable = `${BASE}/claims/${d.ids[3]}`;
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(unverifiable);
    expect(warnings[0]).toContain("ratingValue is recommended");
  });
});
