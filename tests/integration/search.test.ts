import { describe, expect, it } from "vitest";
import pg from "pg";
import { db } from "@/lib/db";
import { createArticle } from "@/lib/articles/create-article";
import { createClaim } from "@/lib/claims/create-claim";
import { adjudicateClaim } from "@/lib/review/adjudicate-claim";
import { AppError } from "@/lib/errors";
import { foldText } from "@/lib/search/fold";
import { search } from "@/lib/search/search";
import { searchQuerySchema } from "@/lib/validation/search";
import type { Actor } from "@/lib/auth/session";
import { makeDesk } from "../factories";

// Our own sentences, written for these tests.
const AR_BODY = "أعلنت الوزارة أن الحصيلة ارتفعت إلى ١٢٠ قتيلاً بينهم ٤٥ طفلاً. وقالت إن الأطفال نُقلوا إلى مستشفى المدينة.";
const EN_BODY = "The ministry said 7.7 million people need food aid this winter. Officials expect the children to return to school in March.";

const q = (input: Record<string, unknown>) => searchQuerySchema.parse(input);
const span = (body: string, text: string) => {
  const start = body.indexOf(text);
  if (start < 0) throw new Error(`"${text}" is not in the body`);
  return { start, end: start + text.length };
};

async function archive() {
  const d = await makeDesk();
  const ar = await createArticle({ actor: d.reviewer.actor, projectId: d.project.id, input: { title: "حصيلة جديدة", body: AR_BODY, language: "ar", outlet: "صحيفة المثال" } });
  const en = await createArticle({ actor: d.reviewer.actor, projectId: d.project.id, input: { title: "Winter aid", body: EN_BODY, language: "en" } });
  const arClaim = await createClaim({ actor: d.reviewer.actor, articleId: ar, input: span(AR_BODY, "الحصيلة ارتفعت إلى ١٢٠ قتيلاً") });
  const enClaim = await createClaim({ actor: d.reviewer.actor, articleId: en, input: span(EN_BODY, "7.7 million people need food aid") });
  // The outsider's desk holds the same words.
  const theirs = await createArticle({ actor: d.outsider.actor, projectId: d.other.id, input: { title: "حصيلة أخرى", body: AR_BODY, language: "ar" } });
  await createClaim({ actor: d.outsider.actor, articleId: theirs, input: span(AR_BODY, "الحصيلة ارتفعت إلى ١٢٠ قتيلاً") });
  return { d, ar, en, arClaim, enClaim };
}

const ids = (r: { items: { id: string }[] }) => r.items.map((i) => i.id);

