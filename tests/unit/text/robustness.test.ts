// Bad input never crashes or hangs, and every offset the analysis returns is exact and
// whole-character, whatever the text.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { analyze, extractQuantities, findDiscrepancies, formatReport, isSafeOffset, segmentSentences, type AnalysisResult } from "../../../lib/text";

const seed = readFileSync(fileURLToPath(new URL("../../fixtures/sy24-coalition.txt", import.meta.url)), "utf8");

function checkInvariants(input: string, r: AnalysisResult): void {
  let lastEnd = 0;
  r.sentences.forEach((s, i) => {
    expect(s.index).toBe(i);
    expect(s.start).toBeGreaterThanOrEqual(lastEnd);
    expect(s.end).toBeGreaterThan(s.start);
    expect(input.slice(s.start, s.end)).toBe(s.text);
    expect(s.text.trim()).toBe(s.text);
    expect(isSafeOffset(input, s.start)).toBe(true);
    expect(isSafeOffset(input, s.end)).toBe(true);
    lastEnd = s.end;
  });
  for (const q of r.quantities) {
    expect(input.slice(q.start, q.end)).toBe(q.text);
    expect(isSafeOffset(input, q.start)).toBe(true);
    expect(isSafeOffset(input, q.end)).toBe(true);
    expect(Number.isFinite(q.value)).toBe(true);
    const s = r.sentences[q.sentence];
    expect(s).toBeDefined();
    expect(q.start).toBeGreaterThanOrEqual(s?.start ?? -1);
    expect(q.end).toBeLessThanOrEqual(s?.end ?? -1);
    expect(s?.boilerplate).not.toBe(true);
  }
  for (const d of r.discrepancies) {
    expect(d.a).toBeLessThan(d.b);
    expect(r.quantities[d.a]).toBeDefined();
    expect(r.quantities[d.b]).toBeDefined();
  }
}

describe("bad input", () => {
  const cases: [string, string][] = [
    ["empty", ""],
    ["whitespace", " \t\n\r\n\u00a0\u2028\u2029\u3000 "],
    ["NUL bytes", "\u0000\u0000قتل 5 أشخاص\u0000. \u0000"],
    ["lone surrogates", "\uD800قتل 5 أشخاص.\uDC00 \uDBFF\uD800 7\uDC00 people.\uD800"],
    ["bidi overrides", "\u202Eقتل 5 أشخاص\u202C. \u2067He said 7 people died.\u2069 \u200F12 مليون\u200E"],
    ["only punctuation", "!!!...؟؟؟ … ، ؛ . . ."],
    ["only digits", "1234567890 ١٢٣٤٥٦٧٨٩٠ 3.14.15.92 1,2,3,4 9".repeat(3)],
    ["huge number", "9".repeat(400) + " شخص و 1e308 و " + "1,".repeat(200) + "000"],
    ["emoji", "😀😀 45 قتيلا 👍🏽12 people 🇸🇾."],
  ];
  for (const [name, input] of cases) {
    it(`survives ${name}`, () => {
      const r = analyze(input);
      checkInvariants(input, r);
      expect(typeof formatReport(r)).toBe("string");
    });
  }

  it("returns empty results for empty and blank text", () => {
    for (const input of ["", "   ", "\n\n\n"]) {
      const r = analyze(input);
      expect(r.sentences).toEqual([]);
      expect(r.quantities).toEqual([]);
      expect(r.discrepancies).toEqual([]);
    }
  });

  it("tolerates sentences and quantities that do not belong to the text", () => {
    const text = "قتل 5 أشخاص. وقال آخرون إن 7 أشخاص قتلوا.";
    const bogus = [{ index: 0, start: -4, end: 900, text: "x" }, { index: 1, start: 5, end: 2, text: "" }];
    expect(extractQuantities(text, bogus)).toEqual([]);
    const q = extractQuantities(text);
    expect(findDiscrepancies(text, q, [])).toHaveLength(1);
    expect(findDiscrepancies("short", q, segmentSentences("short"))).toEqual([]);
  });

  it("shows bidi controls visibly in the report", () => {
    const report = formatReport(analyze("\u202Eقتل 5 أشخاص."));
    expect(report).toContain("⟨U+202E⟩");
    expect(report).not.toContain("\u202E");
  });
});

describe("random text", () => {
  const pieces = [
    "قتل", " ", "5", "٧٫٧", "110.000", " مليون ", " ألف ", "شخص", ".", "؟", "!", "…", "\n", "\n\n", "“", "”", "»", "«",
    "😀", "🇸🇾", "\uD800", "\uDC00", "\u202E", "\u0000", "د.", "U.S.", "Mr.", "$", "%", "٪", "،", "https://x.y/1?2", "a@b.c",
    "أيلول", " 2014", "1,500", "-", "/", ":", "SY24", "COVID-19", "No.", " ", "\t", "ـ", "و", "ب", "4.2", "bn",
  ];
  it("keeps every invariant on 500 random texts", () => {
    let seed = 12345;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    for (let round = 0; round < 500; round++) {
      let s = "";
      const n = Math.floor(rand() * 60);
      for (let k = 0; k < n; k++) s += pieces[Math.floor(rand() * pieces.length)];
      checkInvariants(s, analyze(s));
    }
  });

  it("keeps every invariant on random slices of the seed article", () => {
    for (let round = 0; round < 200; round++) {
      const a = Math.floor(Math.random() * seed.length);
      const b = a + Math.floor(Math.random() * (seed.length - a));
      const s = seed.slice(a, b);
      checkInvariants(s, analyze(s));
    }
  });
});

describe("long input", () => {
  it("analyses 1 MB on one line correctly", () => {
    const line = seed.split(/\n+/).join(" ");
    let input = "";
    while (input.length < 1_000_000) input += line + " ";
    const r = analyze(input);
    checkInvariants(input, r);
    const copies = Math.round(input.length / (line.length + 1));
    expect(r.quantities.filter((q) => q.text === "7.7 مليون شخصا")).toHaveLength(copies);
    expect(r.sentences.length).toBeGreaterThan(copies * 10);
    expect(r.discrepancies.length).toBeGreaterThan(0);
  });

  it("analyses 1 MB with no line break and no stop as one sentence", () => {
    const input = "كلمة ".repeat(200_000) + "و7 ملايين شخص";
    const r = analyze(input);
    expect(r.sentences).toHaveLength(1);
    expect(r.quantities.map((q) => q.text)).toEqual(["7 ملايين شخص"]);
  });

  it("analyses pathological runs without quadratic behaviour", () => {
    for (const input of ["a.".repeat(200_000), "1.".repeat(200_000), "@".repeat(200_000), "مليون ".repeat(50_000), " ".repeat(500_000) + "x."]) {
      const r = analyze(input);
      checkInvariants(input, r);
    }
  });
});
