import { describe, expect, it } from "vitest";
import { isSafeOffset, quoteSelector, toCodePointOffset } from "../../../lib/text";

const HIGH = (s: string, i: number) => {
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff;
};
const LOW = (s: string, i: number) => {
  const c = s.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
};

describe("toCodePointOffset", () => {
  it("counts code points before a UTF-16 index", () => {
    const s = "a😀b٧";
    expect(toCodePointOffset(s, 0)).toBe(0);
    expect(toCodePointOffset(s, 1)).toBe(1);
    expect(toCodePointOffset(s, 3)).toBe(2);
    expect(toCodePointOffset(s, 4)).toBe(3);
    expect(toCodePointOffset(s, 5)).toBe(4);
    expect(toCodePointOffset(s, s.length)).toBe([...s].length);
  });

  it("counts a split pair's first half as one and clamps out-of-range indexes", () => {
    const s = "😀x";
    expect(toCodePointOffset(s, 1)).toBe(1);
    expect(toCodePointOffset(s, -5)).toBe(0);
    expect(toCodePointOffset(s, 99)).toBe(2);
    expect(toCodePointOffset(s, Number.NaN)).toBe(0);
  });

  it("agrees with Array.from on random text", () => {
    const alphabet = ["a", "ب", "😀", "🇸🇾", "\uD800", "\uDC00", "\u202E", "٣", " "];
    for (let round = 0; round < 200; round++) {
      let s = "";
      for (let k = 0; k < 20; k++) s += alphabet[Math.floor(Math.random() * alphabet.length)];
      for (let i = 0; i <= s.length; i++) {
        if (!isSafeOffset(s, i)) continue;
        expect(toCodePointOffset(s, i)).toBe(Array.from(s.slice(0, i)).length);
      }
    }
  });
});

describe("isSafeOffset", () => {
  it("is false inside a surrogate pair and outside the text", () => {
    const s = "a😀b";
    expect([0, 1, 2, 3, 4].map((i) => isSafeOffset(s, i))).toEqual([true, true, false, true, true]);
    expect(isSafeOffset(s, -1)).toBe(false);
    expect(isSafeOffset(s, 5)).toBe(false);
    expect(isSafeOffset(s, 1.5)).toBe(false);
  });

  it("is true next to lone surrogates", () => {
    expect(isSafeOffset("\uD800x", 1)).toBe(true);
    expect(isSafeOffset("x\uDC00", 1)).toBe(true);
  });
});

describe("quoteSelector", () => {
  it("quotes the span with context", () => {
    const s = "حررنا 7 ملايين شخص من داعش";
    const start = s.indexOf("7");
    const end = start + "7 ملايين شخص".length;
    expect(quoteSelector(s, start, end, 6)).toEqual({ exact: "7 ملايين شخص", prefix: "حررنا ", suffix: " من دا" });
    expect(quoteSelector(s, start, end).prefix).toBe("حررنا ");
  });

  it("never splits a surrogate pair in prefix or suffix", () => {
    const s = "😀😀😀abc😀😀😀";
    for (let ctx = 0; ctx < 8; ctx++) {
      const q = quoteSelector(s, 6, 9, ctx);
      expect(q.exact).toBe("abc");
      expect(q.prefix.length === 0 || !LOW(q.prefix, 0)).toBe(true);
      expect(q.suffix.length === 0 || !HIGH(q.suffix, q.suffix.length - 1)).toBe(true);
      expect(s.endsWith(q.suffix + "") || s.includes("abc" + q.suffix)).toBe(true);
    }
  });

  it("holds for random spans of random text", () => {
    const alphabet = ["a", "ب", "😀", "👍🏽", " ", "٫"];
    for (let round = 0; round < 300; round++) {
      let s = "";
      for (let k = 0; k < 30; k++) s += alphabet[Math.floor(Math.random() * alphabet.length)];
      const safe: number[] = [];
      for (let i = 0; i <= s.length; i++) if (isSafeOffset(s, i)) safe.push(i);
      const a = safe[Math.floor(Math.random() * safe.length)] ?? 0;
      const b = safe[Math.floor(Math.random() * safe.length)] ?? 0;
      const [start, end] = a <= b ? [a, b] : [b, a];
      const q = quoteSelector(s, start, end, Math.floor(Math.random() * 10));
      expect(q.exact).toBe(s.slice(start, end));
      expect(s.slice(start - q.prefix.length, start)).toBe(q.prefix);
      expect(s.slice(end, end + q.suffix.length)).toBe(q.suffix);
      expect(isSafeOffset(s, start - q.prefix.length)).toBe(true);
      expect(isSafeOffset(s, end + q.suffix.length)).toBe(true);
    }
  });

  it("widens an offset that splits a pair instead of quoting half a character", () => {
    const s = "x😀y";
    const q = quoteSelector(s, 2, 4, 1);
    expect(q.exact).toBe("😀y");
    expect(q.prefix).toBe("x");
  });

  it("copes with reversed, out-of-range and empty spans", () => {
    expect(quoteSelector("abc", 5, -1, 2)).toEqual({ exact: "abc", prefix: "", suffix: "" });
    expect(quoteSelector("", 0, 0)).toEqual({ exact: "", prefix: "", suffix: "" });
  });
});
