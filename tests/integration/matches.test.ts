import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createArticle } from "@/lib/articles/create-article";
import { createClaim } from "@/lib/claims/create-claim";
import { adjudicateClaim } from "@/lib/review/adjudicate-claim";
import { addSource } from "@/lib/claims/add-source";
import { importFactChecks, type ItemReport } from "@/lib/fact-checks/import-fact-checks";
import { itemsOf } from "@/lib/fact-checks/claim-review";
import { findClaimMatches, findSuggestionMatches } from "@/lib/search/find-matches";
import { search } from "@/lib/search/search";
import { searchQuerySchema } from "@/lib/validation/search";
import type { Actor } from "@/lib/auth/session";
import { makeDesk } from "../factories";

// Sentences written for these tests.
const AR_BODY = "قال مسؤول في الوكالة إن 7.7 مليون شخص يحتاجون إلى مساعدات غذائية هذا الشتاء. وأضاف أن الطرق مغلقة.";
const EN_BODY = "A relief official said 7.7 million people need food assistance this winter. The roads remain closed.";
const EN_OTHER = "Aid groups warned that 7.7 million people will need food assistance this winter, the official said.";

const span = (body: string, text: string) => {
  const start = body.indexOf(text);
  if (start < 0) throw new Error(`"${text}" is not in the body`);
  return { start, end: start + text.length };
};

async function article(actor: Actor, projectId: string, title: string, body: string, language: "ar" | "en") {
  return createArticle({ actor, projectId, input: { title, body, language } });
}

const claimReview = (url: string, claim: string, extra: Record<string, unknown> = {}) => ({
  "@context": "https://schema.org",
  "@type": "ClaimReview",
  url,
  claimReviewed: claim,
  datePublished: "2026-10-02",
  author: { "@type": "Organization", name: "Example Checks", url: "https://checks.example/" },
  reviewRating: { "@type": "Rating", ratingValue: 2, bestRating: 5, worstRating: 1, alternateName: "Mostly false" },
  itemReviewed: { "@type": "Claim", author: { "@type": "Person", name: "A spokesperson" } },
  ...extra,
});

async function importDoc(actor: Actor, projectId: string, doc: unknown) {
  const items: ItemReport[] = [];
  const summary = await importFactChecks({ actor, projectId, items: itemsOf(doc).map((value, index) => ({ index, value })), report: (r) => items.push(r) });
  return { summary, items };
}

