// The export encoders' pure parts: code points in one walk, JSON safe inside a page, CSV cells
// a spreadsheet shows rather than runs.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { toCodePointOffset, toCodePointOffsets } from "@/lib/text/offsets";
import { embeddableJson, neutralizeCell } from "@/lib/export/formats";

const byArray = (s: string, i: number) => Array.from(s.slice(0, i)).length;

describe("toCodePointOffsets", () => {
  it("counts emoji, joined emoji, flags and mathematical letters as the code points they are", () => {
    const s = "a😀b 𝐀𝐁 👩‍👩‍👧 🇸🇾 end";
    const all = Array.from({ length: s.length + 1 }, (_, i) => i);
    const got = toCodePointOffsets(s, all);
    for (const i of all) expect(got.get(i)).toBe(toCodePointOffset(s, i));
    // Between whole characters it is exactly the count of characters before.
    for (const i of all.filter((i) => !/[\uDC00-\uDFFF]/.test(s[i] ?? ""))) expect(got.get(i)).toBe(byArray(s, i));
    expect(got.get(s.indexOf("b"))).toBe(2);
    expect(got.get(s.indexOf("end"))).toBe(Array.from(s).indexOf("e", 3));
  });

  it("gives what toCodePointOffset gives for any text and any indices, in any order, repeated or out of range", () => {
    const text = fc.array(fc.oneof(fc.constantFrom("a", "ب", " ", "😀", "𝐀", "\uD800", "\uDC00", "‍"), fc.string({ maxLength: 3 })), { maxLength: 40 }).map((a) => a.join(""));
    fc.assert(
      fc.property(text, fc.array(fc.integer({ min: -3, max: 130 }), { maxLength: 20 }), (s, indices) => {
        const got = toCodePointOffsets(s, indices);
        for (const i of indices) expect(got.get(i)).toBe(toCodePointOffset(s, i));
      }),
    );
  });

  it("converts the offsets of thousands of claims on a long article, all of them right", () => {
    // 2 MB of text, an astral character every few words, and 5,000 claims spread over it.
    const unit = "قال 𝟕 شهود إن 😀 المدينة ";
    const body = unit.repeat(Math.ceil(2_000_000 / unit.length));
    const starts: number[] = [];
    for (let k = 0; k < 5000; k++) starts.push(Math.floor((k * body.length) / 5000 / unit.length) * unit.length + 4);
    const indices = starts.flatMap((st) => [st, st + 3]);
    const got = toCodePointOffsets(body, indices);
    const cpPerUnit = Array.from(unit).length;
    for (const st of starts) {
      const units = st / unit.length - 4 / unit.length;
      const expected = Math.round(units) * cpPerUnit + 4;
      expect(got.get(st)).toBe(expected);
      expect(got.get(st + 3)).toBe(expected + 2); // "𝟕 " after "قال ": one code point, then a space
    }
    // A sample against the plain per-offset count.
    for (const i of indices.filter((_, k) => k % 997 === 0)) expect(got.get(i)).toBe(toCodePointOffset(body, i));
  });
});

describe("embeddableJson", () => {
  it("writes < > & as escapes and parses back to the same value", () => {
    const value = { note: "</script><script>alert(1)</script> & <!-- -->", nested: ["a>b", { "<k>": "&amp;" }], n: 1 };
    const text = embeddableJson(value);
    expect(text).not.toMatch(/[<>&]/);
    expect(text).toContain("\\u003c/script\\u003e");
    expect(text).toContain("\\u0026");
    expect(JSON.parse(text)).toEqual(value);
  });
  it("round-trips any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(JSON.parse(embeddableJson(v))).toEqual(JSON.parse(JSON.stringify(v)));
      }),
    );
  });
});

describe("neutralizeCell", () => {
  it("prefixes cells a spreadsheet could run, including after white space, full-width signs, zero-width characters and a BOM", () => {
    const risky = ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "\n=1", " =1", "＝1+1", "＋1", "－1", "＠A1", "\u200B=1", "\u200C=1", "\u200D=1", "\u2060=1", "\uFEFF=1", "\uFEFF+cmd"];
    for (const cell of risky) expect(neutralizeCell(cell)).toBe(`'${cell}`);
  });
  it("leaves ordinary text alone", () => {
    for (const cell of ["Mostly false", "قال المتحدث", "7.7 million", "", "a=b", "'quoted"]) expect(neutralizeCell(cell)).toBe(cell);
  });
});
