import { describe, expect, it } from "vitest";
import {
  agreementSummary,
  cohenKappa,
  krippendorffAlpha,
  pairwiseAgreement,
  percentAgreement,
  type Ratings,
} from "@/lib/review/agreement";

/** Builds items from one row per rater; "." marks a missing rating, as in Krippendorff's tables. */
function fromRows(rows: Record<string, string[]>): Ratings {
  const length = Math.max(...Object.values(rows).map((row) => row.length));
  return Array.from({ length }, (_, unit) => {
    const item: Record<string, string> = {};
    for (const [rater, row] of Object.entries(rows)) if (row[unit] !== undefined && row[unit] !== ".") item[rater] = row[unit];
    return item;
  });
}

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers, 12 units, missing data.
const krippendorff = fromRows({
  A: "1 2 3 3 2 1 4 1 2 . . .".split(" "),
  B: "1 2 3 3 2 2 4 1 2 5 . 3".split(" "),
  C: ". 3 3 3 2 3 4 2 2 5 1 .".split(" "),
  D: "1 2 3 3 2 4 4 1 2 5 1 .".split(" "),
});

// Six claims, two raters.
//   A: 1 1 2 2 3 3
//   B: 1 1 2 3 3 3
const sixClaims = fromRows({
  A: ["1", "1", "2", "2", "3", "3"],
  B: ["1", "1", "2", "3", "3", "3"],
});

describe("cohenKappa", () => {
  it("matches the hand computation on six claims", () => {
    // Agreement on claims 1, 2, 3, 5, 6: po = 5/6.
    // Marginals A: 1→2, 2→2, 3→2; B: 1→2, 2→1, 3→3 (of 6 each).
    // pe = (2·2 + 2·1 + 2·3) / 36 = 12/36 = 1/3.
    // kappa = (5/6 − 1/3) / (1 − 1/3) = (1/2) / (2/3) = 3/4.
    expect(cohenKappa(sixClaims)).toBeCloseTo(0.75, 12);
  });

  it("matches the published yes/no example (Wikipedia, Cohen's kappa: 50 proposals)", () => {
    // Both yes 20, both no 15, A yes/B no 5, A no/B yes 10.
    // po = 35/50 = 0.7; A yes 25/50, B yes 30/50; pe = 0.5·0.6 + 0.5·0.4 = 0.5; kappa = (0.7 − 0.5) / 0.5 = 0.4.
    const items: Ratings = [
      ...Array.from({ length: 20 }, () => ({ A: "5", B: "5" })),
      ...Array.from({ length: 15 }, () => ({ A: "1", B: "1" })),
      ...Array.from({ length: 5 }, () => ({ A: "5", B: "1" })),
      ...Array.from({ length: 10 }, () => ({ A: "1", B: "5" })),
    ];
    expect(cohenKappa(items)).toBeCloseTo(0.4, 12);
  });

  it("treats \"unverifiable\" as a category of its own", () => {
    // A: unv unv 1 2; B: unv 1 1 2. po = 3/4.
    // Marginals A: unv 2, 1→1, 2→1; B: unv 1, 1→2, 2→1. pe·16 = 2·1 + 1·2 + 1·1 = 5.
    // kappa = (4·3 − 5) / (16 − 5) = 7/11.
    const items = fromRows({ A: ["unverifiable", "unverifiable", "1", "2"], B: ["unverifiable", "1", "1", "2"] });
    expect(cohenKappa(items)).toBeCloseTo(7 / 11, 12);
    // The label carries no meaning beyond being distinct: renaming it changes nothing.
    const renamed = fromRows({ A: ["x", "x", "1", "2"], B: ["x", "1", "1", "2"] });
    expect(cohenKappa(renamed)).toBe(cohenKappa(items));
  });

  it("is null for more than two raters (Krippendorff's four observers)", () => {
    expect(cohenKappa(krippendorff)).toBeNull();
  });

  it("ignores items only one rater rated, even by a third rater", () => {
    expect(cohenKappa([...sixClaims, { C: "4" }, { A: "5" }])).toBeCloseTo(0.75, 12);
  });

  it("is -1 under total disagreement on two balanced categories", () => {
    // po = 0; marginals 1→1, 2→1 on both sides; pe = 1/2; kappa = (0 − 1/2) / (1/2) = −1.
    expect(cohenKappa(fromRows({ A: ["1", "2"], B: ["2", "1"] }))).toBe(-1);
  });

  it("is 1 under perfect agreement across several categories", () => {
    expect(cohenKappa(fromRows({ A: ["1", "3", "unverifiable"], B: ["1", "3", "unverifiable"] }))).toBe(1);
  });

  it("is null when both raters used one and the same category throughout (pe = 1)", () => {
    expect(cohenKappa(fromRows({ A: ["4", "4", "4"], B: ["4", "4", "4"] }))).toBeNull();
  });

  it("is null with no co-rated items", () => {
    expect(cohenKappa([])).toBeNull();
    expect(cohenKappa([{ A: "1" }, { B: "1" }])).toBeNull();
  });
});

