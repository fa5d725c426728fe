import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import ar from "@/lib/i18n/messages/ar/workspace.json";
import en from "@/lib/i18n/messages/en/workspace.json";
import { isDiscrepancy, phraseDiscrepancy, piecesText, type DiscrepancyData, type Translate } from "@/components/workspace/discrepancy-text";

const tr = (locale: "ar" | "en"): Translate => {
  const t = createTranslator({ locale, messages: { workspace: locale === "ar" ? ar : en }, namespace: "workspace" });
  return (key, values) => (t as unknown as Translate)(key, values);
};

const conflict: DiscrepancyData = { a: 0, b: 1, type: "conflict", measure: "deaths", sources: ["Reuters quoting the mayor", null], bounds: ["exact", "at-least"] };
const update: DiscrepancyData = { a: 2, b: 3, type: "update", measure: "deaths", sources: [null, null], bounds: ["exact", "exact"], from: 2, to: 3 };
const figures = ["12", "30", "20", "27"];
const figure = (i: number) => figures[i];

describe("phrasing a stored discrepancy", () => {
  it("phrases a conflict with its sources and bounds in English", () => {
    expect(piecesText(phraseDiscrepancy(tr("en"), conflict, figure))).toBe("deaths: Reuters quoting the mayor: 12; the article: at least 30");
  });

  it("phrases a conflict in Arabic with the bound after the number and an Arabic semicolon", () => {
    const ar = { ...conflict, sources: ["رويترز نقلا عن رئيس البلدية", "وكالة أخرى"] as [string, string] };
    expect(piecesText(phraseDiscrepancy(tr("ar"), ar, figure))).toBe("القتلى: رويترز نقلا عن رئيس البلدية: 12؛ وكالة أخرى: 30 على الأقل");
  });

  it("phrases an update as earlier and now in both languages", () => {
    expect(piecesText(phraseDiscrepancy(tr("en"), update, figure))).toBe("deaths: earlier 20, now 27");
    expect(piecesText(phraseDiscrepancy(tr("ar"), update, figure))).toBe("القتلى: سابقاً 20، الآن 27");
  });

  it("translates the other bounds and keeps a noun measure as written", () => {
    const d: DiscrepancyData = { a: 0, b: 1, type: "conflict", measure: "noun:meal", sources: [null, "UNICEF"], bounds: ["about", "more-than"] };
    expect(piecesText(phraseDiscrepancy(tr("en"), d, figure))).toBe("meal: the article: about 12; UNICEF: more than 30");
    expect(piecesText(phraseDiscrepancy(tr("ar"), { ...d, bounds: ["nearly", "up-to"] }, figure))).toBe("meal: نص المقال: قرابة 12؛ UNICEF: حتى 30");
  });

  it("isolates the article's figures, sources and nouns, and only those", () => {
    const pieces = phraseDiscrepancy(tr("ar"), { ...conflict, measure: "noun:meal", sources: ["Reuters", null] }, figure);
    expect(pieces.filter((p) => p.isolate).map((p) => p.text)).toEqual(["meal", "Reuters", "12", "30"]);
    expect(pieces.filter((p) => !p.isolate).every((p) => !/[A-Za-z0-9]/.test(p.text))).toBe(true);
  });

  it("shows a figure that is not at hand as an ellipsis", () => {
    expect(piecesText(phraseDiscrepancy(tr("en"), conflict, () => undefined))).toBe("deaths: Reuters quoting the mayor: …; the article: at least …");
  });

  it("recognises stored details and refuses anything else", () => {
    expect(isDiscrepancy({ ...conflict, reason: "x", difference: { absolute: 18, relative: 0.6 } })).toBe(true);
    expect(isDiscrepancy({ kind: "figure", frame: null, conflicts: [], updates: [], updatedBy: [] })).toBe(false);
    expect(isDiscrepancy(null)).toBe(false);
    expect(isDiscrepancy({ ...conflict, sources: ["x"] })).toBe(false);
  });
});
