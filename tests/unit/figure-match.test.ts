import { describe, expect, it } from "vitest";
import { analyze } from "@/lib/text";
import { describeFigure, figuresMatch } from "@/lib/search/figure-match";
import { foldText } from "@/lib/search/fold";

const figure = (text: string) => {
  const q = analyze(text).quantities[0];
  return { value: q.value, kind: q.kind, unit: q.unit ?? null, qualifier: q.qualifier ?? null };
};

describe("figuresMatch", () => {
  it("matches one figure across Arabic and English", () => {
    expect(figuresMatch(figure("قال إن 7.7 مليون شخص بحاجة إلى المساعدة"), figure("He said 7.7 million people need help"))).toBe(true);
    expect(describeFigure(figure("7.7 million people need help"))).toBe("7,700,000 people");
  });
  it("matches within rounding and within bounds, not beyond", () => {
    const f = (value: number, qualifier: string | null = null) => ({ value, kind: "count", unit: "people", qualifier });
    expect(figuresMatch(f(7_700_000), f(7_712_000))).toBe(true);
    expect(figuresMatch(f(7_700_000), f(7_000_000))).toBe(false);
    expect(figuresMatch(f(3_000_000, "over"), f(3_200_000))).toBe(true);
    expect(figuresMatch(f(3_000_000, "over"), f(2_500_000))).toBe(false);
    expect(figuresMatch(f(45), f(46))).toBe(false);
  });
  it("needs the same measure", () => {
    expect(figuresMatch({ value: 32, kind: "percent", unit: "%" }, { value: 32, kind: "count", unit: null })).toBe(false);
    expect(figuresMatch({ value: 5, kind: "measure", unit: "km" }, { value: 5, kind: "measure", unit: "hectares" })).toBe(false);
    expect(figuresMatch({ value: 2014, kind: "date", unit: "yyyy" }, { value: 2014, kind: "date", unit: "yyyy" })).toBe(false);
  });
});

describe("foldText", () => {
  it("folds hamza, alef maqsura, ta marbuta, diacritics, tatweel, digits and the article", () => {
    expect(foldText("الحصيلة")).toBe("حصيله");
    expect(foldText("للأطفال")).toBe("اطفال");
    expect(foldText("إلى مُستشفـى")).toBe("الي مستشفي");
    expect(foldText("١٢٠ و۱۲۰ و٣٫٥")).toBe("120 و120 و3.5");
    expect(foldText("The Children")).toBe("the children");
  });
});