describe("checked before", () => {
  it("finds the same figure across languages, with its verdict, sources and article", async () => {
    const d = await makeDesk();
    const ar = await article(d.reviewer.actor, d.project.id, "مساعدات الشتاء", AR_BODY, "ar");
    const earlier = await createClaim({ actor: d.reviewer.actor, articleId: ar, input: span(AR_BODY, "7.7 مليون شخص") });
    await addSource({ actor: d.reviewer.actor, claimId: earlier.id, input: { url: "https://agency.example/report", title: "Agency report", stance: "supports" } });
    await adjudicateClaim({ actor: d.editor.actor, claimId: earlier.id, rating: "4", note: "The agency's figure, rounded." });

    const en = await article(d.reviewer.actor, d.project.id, "Winter aid", EN_BODY, "en");
    const fresh = await createClaim({ actor: d.reviewer.actor, articleId: en, input: span(EN_BODY, "7.7 million people") });
    const { items, complete } = await findClaimMatches({ actor: d.reviewer.actor, claimId: fresh.id });
    expect(complete).toBe(true);
    expect(items.map((m) => m.id)).toEqual([earlier.id]);
    expect(items[0]).toMatchObject({
      type: "claim",
      reasons: [{ kind: "figure", figure: "7,700,000 people" }],
      status: "verified",
      finalRating: "4",
      label: "Mostly true",
      sameProject: true,
      linked: false,
      article: { id: ar, title: "مساعدات الشتاء" },
      sources: [{ url: "https://agency.example/report" }],
    });
    // A different figure does not match; the outsider cannot ask.
    const other = await article(d.reviewer.actor, d.project.id, "Other", "Officials said 7 million people were counted in the census.", "en");
    const seven = await createClaim({ actor: d.reviewer.actor, articleId: other, input: { start: 15, end: 31 } });
    expect((await findClaimMatches({ actor: d.reviewer.actor, claimId: seven.id })).items.some((m) => m.reasons.some((r) => r.kind === "figure"))).toBe(false);
    await expect(findClaimMatches({ actor: d.outsider.actor, claimId: fresh.id })).rejects.toMatchObject({ code: "not_found" });
  });

  it("finds nearly the same wording, and never another desk's claims", async () => {
    const d = await makeDesk();
    const a = await article(d.reviewer.actor, d.project.id, "One", EN_BODY, "en");
    const b = await article(d.reviewer.actor, d.project.id, "Two", EN_OTHER, "en");
    const first = await createClaim({ actor: d.reviewer.actor, articleId: a, input: span(EN_BODY, "7.7 million people need food assistance this winter") });
    // The outsider's desk holds the very same sentence.
    const theirs = await article(d.outsider.actor, d.other.id, "Theirs", EN_BODY, "en");
    const foreign = await createClaim({ actor: d.outsider.actor, articleId: theirs, input: span(EN_BODY, "7.7 million people need food assistance this winter") });
    const second = await createClaim({ actor: d.reviewer.actor, articleId: b, input: span(EN_OTHER, "7.7 million people will need food assistance this winter") });
    const { items } = await findClaimMatches({ actor: d.reviewer.actor, claimId: second.id });
    expect(items.map((m) => m.id)).toEqual([first.id]);
    const text = items[0].reasons.find((r) => r.kind === "text");
    expect(text && text.kind === "text" && text.similarity).toBeGreaterThan(0.5);
    expect(items.map((m) => m.id)).not.toContain(foreign.id);
  });

  it("finds wording through shared neighbouring words, whatever quotes or backslashes the text holds, and not from shared words alone", async () => {
    const d = await makeDesk();
    // Sentences written for this test; the quotes and backslash are tsquery syntax if unescaped.
    const one = "The mayor's office said O'Brien\\'s bridge \"repairs\" will close the river road until spring.";
    const two = "Officials said O'Brien\\'s bridge \"repairs\" will close the river road until the spring.";
    // Most of the same words in another order: no pair of neighbours in common.
    const shuffled = "Until spring, the road by the river will close; repairs to the bridge, said the office of mayor Brien.";
    const a = await article(d.reviewer.actor, d.project.id, "A", one, "en");
    const b = await article(d.reviewer.actor, d.project.id, "B", two, "en");
    const c = await article(d.reviewer.actor, d.project.id, "C", shuffled, "en");
    const first = await createClaim({ actor: d.reviewer.actor, articleId: a, input: { start: 0, end: one.length } });
    await createClaim({ actor: d.reviewer.actor, articleId: c, input: { start: 0, end: shuffled.length } });
    const second = await createClaim({ actor: d.reviewer.actor, articleId: b, input: { start: 0, end: two.length } });
    const { items, complete } = await findClaimMatches({ actor: d.reviewer.actor, claimId: second.id });
    expect(complete).toBe(true);
    expect(items.map((m) => m.id)).toEqual([first.id]);
    expect(items[0].reasons).toEqual([{ kind: "text", similarity: expect.any(Number) }]);
  });

  it("matches a new claim to an imported ClaimReview by its figure, and the fact-check is searchable", async () => {
    const d = await makeDesk();
    const { summary, items } = await importDoc(d.editor.actor, d.project.id, {
      "@context": "https://schema.org",
      "@graph": [
        claimReview("https://checks.example/winter-aid", "An official said 7.7 million people need food aid this winter."),
        claimReview("https://checks.example/winter-aid", "The same URL again."),
        claimReview("https://checks.example/no-rating", "Schools reopened in 40 districts.", { reviewRating: undefined }),
        { "@type": "ClaimReview", claimReviewed: "No URL here." },
        { "@type": "Organization", name: "Example Checks" },
        claimReview("javascript:alert(1)", "A bad URL."),
      ],
    });
    expect(summary).toMatchObject({ items: 6, stored: 1, partial: 1, duplicate: 1, invalid: 2, skipped: 1 });
    expect(items.find((i) => i.index === 2)).toMatchObject({ status: "partial", reasons: ["reviewRating is missing"] });
    expect(items.find((i) => i.index === 3)).toMatchObject({ status: "invalid", reasons: ["url is missing"] });
    const stored = await db.referenceFactCheck.findFirstOrThrow({ where: { url: "https://checks.example/winter-aid" }, include: { figures: true } });
    expect(stored).toMatchObject({ ratingValue: 2, bestRating: 5, worstRating: 1, ratingLabel: "Mostly false", authorName: "Example Checks", claimant: "A spokesperson", language: "en" });
    expect(stored.figures.map((f) => [f.value, f.kind, f.unit])).toEqual([[7_700_000, "count", "people"]]);
    // Importing again stores nothing twice.
    const again = await importDoc(d.editor.actor, d.project.id, [claimReview("https://checks.example/winter-aid", "Again.")]);
    expect(again.summary).toMatchObject({ stored: 0, duplicate: 1 });
    expect(await db.referenceFactCheck.count({ where: { projectId: d.project.id } })).toBe(2);

    const ar = await article(d.reviewer.actor, d.project.id, "مساعدات", AR_BODY, "ar");
    const claim = await createClaim({ actor: d.reviewer.actor, articleId: ar, input: span(AR_BODY, "7.7 مليون شخص") });
    const matches = (await findClaimMatches({ actor: d.reviewer.actor, claimId: claim.id })).items;
    expect(matches[0]).toMatchObject({
      type: "fact-check",
      id: stored.id,
      external: true,
      label: "Mostly false",
      reasons: [{ kind: "figure", figure: "7,700,000 people" }],
      factCheck: { url: "https://checks.example/winter-aid", author: "Example Checks" },
    });
    // The suggestion for the same figure finds it too.
    const suggestion = await db.suggestion.findFirstOrThrow({ where: { articleId: ar, type: "claim" } });
    expect((await findSuggestionMatches({ actor: d.reviewer.actor, suggestionId: suggestion.id })).items.map((m) => m.id)).toContain(stored.id);

    const hits = await search({ actor: d.reviewer.actor, query: searchQuerySchema.parse({ q: "food aid", type: "fact-checks" }) });
    expect(hits.items.map((h) => h.id)).toEqual([stored.id]);
    expect(hits.items[0]).toMatchObject({ external: true, url: "https://checks.example/winter-aid", finalRatingLabel: "Mostly false" });
    // An outsider sees none of it.
    expect((await search({ actor: d.outsider.actor, query: searchQuerySchema.parse({ q: "food aid" }) })).items).toEqual([]);
  });

  it("lets editors only import, and writes an audit row with the rows", async () => {
    const d = await makeDesk();
    await expect(importDoc(d.reviewer.actor, d.project.id, [claimReview("https://checks.example/x", "A claim.")])).rejects.toMatchObject({ code: "forbidden" });
    await expect(importDoc(d.outsider.actor, d.project.id, [claimReview("https://checks.example/x", "A claim.")])).rejects.toMatchObject({ code: "not_found" });
    await importDoc(d.editor.actor, d.project.id, [claimReview("https://checks.example/x", "A claim.")]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entity: "fact-check", projectId: d.project.id } });
    expect(audit).toMatchObject({ action: "import", actorId: d.editor.user.id });
  });
});