describe("krippendorffAlpha", () => {
  it("reproduces the published nominal alpha 0.743 for Krippendorff's four-observer example", () => {
    // Unit 12 has a single value and is not pairable; n = 40 pairable values,
    // n_1 = 9, n_2 = 13, n_3 = 10, n_4 = 5, n_5 = 3, so sum_{c≠k} n_c n_k = 40² − 384 = 1216.
    // Off-diagonal coincidences: unit 2 (2,2,3,2) → 6/3 = 2; unit 6 (1,2,3,4) → 12/3 = 4; unit 8 (1,1,2,1) → 2.
    // alpha = 1 − 39 · 8 / 1216 = 0.74342...
    const alpha = krippendorffAlpha(krippendorff);
    expect(alpha).not.toBeNull();
    expect(Number(alpha!.toFixed(3))).toBe(0.743);
    expect(alpha).toBeCloseTo(1 - (39 * 8) / 1216, 12);
  });

  it("matches the hand computation on six claims", () => {
    // n = 12; n_1 = 4, n_2 = 3, n_3 = 5; sum_{c≠k} n_c n_k = 144 − 50 = 94.
    // Only claim 4 disagrees: o_23 + o_32 = 2 / (2 − 1) = 2.
    // alpha = 1 − 11 · 2 / 94 = 36/47.
    expect(krippendorffAlpha(sixClaims)).toBeCloseTo(36 / 47, 12);
  });

  it("is negative under systematic disagreement", () => {
    // n = 4, n_1 = n_2 = 2, expected 16 − 8 = 8; each unit contributes 2; alpha = 1 − 3 · 4 / 8 = −0.5.
    expect(krippendorffAlpha(fromRows({ A: ["1", "2"], B: ["2", "1"] }))).toBeCloseTo(-0.5, 12);
  });

  it("is 1 under perfect agreement across several categories, with missing ratings", () => {
    const items: Ratings = [{ A: "1", B: "1", C: "1" }, { A: "unverifiable", C: "unverifiable" }, { B: "5", C: "5" }, { A: "2" }];
    expect(krippendorffAlpha(items)).toBe(1);
  });

  it("is null when a single category is used overall, and when nothing is pairable", () => {
    expect(krippendorffAlpha([{ A: "3", B: "3" }, { A: "3", C: "3" }])).toBeNull();
    expect(krippendorffAlpha([])).toBeNull();
    expect(krippendorffAlpha([{ A: "1" }, { B: "2" }, {}])).toBeNull();
  });
});

describe("percentAgreement", () => {
  it("averages the share of agreeing ordered pairs per item", () => {
    // {1,1,2}: 2 of 6 ordered pairs agree → 1/3; {1,1}: 1; mean = 2/3.
    expect(percentAgreement([{ A: "1", B: "1", C: "2" }, { A: "1", B: "1" }])).toBeCloseTo(2 / 3, 12);
  });

  it("gives 9/11 on Krippendorff's example", () => {
    // Units 2 and 8 (three of four alike): 6/12 = 1/2 each; unit 6 (all differ): 0; eight other units: 1.
    expect(percentAgreement(krippendorff)).toBeCloseTo(9 / 11, 12);
  });

  it("is 0 under total disagreement and 1 under perfect agreement", () => {
    expect(percentAgreement(fromRows({ A: ["1", "2"], B: ["2", "1"] }))).toBe(0);
    expect(percentAgreement(fromRows({ A: ["4", "4"], B: ["4", "4"] }))).toBe(1);
  });

  it("is null when no item is rated twice", () => {
    expect(percentAgreement([])).toBeNull();
    expect(percentAgreement([{ A: "1" }, { B: "unverifiable" }])).toBeNull();
  });

  it("treats null or empty ratings as missing", () => {
    const items = [{ A: "1", B: "" }, { A: "2", B: null }] as unknown as Ratings;
    expect(percentAgreement(items)).toBeNull();
    expect(agreementSummary(items).raters).toBe(0);
  });
});

