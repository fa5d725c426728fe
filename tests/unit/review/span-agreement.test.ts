import { describe, expect, it } from "vitest";
import { pairwiseSpanAgreement, spanF1, type Span } from "@/lib/review/span-agreement";

const s = (start: number, end: number): Span => ({ start, end });

describe("spanF1", () => {
  // Reference a: [0,10) [20,30) [40,50); b: [0,10) [20,31) [60,70).
  const a = [s(0, 10), s(20, 30), s(40, 50)];
  const b = [s(0, 10), s(20, 31), s(60, 70)];

  it("exact mode needs the same start and end", () => {
    // Only [0,10) matches: P = 1/3, R = 1/3, F1 = 2·1 / (3 + 3) = 1/3.
    expect(spanF1(a, b, "exact")).toEqual({ precision: 1 / 3, recall: 1 / 3, f1: 1 / 3, matched: 1 });
  });

  it("overlap mode accepts any shared character", () => {
    // [0,10)~[0,10) and [20,30)~[20,31) match; [40,50) and [60,70) do not: F1 = 2·2 / 6 = 2/3.
    expect(spanF1(a, b, "overlap")).toEqual({ precision: 2 / 3, recall: 2 / 3, f1: 2 / 3, matched: 2 });
  });

  it("does not let one span match two", () => {
    // a [0,20) against b [0,10) [10,20): one match. P = 1/2, R = 1/1, F1 = 2·1 / (1 + 2) = 2/3.
    expect(spanF1([s(0, 20)], [s(0, 10), s(10, 20)], "overlap")).toEqual({ precision: 0.5, recall: 1, f1: 2 / 3, matched: 1 });
  });

  it("pairs by largest overlap first, not by list order", () => {
    // a1 [0,10), a2 [8,12); b1 [5,15), b2 [0,6).
    // Overlaps: a1·b1 = 5, a1·b2 = 6, a2·b1 = 4, a2·b2 = 0.
    // Largest first: a1–b2 (6), then a2–b1 (4) → 2 matches. Pairing in list order (a1–b1) would strand a2.
    expect(spanF1([s(0, 10), s(8, 12)], [s(5, 15), s(0, 6)], "overlap").matched).toBe(2);
  });

  it("on equal overlap, prefers the tighter pair", () => {
    // a1 [0,10), a2 [10,15); b1 [5,15), b2 [0,5). Every overlapping pair shares 5 characters.
    // Unions: a1·b1 = 15, a1·b2 = 10, a2·b1 = 10 → a1–b2 and a2–b1 go first: 2 matches instead of 1.
    expect(spanF1([s(0, 10), s(10, 15)], [s(5, 15), s(0, 5)], "overlap").matched).toBe(2);
  });

  it("does not count touching spans as overlapping", () => {
    expect(spanF1([s(0, 5)], [s(5, 9)], "overlap")).toEqual({ precision: 0, recall: 0, f1: 0, matched: 0 });
  });

  it("matches duplicated exact spans only as many times as both sides have them", () => {
    // a has [0,5) twice, b once: P = 1, R = 1/2, F1 = 2·1 / 3.
    expect(spanF1([s(0, 5), s(0, 5)], [s(0, 5)], "exact")).toEqual({ precision: 1, recall: 0.5, f1: 2 / 3, matched: 1 });
  });

  it("treats a as the reference: swapping sides swaps precision and recall", () => {
    const forward = spanF1([s(0, 20)], [s(0, 10), s(10, 20)], "overlap");
    const backward = spanF1([s(0, 10), s(10, 20)], [s(0, 20)], "overlap");
    expect(backward.precision).toBe(forward.recall);
    expect(backward.recall).toBe(forward.precision);
    expect(backward.f1).toBe(forward.f1);
  });

  it("is 1 for identical sets", () => {
    expect(spanF1(a, [...a].reverse(), "exact")).toEqual({ precision: 1, recall: 1, f1: 1, matched: 3 });
    expect(spanF1(a, [...a].reverse(), "overlap")).toEqual({ precision: 1, recall: 1, f1: 1, matched: 3 });
  });

  it("is null for two empty sets and 0 when only one side is empty", () => {
    for (const mode of ["exact", "overlap"] as const) {
      expect(spanF1([], [], mode)).toEqual({ precision: null, recall: null, f1: null, matched: 0 });
      expect(spanF1([s(0, 5)], [], mode)).toEqual({ precision: null, recall: 0, f1: 0, matched: 0 });
      expect(spanF1([], [s(0, 5)], mode)).toEqual({ precision: 0, recall: null, f1: 0, matched: 0 });
    }
  });

  it("accepts claim-shaped objects", () => {
    const claims = [{ id: "c1", start: 3, end: 9, text: "x" }];
    expect(spanF1(claims, [s(3, 9)], "exact").f1).toBe(1);
  });
});

describe("pairwiseSpanAgreement", () => {
  it("scores every rater pair, a < b, including raters who marked nothing", () => {
    const pairs = pairwiseSpanAgreement({
      noor: [s(0, 10), s(20, 31)],
      amal: [s(0, 10), s(20, 30), s(40, 50)],
      zaid: [],
    });
    expect(pairs).toEqual([
      // amal vs noor: exact 1 match → 2·1 / 5 = 0.4; overlap 2 matches → 2·2 / 5 = 0.8.
      { a: "amal", b: "noor", exactF1: 0.4, overlapF1: 0.8 },
      { a: "amal", b: "zaid", exactF1: 0, overlapF1: 0 },
      { a: "noor", b: "zaid", exactF1: 0, overlapF1: 0 },
    ]);
  });

  it("gives null F1 when both raters marked nothing, and no pairs for fewer than two raters", () => {
    expect(pairwiseSpanAgreement({ a: [], b: [] })).toEqual([{ a: "a", b: "b", exactF1: null, overlapF1: null }]);
    expect(pairwiseSpanAgreement({ a: [s(0, 1)] })).toEqual([]);
    expect(pairwiseSpanAgreement({})).toEqual([]);
  });
});