describe("sanad fact-checks import", () => {
  it("streams a file of 20,000 items, reports the bad ones, and stores each URL once", async () => {
    const d = await makeDesk();
    const dir = mkdtempSync(path.join(os.tmpdir(), "sanad-fc-"));
    const file = path.join(dir, "feed.json");
    const items = Array.from({ length: 20_000 }, (_, i) =>
      i === 5 ? { "@type": "ClaimReview", claimReviewed: "no url" } : claimReview(`https://checks.example/item/${i % 19_990}`, `Claim number ${i} says ${i + 100} families moved.`),
    );
    writeFileSync(file, JSON.stringify(items));
    const r = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/sanad.ts", "fact-checks", "import", "--project", d.project.id, file], {
      env: { ...process.env, NODE_OPTIONS: "--max-old-space-size=200" },
      encoding: "utf8",
      timeout: 300_000,
    });
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("20000 items: 19990 stored, 0 partial, 9 duplicates, 1 invalid, 0 skipped");
    expect(r.stdout).toContain("item 5: invalid: url is missing");
    expect(r.status).toBe(1);
    expect(await db.referenceFactCheck.count({ where: { projectId: d.project.id } })).toBe(19_990);

    // The imported fact-checks are searchable from the command line too.
    const found = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/sanad.ts", "search", "--project", d.project.id, "--type", "fact-checks", "--limit", "3", "Claim number 12345"], {
      env: { ...process.env },
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(found.status).toBe(0);
    expect(found.stdout).toMatch(/^fact-check \S+ \(Mostly false, external\) · Example Checks$/m);
    expect(found.stdout).toContain("[Claim] [number] [12345] says");

    writeFileSync(file, "this is not json");
    const bad = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/sanad.ts", "fact-checks", "import", "--project", d.project.id, file], { encoding: "utf8", env: { ...process.env } });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/not a JSON array or object/);
  });
});
