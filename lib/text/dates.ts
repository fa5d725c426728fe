// Calendar dates written with month names: Levantine ("كانون الثاني"), Gulf/Egyptian
// ("يناير"), Maghrebi ("جانفي") and English, with the alternative names newsrooms add
// ("أيلول/سبتمبر", "تشرين الأول (أكتوبر)").
import { isArabicLetter, isArabicWordChar, isDigit, isLatinLetter, isSpace, isUpperLatin } from "./chars";
import type { Ctx } from "./figure-context";
import { MONTHS, TWO_WORD_MONTHS, YEAR_SUFFIXES } from "./lexicon";
import { nextWord, prevWord, withoutProclitic, wordAt, type Word } from "./words";

export function monthOfWord(w: Word): number | undefined {
  const direct = MONTHS.get(w.f);
  if (direct !== undefined) {
    // English month names double as words ("may", "march"): require the capital.
    if (isLatinLetter(w.raw.charCodeAt(0)) && !isUpperLatin(w.raw.charCodeAt(0))) return undefined;
    return direct;
  }
  if (isArabicLetter(w.raw.charCodeAt(0))) {
    const bare = withoutProclitic(w.f);
    if (bare !== null) return MONTHS.get(bare);
  }
  return undefined;
}

export type MonthSpan = { month: number; start: number; end: number };

/** A month name starting at or after `pos`: "أيلول", "كانون الثاني", "أيلول/سبتمبر", "أيلول (سبتمبر)". */
export function monthAfter(ctx: Ctx, pos: number): MonthSpan | null {
  const { text, se } = ctx;
  const w = nextWord(text, pos, se);
  if (w === null) return null;
  let month = monthOfWord(w);
  let end = w.end;
  if (month === undefined) {
    const second = TWO_WORD_MONTHS.get(w.f) ?? TWO_WORD_MONTHS.get(withoutProclitic(w.f) ?? "");
    if (second === undefined) return null;
    const w2 = nextWord(text, w.end, se);
    if (w2 === null) return null;
    month = second.get(w2.f);
    if (month === undefined) return null;
    end = w2.end;
  }
  // An alternative name after a slash or in parentheses.
  let p = end;
  while (p < se && p - end < 3 && isSpace(text.charCodeAt(p))) p++;
  const c = text.charCodeAt(p);
  if (p < se && (c === 0x2f || c === 0x28)) {
    const alt = monthAfter(ctx, p + 1);
    if (alt !== null) {
      end = alt.end;
      if (c === 0x28) {
        let q = end;
        while (q < se && q - end < 3 && isSpace(text.charCodeAt(q))) q++;
        if (q < se && text.charCodeAt(q) === 0x29) end = q + 1;
      }
    }
  }
  return { month, start: w.start, end };
}

/** A month name ending right before `pos` (with its alternative), for "أيلول 2014". */
export function monthBefore(ctx: Ctx, pos: number): MonthSpan | null {
  const { text, ss } = ctx;
  let q = pos;
  while (q > ss && pos - q < 4 && isSpace(text.charCodeAt(q - 1))) q--;
  // "Sept. 5": the dot of an abbreviated English month.
  if (q - 1 > ss && text.charCodeAt(q - 1) === 0x2e && isLatinLetter(text.charCodeAt(q - 2))) q--;
  let end = q;
  let parenAltStart = -1;
  if (q > ss && text.charCodeAt(q - 1) === 0x29) {
    // "أيلول (سبتمبر) 2014": step over the parenthesized alternative.
    const inner = prevWord(text, q - 1, ss);
    if (inner === null || monthOfWord(inner) === undefined) return null;
    let o = inner.start;
    while (o > ss && inner.start - o < 3 && isSpace(text.charCodeAt(o - 1))) o--;
    if (o <= ss || text.charCodeAt(o - 1) !== 0x28) return null;
    parenAltStart = o - 1;
    q = parenAltStart;
  }
  const w = prevWord(text, q, ss);
  if (w === null) return null;
  let month = monthOfWord(w);
  let start = w.start;
  if (month === undefined) {
    const first = prevWord(text, w.start, ss);
    if (first === null) return null;
    const second = TWO_WORD_MONTHS.get(first.f) ?? TWO_WORD_MONTHS.get(withoutProclitic(first.f) ?? "");
    if (second === undefined) return null;
    month = second.get(w.f);
    if (month === undefined) return null;
    start = first.start;
  }
  // "أيلول/سبتمبر 2014", "تشرين الأول/أكتوبر 2019": a slash-joined alternative before.
  if (start - 1 > ss && text.charCodeAt(start - 1) === 0x2f) {
    const alt = prevWord(text, start - 1, ss);
    if (alt !== null && monthOfWord(alt) !== undefined) start = alt.start;
    else if (alt !== null) {
      const first = prevWord(text, alt.start, ss);
      const second = first === null ? undefined : TWO_WORD_MONTHS.get(first.f);
      if (first !== null && second !== undefined && second.get(alt.f) !== undefined) start = first.start;
    }
  }
  if (parenAltStart >= 0 && end < parenAltStart) end = parenAltStart;
  return { month, start, end };
}

export type YearSpan = { year: number; end: number };

/** A four-digit year right after `pos` (after spaces and an optional comma). */
export function yearAfter(ctx: Ctx, pos: number): YearSpan | null {
  const { text, se } = ctx;
  let p = pos;
  let guard = 0;
  while (p < se && guard++ < 4 && (isSpace(text.charCodeAt(p)) || text.charCodeAt(p) === 0x2c || text.charCodeAt(p) === 0x60c)) p++;
  if (p >= se || !isDigit(text.charCodeAt(p))) return null;
  let e = p;
  while (e < se && e - p < 5 && isDigit(text.charCodeAt(e))) e++;
  if (e - p !== 4 || (e < se && (isDigit(text.charCodeAt(e)) || isLatinLetter(text.charCodeAt(e))))) return null;
  if (e + 1 < se && (text.charCodeAt(e) === 0x2e || text.charCodeAt(e) === 0x2c) && isDigit(text.charCodeAt(e + 1))) return null;
  let year = 0;
  for (let k = p; k < e; k++) year = year * 10 + digitAt(text, k);
  if (year < 1000 || year > 2199) return null;
  return { year, end: withYearSuffix(text, e, se) };
}

export function digitAt(text: string, k: number): number {
  const c = text.charCodeAt(k);
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 0x660 && c <= 0x669) return c - 0x660;
  return c - 0x6f0;
}

/** Extends a year over a glued calendar mark ("2020م", "1441هـ"). */
export function withYearSuffix(text: string, e: number, limit: number): number {
  if (e < limit && isArabicWordChar(text.charCodeAt(e))) {
    const w = wordAt(text, e, limit);
    if (w !== null && YEAR_SUFFIXES.has(w.f)) return w.end;
  }
  return e;
}