describe("search", () => {
  it("folds Arabic and digits the same in TypeScript and in PostgreSQL", async () => {
    const samples = ["الحصيلة للأطفال والأطفال بالحصيلة", "إلى مستشفى ١٢٣ ۴۵ ٣٫٥ مُحَمَّـد", "ألف أطفال", "MIXED Case العربية 7.7", "كالبحر فالأمر وبالأمس"];
    const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await c.connect();
    try {
      for (const s of samples) {
        const { rows } = await c.query("SELECT sanad_fold($1) AS f", [s]);
        expect(foldText(s)).toBe(rows[0].f);
      }
    } finally {
      await c.end();
    }
    expect(foldText("الحصيلة")).toBe("حصيله");
    expect(foldText("٤٥ و۴۵")).toBe("45 و45");
  });

  it("matches Arabic words across article, hamza, ta marbuta and diacritics", async () => {
    const { d, ar, arClaim } = await archive();
    const me = d.editor.actor;
    for (const word of ["حصيلة", "الحصيلة", "الحصيله", "أطفال", "الأطفال", "اطفال", "مستشفي"]) {
      const r = await search({ actor: me, query: q({ q: word, type: "articles" }) });
      expect(ids(r), word).toEqual([ar]);
    }
    const claims = await search({ actor: me, query: q({ q: "حصيلة", type: "claims" }) });
    expect(ids(claims)).toEqual([arClaim.id]);
    expect(claims.items[0]).toMatchObject({ type: "claim", status: "open", title: "حصيلة جديدة", outlet: "صحيفة المثال", articleId: ar });
    expect(claims.items[0].snippet.some((p) => p.hit)).toBe(true);
  });

  it("folds Arabic-Indic and Persian digits to Western ones on both sides", async () => {
    const { d, ar } = await archive();
    for (const n of ["120", "١٢٠", "۱۲۰"]) {
      expect(ids(await search({ actor: d.editor.actor, query: q({ q: n, type: "articles" }) })), n).toEqual([ar]);
    }
  });

  it("stems English, reads phrases and exclusions", async () => {
    const { d, en } = await archive();
    const me = d.editor.actor;
    expect(ids(await search({ actor: me, query: q({ q: "official returning", type: "articles" }) }))).toEqual([en]);
    expect(ids(await search({ actor: me, query: q({ q: '"food aid"', type: "articles" }) }))).toEqual([en]);
    expect(ids(await search({ actor: me, query: q({ q: '"aid food"', type: "articles" }) }))).toEqual([]);
    expect(ids(await search({ actor: me, query: q({ q: "aid -winter", type: "articles" }) }))).toEqual([]);
    expect(ids(await search({ actor: me, query: q({ q: "aid -summer", type: "articles" }) }))).toEqual([en]);
  });

  it("shows only the caller's projects: an outsider finds nothing of this desk", async () => {
    const { d, ar } = await archive();
    const mine = await search({ actor: d.editor.actor, query: q({ q: "حصيلة" }) });
    expect(mine.items.every((i) => i.projectId === d.project.id)).toBe(true);
    expect(ids(mine)).toContain(ar);
    const theirs = await search({ actor: d.outsider.actor, query: q({ q: "حصيلة" }) });
    expect(theirs.items.length).toBeGreaterThan(0);
    expect(theirs.items.every((i) => i.projectId === d.other.id)).toBe(true);
    // Naming a project one is not in is a 404, as everywhere.
    await expect(search({ actor: d.outsider.actor, query: q({ q: "حصيلة", projectId: d.project.id }) })).rejects.toMatchObject({ code: "not_found" });
    const stranger: Actor = { ...d.admin.actor };
    expect((await search({ actor: stranger, query: q({ q: "حصيلة" }) })).items).toEqual([]);
  });

  it("filters claims by status and final rating and pages with a cursor", async () => {
    const { d, arClaim, enClaim } = await archive();
    await db.claim.update({ where: { id: enClaim.id }, data: { status: "disputed" } });
    await adjudicateClaim({ actor: d.editor.actor, claimId: enClaim.id, rating: "2", note: "The agency's own figure is lower." });
    const me = d.editor.actor;
    const verified = await search({ actor: me, query: q({ q: "million", status: "verified" }) });
    expect(ids(verified)).toEqual([enClaim.id]);
    expect(verified.items[0]).toMatchObject({ finalRating: "2", finalRatingLabel: "Mostly false" });
    expect(ids(await search({ actor: me, query: q({ q: "million", rating: "5" }) }))).toEqual([]);
    expect(ids(await search({ actor: me, query: q({ q: "حصيلة", status: "open" }) }))).toEqual([arClaim.id]);
    const first = await search({ actor: me, query: q({ q: "حصيلة", limit: "1" }) });
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    const second = await search({ actor: me, query: q({ q: "حصيلة", limit: "1", cursor: first.nextCursor }) });
    expect(second.items).toHaveLength(1);
    expect(second.items[0].id).not.toBe(first.items[0].id);
  });

  it("treats hostile queries as text: no error, no operator injection", async () => {
    const { d } = await archive();
    const me = d.editor.actor;
    for (const text of ["&|!:*()", "'; DROP TABLE claims; --", "حصيلة') | ('x", "!!!", "a:* & b", "\\", "<->", "''", "—"]) {
      const r = await search({ actor: me, query: q({ q: text }) });
      expect(Array.isArray(r.items), text).toBe(true);
    }
    expect((await search({ actor: me, query: q({ q: "&|!:*()" }) })).items).toEqual([]);
    expect(await db.claim.count()).toBeGreaterThan(0);
    for (const bad of ["", "   ", "x".repeat(10_000), "a\u0000b", "\ud800x"]) {
      expect(searchQuerySchema.safeParse({ q: bad }).success, JSON.stringify(bad.slice(0, 20))).toBe(false);
    }
    await expect(search({ actor: me, query: q({ q: "-only" }) })).rejects.toBeInstanceOf(AppError);
    await expect(search({ actor: me, query: q({ q: "x", cursor: "garbage" }) })).rejects.toMatchObject({ code: "invalid_input" });
  });
});
