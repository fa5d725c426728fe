import { describe, expect, it } from "vitest";
import { moveEdge, sentencesSpan, snapToWords, tidySpan } from "@/components/workspace/span";
import { actionFor, KEYS } from "@/components/workspace/keys";
import { defaultClaimKind, holdsFigure } from "@/lib/claims/kind";

const at = (text: string, part: string) => ({ start: text.indexOf(part), end: text.indexOf(part) + part.length });
const slice = (text: string, s: { start: number; end: number } | null) => (s ? text.slice(s.start, s.end) : null);

describe("spans in whole words", () => {
  const en = "The council said 7.7 million people were reached in spring.";
  const ar = "قالت الهيئة إن 7 ملايين شخص تلقوا المساعدة هذا العام.";

  it("snaps a selection that cuts words to the whole words", () => {
    expect(slice(en, snapToWords(en, { start: en.indexOf("ouncil"), end: en.indexOf("said") + 2 }))).toBe("council said");
    expect(slice(en, snapToWords(en, { start: en.indexOf("7.7") + 2, end: en.indexOf("million") + 3 }))).toBe("7.7 million");
    expect(slice(ar, snapToWords(ar, { start: ar.indexOf("لايين"), end: ar.indexOf("شخص") + 1 }))).toBe("ملايين شخص");
  });

  it("trims whitespace and keeps emoji whole", () => {
    const text = "Aid 👍🏽 arrived";
    const mid = text.indexOf("👍") + 1; // inside the surrogate pair
    const s = tidySpan(text, { start: mid, end: text.length });
    expect(s!.start).toBe(text.indexOf("👍"));
    expect(tidySpan(text, { start: 3, end: 4 })).toBeNull();
  });

  it("moves an edge word by word, never to nothing", () => {
    const s = at(en, "7.7 million");
    expect(slice(en, moveEdge(en, s, "end", true))).toBe("7.7 million people");
    expect(slice(en, moveEdge(en, s, "end", false))).toBe("7.7");
    expect(slice(en, moveEdge(en, s, "start", true))).toBe("said 7.7 million");
    expect(slice(en, moveEdge(en, s, "start", false))).toBe("million");
    const one = at(en, "council");
    expect(moveEdge(en, one, "end", false)).toEqual(one);
    const a = at(ar, "7 ملايين");
    expect(slice(ar, moveEdge(ar, a, "end", true))).toBe("7 ملايين شخص");
  });

  it("widens a figure to its whole sentence", () => {
    const text = "First one. Then 12 boats sank near the coast. Last.";
    const sentences = [{ start: 0, end: 11 }, { start: 11, end: 46 }, { start: 46, end: text.length }];
    expect(slice(text, sentencesSpan(text, sentences, at(text, "12")))).toBe("Then 12 boats sank near the coast.");
  });
});

describe("the key table", () => {
  const press = (code: string, key: string, mods: Partial<{ shiftKey: boolean; ctrlKey: boolean; altKey: boolean; metaKey: boolean }> = {}) =>
    actionFor({ code, key, shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, ...mods });

  it("matches physical keys, so an Arabic layout works", () => {
    expect(press("KeyJ", "ت")).toBe("nextSentence");
    expect(press("KeyA", "ش")).toBe("accept");
    expect(press("KeyD", "ي")).toBe("dismiss");
    expect(press("Slash", "؟", { shiftKey: true })).toBe("help");
    expect(press("KeyJ", "j", { ctrlKey: true })).toBeNull();
    expect(press("KeyQ", "ض")).toBeNull();
  });

  it("has one binding a key and an action", () => {
    expect(new Set(KEYS.map((k) => k.code + k.shift)).size).toBe(KEYS.length);
    expect(new Set(KEYS.map((k) => k.action)).size).toBe(KEYS.length);
  });
});

describe("the default kind (one rule for server and form)", () => {
  it("is a figure when the span holds one whole", () => {
    expect(defaultClaimKind(holdsFigure([{ start: 5, end: 8 }], { start: 0, end: 10 }))).toBe("figure");
    expect(defaultClaimKind(holdsFigure([{ start: 5, end: 12 }], { start: 0, end: 10 }))).toBe("statement");
  });
});