describe("agreementSummary", () => {
  it("counts only items rated at least twice and the raters on them", () => {
    expect(agreementSummary(krippendorff)).toEqual({
      raters: 4,
      items: 11,
      percentAgreement: expect.closeTo(9 / 11, 12),
      cohenKappa: null,
      krippendorffAlpha: expect.closeTo(0.7434, 4),
    });
  });

  it("has cohenKappa exactly when two raters are counted", () => {
    const summary = agreementSummary([...sixClaims, { C: "1" }]);
    expect(summary.raters).toBe(2);
    expect(summary.items).toBe(6);
    expect(summary.cohenKappa).toBeCloseTo(0.75, 12);
  });

  it("is all null on empty input and on single ratings", () => {
    const empty = { raters: 0, items: 0, percentAgreement: null, cohenKappa: null, krippendorffAlpha: null };
    expect(agreementSummary([])).toEqual(empty);
    expect(agreementSummary([{ A: "1" }, { B: "2" }, {}])).toEqual(empty);
  });

  it("reports a single shared category as full agreement with undefined chance-corrected scores", () => {
    expect(agreementSummary(fromRows({ A: ["2", "2"], B: ["2", "2"] }))).toEqual({
      raters: 2,
      items: 2,
      percentAgreement: 1,
      cohenKappa: null,
      krippendorffAlpha: null,
    });
  });
});

describe("pairwiseAgreement", () => {
  it("covers every co-rating pair in order, on the items both rated", () => {
    const pairs = pairwiseAgreement(krippendorff);
    expect(pairs.map((p) => [p.a, p.b, p.items])).toEqual([
      ["A", "B", 9],
      ["A", "C", 8],
      ["A", "D", 9],
      ["B", "C", 9],
      ["B", "D", 10],
      ["C", "D", 10],
    ]);
    // A vs B, units 1–9: they differ only on unit 6 → 8/9.
    // Marginals A: 1→3, 2→3, 3→2, 4→1; B: 1→2, 2→4, 3→2, 4→1; chance·81 = 6 + 12 + 4 + 1 = 23.
    // kappa = (9·8 − 23) / (81 − 23) = 49/58.
    expect(pairs[0].percentAgreement).toBeCloseTo(8 / 9, 12);
    expect(pairs[0].cohenKappa).toBeCloseTo(49 / 58, 12);
    // A vs C, units 2–9: A 2 3 3 2 1 4 1 2, C 3 3 3 2 3 4 2 2 → agree on 5 of 8.
    expect(pairs[1].percentAgreement).toBeCloseTo(5 / 8, 12);
  });

  it("agrees with cohenKappa on a two-rater data set", () => {
    expect(pairwiseAgreement(sixClaims)).toEqual([
      { a: "A", b: "B", items: 6, percentAgreement: expect.closeTo(5 / 6, 12), cohenKappa: expect.closeTo(0.75, 12) },
    ]);
  });

  it("orders rater ids by code unit and skips pairs that never co-rated", () => {
    const pairs = pairwiseAgreement([{ b: "1", a: "1" }, { Z: "2", b: "3" }, { c: "4" }]);
    expect(pairs).toEqual([
      { a: "Z", b: "b", items: 1, percentAgreement: 0, cohenKappa: expect.any(Number) },
      { a: "a", b: "b", items: 1, percentAgreement: 1, cohenKappa: null },
    ]);
    // One item, two different categories: po = 0, pe = 0 → kappa = 0.
    expect(pairs[0].cohenKappa).toBe(0);
  });

  it("is empty without co-rated items", () => {
    expect(pairwiseAgreement([])).toEqual([]);
    expect(pairwiseAgreement([{ A: "1" }, { B: "1" }])).toEqual([]);
  });
});
