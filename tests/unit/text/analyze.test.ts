import { describe, expect, it } from "vitest";
import { analyze, detectLanguage, directionOf, formatReport } from "../../../lib/text";

describe("detectLanguage and directionOf", () => {
  it("tells Arabic from English", () => {
    expect(detectLanguage("قال المتحدث إن 7 ملايين شخص تحرروا")).toBe("ar");
    expect(detectLanguage("The spokesman said 7 million people were freed")).toBe("en");
    expect(detectLanguage("قال مسؤول في UNHCR إن الوضع صعب")).toBe("ar");
    expect(detectLanguage("")).toBe("ar");
  });

  it("gives the writing direction of a language tag", () => {
    expect(directionOf("ar")).toBe("rtl");
    expect(directionOf("ar-SY")).toBe("rtl");
    expect(directionOf("fa")).toBe("rtl");
    expect(directionOf("en")).toBe("ltr");
    expect(directionOf("en-GB")).toBe("ltr");
    expect(directionOf("")).toBe("ltr");
  });
});

describe("analyze", () => {
  it("returns the JSON shape of analyze --json", () => {
    const r = analyze("غمرت الفيضانات 2.4 مليون هكتار. وقالت الوزارة إن المساحة 4.2 مليون هكتار؟");
    expect(Object.keys(r)).toEqual(["language", "direction", "sentences", "quantities", "discrepancies"]);
    expect(r.language).toBe("ar");
    expect(r.direction).toBe("rtl");
    expect(Object.keys(r.sentences[0] ?? {})).toEqual(["index", "start", "end", "text"]);
    const q = r.quantities[0];
    expect(q).toMatchObject({ text: "2.4 مليون هكتار", value: 2_400_000, kind: "measure", unit: "hectares", sentence: 0 });
    expect(q?.frame).toMatchObject({ measure: "amount", family: "measure:hectares", bound: "exact", scope: { part: false, place: null } });
    expect(r.discrepancies).toEqual([
      {
        a: 0,
        b: 1,
        reason: expect.stringContaining("2,400,000 hectares"),
        type: "conflict",
        measure: "amount",
        sources: [null, "الوزارة"],
        bounds: ["exact", "exact"],
        difference: { absolute: 1_800_000, relative: 0.4286 },
      },
    ]);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it("uses a given language and falls back to detection", () => {
    expect(analyze("Hello there.", { language: "ar" }).direction).toBe("rtl");
    expect(analyze("Hello there.", { language: "auto" }).language).toBe("en");
    expect(analyze("Hello there.", { language: "not a tag!" }).language).toBe("en");
    expect(analyze("Hello there.", { language: undefined }).language).toBe("en");
  });
});

describe("formatReport", () => {
  const r = analyze("التحالف: حررنا 7 ملايين شخص\n\nFacebook\n\nوقال: حررنا 7.7 مليون شخصا.");

  it("numbers sentences, brackets figures and lists contradictions", () => {
    const report = formatReport(r);
    expect(report).toContain("1. التحالف: حررنا ⟦7 ملايين شخص⟧");
    expect(report).toContain("2. [boilerplate] Facebook");
    expect(report).toContain("3. وقال: حررنا ⟦7.7 مليون شخصا⟧.");
    expect(report).toContain("#1 vs #2: headline: 7 ملايين شخص (7,000,000 people); sentence 3: 7.7 مليون شخصا (7,700,000 people)");
  });

  it("uses ANSI colours when asked", () => {
    const report = formatReport(r, { color: true });
    expect(report).toContain("\u001b[1;33m7 ملايين شخص\u001b[0m");
    expect(report).not.toContain("⟦");
  });

  it("says so when there is nothing to report", () => {
    expect(formatReport(analyze(""))).toContain("Contradictions: none found");
  });
});

describe("formatReport: frames and updates", () => {
  it("shows each figure's frame and lists updates apart from contradictions", () => {
    const report = formatReport(analyze("ارتفعت حصيلة ضحايا الفيضانات إلى 57 قتيلا. وكانت السلطات قد أعلنت في وقت سابق مقتل 39 شخصا."));
    expect(report).toContain("Contradictions: 0   Updates: 1");
    expect(report).toContain("{deaths, latest}");
    expect(report).toContain("{deaths, earlier, per السلطات}");
    expect(report).toContain("Updates (earlier figure -> later figure):\n  #2 -> #1: update:");
    expect(report).toContain("Contradictions: none found");
  });
});
