// Exports read back with parsers that share nothing with the exporter: JSON.parse per line,
// csv-parse, and code points counted by Array.from.
import { mkdtempSync, readFileSync, existsSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import { parse as parseCsv } from "csv-parse/sync";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { unsafeCreateArticle } from "@/lib/articles/create-article";
import { createClaim } from "@/lib/claims/create-claim";
import { addSource } from "@/lib/claims/add-source";
import { linkClaims } from "@/lib/claims/link-claims";
import { retractClaim } from "@/lib/claims/retract-claim";
import { putVerdict } from "@/lib/verdicts/put-verdict";
import { adjudicateClaim } from "@/lib/review/adjudicate-claim";
import { exportProject, unsafeExportStream } from "@/lib/export/export-project";
import { CSV_COLUMNS, type ExportFormat } from "@/lib/export/formats";
import type { ExportFilter } from "@/lib/export/load-records";
import { AppError } from "@/lib/errors";
import { runCli } from "@/cli/run";
import { addMember, makeProject, makeUser, unique } from "../factories";

const BASE = "https://sanad.example";

// An emoji (two UTF-16 units, one code point) before the claims, Arabic text, and text that
// a spreadsheet would run as a formula.
const BODY_AR =
  "😀 قال المتحدث إن التحالف حرر 7.7 مليون شخص من المناطق.\n" +
  "=SUM(A1:A9) ليست معادلة، بل نص في المقال.\n" +
  "وأضاف أن عدد المقاتلين بلغ 110 آلاف مقاتل.";
const BODY_EN = "The ministry said 4,000 schools reopened in 2023. Officials disputed the figure.";

const span = (body: string, text: string) => {
  const start = body.indexOf(text);
  if (start < 0) throw new Error(`"${text}" is not in the body`);
  return { start, end: start + text.length };
};

/** A desk with two articles and claims in every state an export must tell apart. */
async function deskWithClaims() {
  const project = await makeProject(unique("Desk"));
  await db.project.update({ where: { id: project.id }, data: { organizationName: "مرصد سند", organizationUrl: "https://sanad.example/about" } });
  const editor = await makeUser({ name: "Editor" });
  const r1 = await makeUser({ name: "+Reviewer One" });
  const r2 = await makeUser({ name: "Reviewer Two" });
  await addMember(project.id, editor.user.id, "editor");
  await addMember(project.id, r1.user.id, "reviewer");
  await addMember(project.id, r2.user.id, "reviewer");

  const arId = await unsafeCreateArticle({
    projectId: project.id,
    createdById: r1.actor.id,
    input: { title: "=cmd|' /C calc'!A0 التحالف", body: BODY_AR, sourceUrl: "https://news.example/ar/1", outlet: "@SY24", publishedAt: new Date("2024-03-01T08:00:00Z") },
  });
  const enId = await unsafeCreateArticle({
    projectId: project.id,
    createdById: r1.actor.id,
    input: { title: "Schools, reopened", body: BODY_EN, outlet: "Daily \"Example\"", language: "en" },
  });

  const claim = (articleId: string, body: string, text: string, input: { kind?: "figure" | "statement"; note?: string } = {}) =>
    createClaim({ actor: r1.actor, articleId, input: { ...span(body, text), ...input } });
  const figure = await claim(arId, BODY_AR, "التحالف حرر 7.7 مليون شخص", { note: "-1 from the headline" });
  const formula = await claim(arId, BODY_AR, "=SUM(A1:A9) ليست معادلة", { kind: "statement" });
  const open = await claim(arId, BODY_AR, "110 آلاف مقاتل");
  const retracted = await claim(arId, BODY_AR, "من المناطق");
  const english = await claim(enId, BODY_EN, "4,000 schools reopened in 2023");

  await putVerdict({ actor: r1.actor, claimId: figure.id, input: { rating: "1", rationale: "The spokesman said 7.7, the headline 7, \"about\" both" } });
  await putVerdict({ actor: r2.actor, claimId: figure.id, input: { rating: "2", rationale: "Mostly false:\nthe figure is 7.7 million" } });
  await addSource({ actor: r1.actor, claimId: figure.id, input: { url: "https://un.example/report?a=1,b=2", title: "UN report", publisher: "UN", excerpt: "7.7 million", stance: "refutes", readAt: new Date("2024-03-02T10:00:00Z") } });
  await addSource({ actor: r2.actor, claimId: figure.id, input: { url: "http://archive.example/x", stance: "context" } });
  await linkClaims({ actor: r1.actor, claimId: figure.id, otherClaimId: formula.id, relation: "contradicts" });
  await adjudicateClaim({ actor: editor.actor, claimId: figure.id, rating: "2", note: "=HYPERLINK(\"http://evil.example\",\"click\")" });

  await putVerdict({ actor: r1.actor, claimId: formula.id, input: { rating: "unverifiable", rationale: "No way to check" } });
  await adjudicateClaim({ actor: editor.actor, claimId: formula.id, rating: "unverifiable", note: "@lost in the archive" });

  await putVerdict({ actor: r1.actor, claimId: open.id, input: { rating: "4", rationale: "plausible" } });
  await retractClaim({ actor: r1.actor, claimId: retracted.id, reason: "not a claim" });

  await putVerdict({ actor: r2.actor, claimId: english.id, input: { rating: "5", rationale: "Ministry data" } });
  await adjudicateClaim({ actor: editor.actor, claimId: english.id, rating: "5", note: "True" });

  return { project, editor, r1, r2, arId, enId, claims: { figure, formula, open, retracted, english } };
}

async function exportText(format: ExportFormat, filter: Partial<ExportFilter> & { projectId: string }) {
  const stream = await unsafeExportStream({ format, filter: { status: "verified", ...filter }, baseUrl: BASE });
  // Raw bytes, decoded without stripping a byte-order mark.
  return Buffer.from(await new Response(stream).arrayBuffer()).toString("utf8");
}

const jsonLines = (text: string) => text.split("\n").filter((l) => l !== "").map((l) => JSON.parse(l));

describe("JSONL export", () => {
  it("writes one verified claim per line with its article, offsets, verdicts, sources and links", async () => {
    const d = await deskWithClaims();
    const text = await exportText("jsonl", { projectId: d.project.id });
    expect(text.endsWith("\n")).toBe(true);
    const lines = jsonLines(text);
    expect(lines.map((l) => l.id).sort()).toEqual([d.claims.figure.id, d.claims.formula.id, d.claims.english.id].sort());

    const fig = lines.find((l) => l.id === d.claims.figure.id);
    const { start, end } = span(BODY_AR, "التحالف حرر 7.7 مليون شخص");
    expect(fig).toMatchObject({
      projectId: d.project.id,
      status: "verified",
      article: { id: d.arId, title: "=cmd|' /C calc'!A0 التحالف", sourceUrl: "https://news.example/ar/1", outlet: "@SY24", publishedAt: "2024-03-01T08:00:00.000Z", language: "ar" },
      text: "التحالف حرر 7.7 مليون شخص",
      start,
      end,
      kind: "figure",
      note: "-1 from the headline",
      rating: 2,
      ratingLabel: "Mostly false",
      editorNote: "=HYPERLINK(\"http://evil.example\",\"click\")",
      adjudicatedBy: { id: d.editor.user.id, name: "Editor" },
    });
    expect(BODY_AR.slice(fig.start, fig.end)).toBe(fig.text);
    expect(fig.sentenceIndexes).toEqual([0]);
    expect(fig.quantity).toMatchObject({ value: 7_700_000, kind: "count" });
    expect(fig.verdicts).toEqual([
      expect.objectContaining({ reviewer: { id: d.r1.user.id, name: "+Reviewer One" }, rating: 1, label: "False", rationale: expect.stringContaining("headline 7") }),
      expect.objectContaining({ reviewer: { id: d.r2.user.id, name: "Reviewer Two" }, rating: 2, label: "Mostly false", rationale: "Mostly false:\nthe figure is 7.7 million" }),
    ]);
    expect(fig.sources).toEqual([
      { url: "https://un.example/report?a=1,b=2", title: "UN report", publisher: "UN", excerpt: "7.7 million", stance: "refutes", readAt: "2024-03-02T10:00:00.000Z" },
      { url: "http://archive.example/x", title: "", publisher: "", excerpt: "", stance: "context", readAt: null },
    ]);
    expect(fig.links).toEqual([{ relation: "contradicts", claimId: d.claims.formula.id }]);
    for (const key of ["createdAt", "updatedAt", "verifiedAt"]) expect(Number.isNaN(Date.parse(fig[key]))).toBe(false);

    // The link shows from both ends, and "unverifiable" is kept as a word.
    const formula = lines.find((l) => l.id === d.claims.formula.id);
    expect(formula.links).toEqual([{ relation: "contradicts", claimId: d.claims.figure.id }]);
    expect(formula).toMatchObject({ rating: "unverifiable", ratingLabel: "Unverifiable" });
  });

  it("status=all adds claims not yet verified, without a rating, and never retracted ones", async () => {
    const d = await deskWithClaims();
    const lines = jsonLines(await exportText("jsonl", { projectId: d.project.id, status: "all" }));
    const ids = lines.map((l) => l.id);
    expect(ids).toHaveLength(4);
    expect(ids).toContain(d.claims.open.id);
    expect(ids).not.toContain(d.claims.retracted.id);
    const open = lines.find((l) => l.id === d.claims.open.id);
    expect(open).toMatchObject({ status: "open", rating: null, ratingLabel: null, editorNote: null, verifiedAt: null });
    expect(open.verdicts).toHaveLength(1);
  });

  it("filters by article and by the date a claim was verified, through the command line", async () => {
    const d = await deskWithClaims();
    await db.claim.update({ where: { id: d.claims.figure.id }, data: { verifiedAt: new Date("2024-03-10T12:00:00Z") } });
    await db.claim.update({ where: { id: d.claims.formula.id }, data: { verifiedAt: new Date("2024-05-20T18:30:00Z") } });
    await db.claim.update({ where: { id: d.claims.english.id }, data: { verifiedAt: new Date("2024-07-01T00:00:00Z") } });

    const byArticle = jsonLines(await exportText("jsonl", { projectId: d.project.id, articleId: d.enId }));
    expect(byArticle.map((l) => l.id)).toEqual([d.claims.english.id]);

    const dir = mkdtempSync(path.join(os.tmpdir(), "sanad-export-"));
    const out = path.join(dir, "may.jsonl");
    // "--to 2024-05-20" takes in the whole of that day.
    const code = await runCli(["export", "--project", d.project.id, "--format", "jsonl", "--from", "2024-04-01", "--to", "2024-05-20", "--out", out]);
    expect(code).toBe(0);
    expect(jsonLines(readFileSync(out, "utf8")).map((l) => l.id)).toEqual([d.claims.formula.id]);

    const other = await makeProject();
    const foreign = await db.article.create({ data: { projectId: other.id, title: "x", body: "x", language: "en", direction: "ltr", contentHash: unique("h"), createdById: d.editor.user.id } });
    const err = await unsafeExportStream({ format: "jsonl", filter: { projectId: d.project.id, status: "verified", articleId: foreign.id }, baseUrl: BASE }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe("invalid_input");
  });
});

describe("CSV export", () => {
  it("is UTF-8 with a byte-order mark, reads back with csv-parse, and neutralizes formulas", async () => {
    const d = await deskWithClaims();
    const text = await exportText("csv", { projectId: d.project.id });
    expect(Buffer.from(text, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows: Record<string, string>[] = parseCsv(text, { bom: true, columns: true, skip_empty_lines: false });
    expect(Object.keys(rows[0])).toEqual([...CSV_COLUMNS]);
    expect(rows.map((r) => r.claim_id).sort()).toEqual([d.claims.figure.id, d.claims.formula.id, d.claims.english.id].sort());

    const fig = rows.find((r) => r.claim_id === d.claims.figure.id)!;
    const { start, end } = span(BODY_AR, "التحالف حرر 7.7 مليون شخص");
    expect(fig).toMatchObject({
      status: "verified",
      article_id: d.arId,
      article_title: "'=cmd|' /C calc'!A0 التحالف",
      article_url: "https://news.example/ar/1",
      outlet: "'@SY24",
      article_published_at: "2024-03-01T08:00:00.000Z",
      text: "التحالف حرر 7.7 مليون شخص",
      start: String(start),
      end: String(end),
      sentence_indexes: "0",
      kind: "figure",
      quantity_value: "7700000",
      quantity_kind: "count",
      rating: "2",
      rating_label: "Mostly false",
      editor_note: "'=HYPERLINK(\"http://evil.example\",\"click\")",
      adjudicated_by: "Editor",
      note: "'-1 from the headline",
      links: `contradicts:${d.claims.formula.id}`,
    });
    // Commas, quotes and newlines inside cells survive the round trip.
    expect(fig.reviewer_verdicts).toBe(
      "'+Reviewer One: 1 (False) — The spokesman said 7.7, the headline 7, \"about\" both | Reviewer Two: 2 (Mostly false) — Mostly false:\nthe figure is 7.7 million",
    );
    expect(fig.sources).toBe("refutes https://un.example/report?a=1,b=2 (UN report) | context http://archive.example/x");

    const formula = rows.find((r) => r.claim_id === d.claims.formula.id)!;
    expect(formula.text).toBe("'=SUM(A1:A9) ليست معادلة");
    expect(formula.rating).toBe("unverifiable");
    expect(formula.editor_note).toBe("'@lost in the archive");
    expect(rows.find((r) => r.claim_id === d.claims.english.id)!.outlet).toBe("Daily \"Example\"");

    // No cell anywhere begins with something a spreadsheet would run.
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});

describe("ClaimReview export", () => {
  it("is a JSON-LD array of schema.org ClaimReview with the project's organization as author", async () => {
    const d = await deskWithClaims();
    const doc = JSON.parse(await exportText("claimreview", { projectId: d.project.id }));
    expect(Array.isArray(doc)).toBe(true);
    expect(doc).toHaveLength(3);
    const byText = (t: string) => doc.find((x: any) => x.claimReviewed === t);

    const fig = byText("التحالف حرر 7.7 مليون شخص");
    expect(fig["@context"]).toBe("https://schema.org");
    expect(fig["@type"]).toBe("ClaimReview");
    expect(fig.url).toBe(`${BASE}/claims/${d.claims.figure.id}`);
    expect(fig.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(fig.author).toEqual({ "@type": "Organization", name: "مرصد سند", url: "https://sanad.example/about" });
    expect(fig.itemReviewed).toEqual({
      "@type": "Claim",
      author: { "@type": "Organization", name: "@SY24" },
      datePublished: "2024-03-01",
      appearance: [{ "@type": "CreativeWork", url: "https://news.example/ar/1", headline: "=cmd|' /C calc'!A0 التحالف" }],
    });
    expect(fig.reviewRating).toEqual({ "@type": "Rating", ratingValue: 2, bestRating: 5, worstRating: 1, alternateName: "Mostly false", name: "خاطئ في معظمه" });
    expect(fig.reviewBody).toBe("=HYPERLINK(\"http://evil.example\",\"click\")");
    expect(fig.inLanguage).toBe("ar");

    // "Unverifiable" is not on the 1-5 scale: no ratingValue, and the name says why.
    const unverifiable = byText("=SUM(A1:A9) ليست معادلة").reviewRating;
    expect(unverifiable).not.toHaveProperty("ratingValue");
    expect(unverifiable).toMatchObject({ "@type": "Rating", bestRating: 5, worstRating: 1, alternateName: "Unverifiable" });

    // An article without URL or date: the Claim keeps its author and says nothing false.
    const en = byText("4,000 schools reopened in 2023");
    expect(en.itemReviewed).toEqual({ "@type": "Claim", author: { "@type": "Organization", name: "Daily \"Example\"" } });
    expect(en.reviewRating.ratingValue).toBe(5);
  });

  it("names the project as author when no organization is configured, and is valid JSON when empty", async () => {
    const d = await deskWithClaims();
    await db.project.update({ where: { id: d.project.id }, data: { organizationName: "", organizationUrl: null } });
    const doc = JSON.parse(await exportText("claimreview", { projectId: d.project.id }));
    expect(doc[0].author).toEqual({ "@type": "Organization", name: d.project.name, url: BASE });
    const empty = await makeProject();
    expect(JSON.parse(await exportText("claimreview", { projectId: empty.id }))).toEqual([]);
    expect(JSON.parse(await exportText("webannotation", { projectId: empty.id })).first.items).toEqual([]);
    expect(await exportText("jsonl", { projectId: empty.id })).toBe("");
  });
});

describe("Web Annotation export", () => {
  it("is an AnnotationCollection whose first page holds assessing annotations with quote and code-point selectors", async () => {
    const d = await deskWithClaims();
    const doc = JSON.parse(await exportText("webannotation", { projectId: d.project.id }));
    expect(doc["@context"][0]).toBe("http://www.w3.org/ns/anno.jsonld");
    expect(doc.type).toBe("AnnotationCollection");
    expect(doc.total).toBe(3);
    expect(typeof doc.id).toBe("string");
    expect(doc.first.type).toBe("AnnotationPage");
    expect(doc.first.startIndex).toBe(0);
    const items: any[] = doc.first.items;
    expect(items).toHaveLength(3);
    for (const a of items) {
      expect(a.type).toBe("Annotation");
      expect(a.motivation).toBe("assessing");
    }
    expect(new Set(items.map((x) => x.id)).size).toBe(3);

    const fig = items.find((a) => a.id.includes(d.claims.figure.id));
    expect(fig.creator).toEqual({ id: `${BASE}/users/${d.editor.user.id}`, type: "Person", name: "Editor" });
    expect(fig.body[0]).toMatchObject({ type: "TextualBody", purpose: "assessing", value: "Mostly false", "sanad:rating": 2 });
    expect(fig.body).toContainEqual(expect.objectContaining({ type: "TextualBody", purpose: "commenting", value: "=HYPERLINK(\"http://evil.example\",\"click\")" }));
    const sources = fig.body.filter((b: any) => b.purpose === "linking");
    expect(sources.map((s: any) => [s.type, s.source, s["sanad:stance"]])).toEqual([
      ["SpecificResource", "https://un.example/report?a=1,b=2", "refutes"],
      ["SpecificResource", "http://archive.example/x", "context"],
    ]);
    expect(fig.target.source).toBe("https://news.example/ar/1");

    const quote = fig.target.selector.find((s: any) => s.type === "TextQuoteSelector");
    const position = fig.target.selector.find((s: any) => s.type === "TextPositionSelector");
    expect(quote.exact).toBe("التحالف حرر 7.7 مليون شخص");
    expect(BODY_AR.includes(quote.prefix + quote.exact + quote.suffix)).toBe(true);
    expect(quote.prefix.length).toBeGreaterThan(0);
    // Code points, not UTF-16 units: the emoji before the claim counts once.
    const utf16 = span(BODY_AR, quote.exact);
    expect(position.start).toBe(utf16.start - 1);
    expect(position.end).toBe(utf16.end - 1);
    expect(Array.from(BODY_AR).slice(position.start, position.end).join("")).toBe(quote.exact);

    // An article with no astral characters: code points and UTF-16 indices agree; no URL → Sanad's page.
    const en = items.find((a) => a.id.includes(d.claims.english.id));
    const enPos = en.target.selector.find((s: any) => s.type === "TextPositionSelector");
    expect([enPos.start, enPos.end]).toEqual(Object.values(span(BODY_EN, "4,000 schools reopened in 2023")));
    expect(en.target.source).toBe(`${BASE}/articles/${d.enId}`);

    const unverifiable = items.find((a) => a.id.includes(d.claims.formula.id));
    expect(unverifiable.body[0]).toMatchObject({ value: "Unverifiable", "sanad:rating": "unverifiable" });
  });

  it("counts code points after several astral characters and inside a long article", async () => {
    const project = await makeProject();
    const { actor } = await makeUser();
    await addMember(project.id, actor.id, "editor");
    const body = "𝟕 ملايين 👩‍👩‍👧 " + "نص عادي. ".repeat(500) + "🇸🇾 الرقم الأخير 42 بالمئة.";
    const articleId = await unsafeCreateArticle({ projectId: project.id, createdById: actor.id, input: { title: "astral", body } });
    const target = "الرقم الأخير 42 بالمئة";
    const c = await createClaim({ actor, articleId, input: span(body, target) });
    await adjudicateClaim({ actor, claimId: c.id, rating: "4", note: "ok" });
    const doc = JSON.parse(await exportText("webannotation", { projectId: project.id }));
    const pos = doc.first.items[0].target.selector.find((s: any) => s.type === "TextPositionSelector");
    expect(Array.from(body).slice(pos.start, pos.end).join("")).toBe(target);
    // 𝟕, three people, the flag's two regional indicators: 6 astral code points before the claim.
    expect(span(body, target).start - pos.start).toBe(6);
  });
});

describe("authorization", () => {
  it("lets editors export; reviewers are forbidden and outsiders told the project does not exist", async () => {
    const d = await deskWithClaims();
    const outsider = await makeUser();
    const allowed = await exportProject({ actor: d.editor.actor, format: "jsonl", filter: { projectId: d.project.id, status: "verified" }, baseUrl: BASE });
    expect(jsonLines(await new Response(allowed).text())).toHaveLength(3);
    const forbidden = await exportProject({ actor: d.r1.actor, format: "jsonl", filter: { projectId: d.project.id, status: "verified" }, baseUrl: BASE }).catch((e) => e);
    expect(forbidden).toMatchObject({ code: "forbidden" });
    const hidden = await exportProject({ actor: outsider.actor, format: "jsonl", filter: { projectId: d.project.id, status: "verified" }, baseUrl: BASE }).catch((e) => e);
    expect(hidden).toMatchObject({ code: "not_found" });
  });
});

describe("the export command", () => {
  it("writes each format to a file, and refuses an unknown format without writing anything", async () => {
    const d = await deskWithClaims();
    const dir = mkdtempSync(path.join(os.tmpdir(), "sanad-export-"));
    for (const format of ["jsonl", "csv", "claimreview", "webannotation"]) {
      const out = path.join(dir, `out.${format}`);
      expect(await runCli(["export", "--project", d.project.name, "--format", format, "--out", out])).toBe(0);
      expect(readFileSync(out).length).toBeGreaterThan(100);
    }
    expect(jsonLines(readFileSync(path.join(dir, "out.jsonl"), "utf8"))).toHaveLength(3);
    expect(JSON.parse(readFileSync(path.join(dir, "out.claimreview"), "utf8"))).toHaveLength(3);

    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      const bad = path.join(dir, "bad.xml");
      expect(await runCli(["export", "--project", d.project.id, "--format", "xml", "--out", bad])).not.toBe(0);
      expect(String(stderr.mock.calls.map((c) => c[0]).join(""))).toMatch(/format/);
      expect(existsSync(bad)).toBe(false);
      expect(await runCli(["export", "--project", "no such project", "--format", "csv", "--out", bad])).not.toBe(0);
      expect(readdirSync(dir).filter((f) => f.startsWith("bad"))).toEqual([]);
    } finally {
      stderr.mockRestore();
    }
  });
});

// V8 can be asked for a full collection from inside a test, so heap samples measure what is
// retained rather than what the collector has not yet reached.
v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

describe("a large export", () => {
  it("streams 20,000 verified claims with flat memory, its first bytes before the rest is read", { timeout: 120_000 }, async () => {
    const project = await makeProject();
    const { user } = await makeUser({ name: "Editor" });
    await addMember(project.id, user.id, "editor");
    const filler = "نص عربي طويل يكرر نفسه ليملأ الذاكرة إن خزنها المصدر كلها. ";
    const body = ("قال المسؤول إن 7.7 مليون شخص تحرروا. " + filler).repeat(20);
    const article = await db.article.create({
      data: { projectId: project.id, title: "big", body, language: "ar", direction: "rtl", contentHash: unique("h"), createdById: user.id },
    });
    const N = 20_000;
    const note = filler.repeat(8); // ~500 characters, three times per claim (note, editor's note, rationale)
    // Generated inside PostgreSQL, so the test's own allocations stay out of the measurement.
    const prefix = unique("big").replace(/-/g, "");
    await db.$executeRaw`
      INSERT INTO claims (id, project_id, article_id, start, "end", text, prefix, suffix, sentence_indexes, kind, note,
                          quantity_value, quantity_kind, status, created_by_id, updated_at, verified_at)
      SELECT ${prefix} || lpad(g::text, 8, '0'), ${project.id}, ${article.id}, 15, 24, '7.7 مليون', 'قال المسؤول إن ', ' شخص تحرروا.', '{0}', 'figure',
             g::text || ' ' || ${note}, 7700000, 'count', 'verified', ${user.id}, now(), '2024-06-01T00:00:00Z'
      FROM generate_series(1, ${N}) AS g`;
    await db.$executeRaw`
      INSERT INTO adjudications (id, claim_id, editor_id, rating, note)
      SELECT 'a' || id, id, ${user.id}, '2', ${note} FROM claims WHERE project_id = ${project.id}`;
    await db.$executeRaw`
      INSERT INTO verdicts (id, claim_id, reviewer_id, rating, rationale, updated_at)
      SELECT 'v' || id, id, ${user.id}, '2', ${note}, now() FROM claims WHERE project_id = ${project.id}`;
    expect(await db.claim.count({ where: { projectId: project.id, status: "verified" } })).toBe(N);

    for (const format of ["jsonl", "webannotation"] as const) {
      gc();
      const baseline = process.memoryUsage();
      const stream = await unsafeExportStream({ format, filter: { projectId: project.id, status: "verified" }, baseUrl: BASE });
      const reader = stream.getReader();
      const decoder = new TextDecoder();
      let bytes = 0;
      let records = 0;
      let recordsInFirstChunk = -1;
      let chunks = 0;
      let peakHeap = 0;
      let peakRss = baseline.rss;
      let rssAtThird = 0;
      let tail = "";
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks++;
        bytes += value.byteLength;
        const text = decoder.decode(value, { stream: true });
        const inChunk = format === "jsonl" ? text.split("\n").length - 1 : (text.match(/"motivation":"assessing"/g) ?? []).length;
        records += inChunk;
        if (recordsInFirstChunk < 0) recordsInFirstChunk = inChunk;
        tail = text.slice(-50);
        gc();
        const m = process.memoryUsage();
        peakHeap = Math.max(peakHeap, m.heapUsed - baseline.heapUsed);
        peakRss = Math.max(peakRss, m.rss);
        if (records >= N / 3 && rssAtThird === 0) rssAtThird = m.rss;
      }
      console.log(`${format}: ${(bytes / 2 ** 20).toFixed(1)} MiB in ${chunks} chunks; retained heap growth ${(peakHeap / 2 ** 20).toFixed(1)} MiB; rss ${(baseline.rss / 2 ** 20).toFixed(0)}, ${(rssAtThird / 2 ** 20).toFixed(0)} at a third, peak ${(peakRss / 2 ** 20).toFixed(0)} MiB`);
      expect(records).toBe(N);
      // Far more text went through than the bounds below: an exporter that gathered it all would break them.
      expect(bytes).toBeGreaterThan(25 * 1024 * 1024);
      expect(chunks).toBeGreaterThan(10);
      // The first chunk came with at most a small first batch: the rest had not been read yet.
      expect(recordsInFirstChunk).toBeLessThanOrEqual(100);
      expect(peakHeap).toBeLessThan(30 * 1024 * 1024);
      // The process grows while the first batches warm things up, then stays level.
      expect(rssAtThird).toBeGreaterThan(0);
      expect(peakRss - rssAtThird).toBeLessThan(50 * 1024 * 1024);
      expect(peakRss).toBeLessThan(500 * 1024 * 1024);
      if (format === "webannotation") expect(tail).toMatch(/\]\}\}\n$/);
    }
  });
});
