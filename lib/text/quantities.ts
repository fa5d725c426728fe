// Figures in text: counts, money, percentages, measures, dates and durations, with
// their spans and normalized values.
//
// One global regular expression finds the places a figure can start (a digit, or a
// scale word such as "مليون" written without digits); everything else is bounded
// look-around from there, so extraction is linear in the input.
import { isAlnum, isArabicLetter, isArabicWordChar, isDigit, isLatinLetter, isLetter, isSpace, isUpperLatin, isWordChar } from "./chars";
import {
  APPROX_AFTER,
  COMPARISON_BEFORE,
  CURRENCY_SYMBOLS,
  CURRENCY_WORDS,
  EN_ADJECTIVES,
  EN_CURRENCY_ADJECTIVES,
  GLUED_UNITS,
  IDENTIFIER_WORDS,
  MONTHS,
  NUMBER_WORDS,
  PERCENT_PHRASES,
  PERSON_NOUNS,
  PHONE_WORDS,
  QUALIFIERS,
  RANK_WORDS,
  SCALE_SUFFIXES,
  SCALE_WORDS,
  STOPWORDS,
  TWO_WORD_MONTHS,
  UNIT_WORDS,
  WAW_NOUNS,
  YEAR_STRONG,
  YEAR_SUFFIXES,
  YEAR_WEAK,
  type Currency,
  type Qualifier,
  type UnitEntry,
} from "./lexicon";
import { fold, isDefinite, nounKey, stripArticle } from "./normalize";
import { parseNumber, parseNumericDate, scaled, type ParsedNumber } from "./numbers";
import { segmentSentences } from "./segment";
import type { Quantity, QuantityKind, Sentence } from "./types";
import { nextWord, nextWords, prevWord, prevWords, withoutProclitic, wordAt, type Word } from "./words";

type Ctx = {
  text: string;
  /** Sentence bounds: no look-around crosses them. */
  ss: number;
  se: number;
  sentence: number;
  /** The sentence is mostly Arabic script (decides "110.000" = 110000). */
  arabic: boolean;
};

type Step = { q: Quantity | null; next: number };

const TRIGGER_SOURCE =
  "[0-9\\u0660-\\u0669\\u06F0-\\u06F9]" +
  "|(?:^|[^\\u0620-\\u065F\\u0671-\\u06D3])[\\u0648\\u0628\\u0644\\u0641]?(?:[\\u0623\\u0627\\u0622]\\u0644[\\u0641\\u0627\\u0648]|\\u0645\\u0644[\\u064A\\u0627]|\\u0628\\u0644[\\u064A\\u0627]|\\u062A\\u0631\\u064A?\\u0644)" +
  "|(?:^|[^A-Za-z])(?:[Mm]illion|[Bb]illion|[Tt]housand|[Tt]rillion)";

const TIME_BEFORE = new Set(["الساعه", "ساعه", "الساعة"].map(fold));
const TIME_AFTER = new Set(
  ["صباحا", "صباح", "مساء", "مساءا", "ظهرا", "فجرا", "ليلا", "عصرا", "am", "pm", "gmt", "utc", "بتوقيت", "o'clock"].map(fold),
);
const NUMBER_ABBREVIATIONS = new Set(["no", "nos", "nr", "vol", "p", "pp", "art", "ch", "sec", "fig", "op", "tel", "ext", "ص", "ت"]);
const ORDINAL_SUFFIXES = new Set(["st", "nd", "rd", "th"]);
const ARABIC_PROCLITICS = new Set(["و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "ال", "وال", "بال", "لل"]);
const PERCENT_SKIP = new Set(["من", "منهم", "منها", "منهن", "منه", "of", "the", "them", "those", "its", "their", "all"].map(fold));
const MONEY_LINK = new Set(["in", "for", "of", "worth", "من", "ل", "ك"].map(fold));
const VERBISH_EN = /(?:ed|ing)$/;
// Irregular verbs that follow a bare figure in English ("1.5 million fled").
const EN_VERBS = new Set([
  "left", "fled", "fell", "rose", "came", "went", "got", "took", "made", "lost", "won", "gave", "saw",
  "ran", "grew", "became", "began", "broke", "brought", "built", "bought", "caught", "chose", "drew",
  "drove", "ate", "felt", "fought", "found", "flew", "held", "hid", "hit", "hurt", "kept", "knew", "led",
  "met", "paid", "put", "sat", "sent", "set", "shot", "spent", "stood", "struck", "taught", "told",
  "thought", "threw", "wrote", "remain", "remains", "live", "lives", "work", "works", "die", "dies",
  "need", "needs", "face", "faces", "returned", "voted", "attended", "marched", "signed", "say", "think",
  "believe", "want", "got", "are", "were", "have", "had", "will", "would", "can", "could", "may",
]);

// ---------------------------------------------------------------------------------
// Small helpers

function isSentenceArabic(text: string, s: number, e: number): boolean {
  let ar = 0;
  let la = 0;
  // A sample is enough to tell the script, and keeps huge sentences cheap.
  const stop = Math.min(e, s + 4000);
  for (let k = s; k < stop; k++) {
    const c = text.charCodeAt(k);
    if (isArabicLetter(c)) ar++;
    else if (isLatinLetter(c)) la++;
  }
  return ar >= la;
}

/** End of the alphanumeric token at `i` (letters, digits and inner separators). */
function skipToken(text: string, i: number, limit: number): number {
  let j = i;
  while (j < limit) {
    const c = text.charCodeAt(j);
    if (isAlnum(c) || isWordChar(c)) j++;
    else if (
      (c === 0x2e || c === 0x2c || c === 0x2d || c === 0x2f || c === 0x3a || c === 0x5f || c === 0x66b || c === 0x66c) &&
      j + 1 < limit &&
      isAlnum(text.charCodeAt(j + 1))
    )
      j++;
    else break;
  }
  return Math.max(j, i + 1);
}

/** Whether the Arabic letters glued before a digit are a proclitic ("و110", "بـ45"). */
function procliticBefore(text: string, i: number, floor: number): boolean {
  let s = i;
  while (s > floor && i - s < 6 && isArabicWordChar(text.charCodeAt(s - 1))) s--;
  if (s > floor && isWordChar(text.charCodeAt(s - 1))) return false;
  return ARABIC_PROCLITICS.has(fold(text.slice(s, i)));
}

/** Length of a telephone number starting at `i`, or 0. */
function phoneEnd(text: string, i: number, limit: number): number {
  let j = i;
  let digits = 0;
  const lens: number[] = [];
  const seps: number[] = [];
  for (;;) {
    const s = j;
    while (j < limit && isDigit(text.charCodeAt(j))) j++;
    lens.push(j - s);
    digits += j - s;
    if (lens.length > 8 || j + 1 >= limit) break;
    const c = text.charCodeAt(j);
    if ((c === 0x20 || c === 0x2d) && isDigit(text.charCodeAt(j + 1))) {
      seps.push(c);
      j++;
      continue;
    }
    break;
  }
  const maxLen = Math.max(...lens);
  const first = lens[0] ?? 0;
  if (lens.length >= 3 && digits >= 8 && maxLen <= 4) return j;
  if (lens.length === 2 && seps[0] === 0x2d && first === 3 && lens[1] === 4) return j;
  if (lens.length === 1 && first >= 8 && text.charCodeAt(i) === 48) return j;
  if (lens.length === 1 && first >= 9 && first <= 12 && text.charCodeAt(i) === 48) return j;
  return 0;
}

function monthOfWord(w: Word): number | undefined {
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

type MonthSpan = { month: number; start: number; end: number };

/** A month name starting at or after `pos`: "أيلول", "كانون الثاني", "أيلول/سبتمبر", "أيلول (سبتمبر)". */
function monthAfter(ctx: Ctx, pos: number): MonthSpan | null {
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
function monthBefore(ctx: Ctx, pos: number): MonthSpan | null {
  const { text, ss } = ctx;
  let q = pos;
  while (q > ss && pos - q < 4 && isSpace(text.charCodeAt(q - 1))) q--;
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
  // "أيلول/سبتمبر 2014": a slash-joined alternative before.
  if (start - 1 > ss && text.charCodeAt(start - 1) === 0x2f) {
    const alt = prevWord(text, start - 1, ss);
    if (alt !== null && monthOfWord(alt) !== undefined) start = alt.start;
  }
  if (parenAltStart >= 0 && end < parenAltStart) end = parenAltStart;
  return { month, start, end };
}

type YearSpan = { year: number; end: number };

/** A four-digit year right after `pos` (after spaces and an optional comma). */
function yearAfter(ctx: Ctx, pos: number): YearSpan | null {
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

function digitAt(text: string, k: number): number {
  const c = text.charCodeAt(k);
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 0x660 && c <= 0x669) return c - 0x660;
  return c - 0x6f0;
}

/** Extends a year over a glued calendar mark ("2020م", "1441هـ"). */
function withYearSuffix(text: string, e: number, limit: number): number {
  if (e < limit && isArabicWordChar(text.charCodeAt(e))) {
    const w = wordAt(text, e, limit);
    if (w !== null && YEAR_SUFFIXES.has(w.f)) return w.end;
  }
  return e;
}

function dateQuantity(ctx: Ctx, start: number, end: number, year: number | null, month: number | null, day: number | null): Quantity {
  let value: number;
  let unit: string;
  if (year !== null && month !== null && day !== null) {
    value = year * 10000 + month * 100 + day;
    unit = "yyyymmdd";
  } else if (year !== null && month !== null) {
    value = year * 100 + month;
    unit = "yyyymm";
  } else if (year !== null) {
    value = year;
    unit = "yyyy";
  } else {
    value = (month ?? 0) * 100 + (day ?? 0);
    unit = "mmdd";
  }
  const q = makeQuantity(ctx, start, end, value, "date");
  q.unit = unit;
  const noun = eventNoun(ctx, start);
  if (noun !== undefined) q.noun = noun;
  return q;
}

function makeQuantity(ctx: Ctx, start: number, end: number, value: number, kind: QuantityKind): Quantity {
  return { start, end, text: ctx.text.slice(start, end), value, kind, sentence: ctx.sentence };
}

/** For dates and durations, what they are of: the nearest content word before the figure
 *  ("تأسس التحالف في أيلول 2014" → "تحالف"). */
function eventNoun(ctx: Ctx, start: number): string | undefined {
  const before = prevWords(ctx.text, start, ctx.ss, 3);
  for (let k = before.length - 1; k >= 0; k--) {
    const w = before[k];
    if (w === undefined) break;
    const bare = withoutProclitic(w.f) ?? w.f;
    if (YEAR_WEAK.has(w.f) || YEAR_STRONG.has(w.f) || STOPWORDS.has(w.f) || MONTHS.has(w.f)) continue;
    if (YEAR_STRONG.has(bare) || STOPWORDS.has(bare)) continue;
    if (w.f.length < 2) continue;
    return nounKey(w.raw);
  }
  return undefined;
}

function qualifierBefore(ctx: Ctx, start: number): Qualifier | undefined {
  const before = prevWords(ctx.text, start, ctx.ss, 4);
  if (before.length === 0) return undefined;
  const fs = before.map((w) => w.f);
  // Longest phrase first; a proclitic on the phrase's first word is allowed ("بنحو").
  let best: { len: number; q: Qualifier } | undefined;
  for (const { words, q } of QUALIFIERS) {
    if (words.length > fs.length) continue;
    let ok = true;
    for (let k = 0; k < words.length && ok; k++) {
      const have = fs[fs.length - words.length + k] ?? "";
      const want = words[k] ?? "";
      ok = have === want || (k === 0 && withoutProclitic(have) === want);
    }
    if (ok && (best === undefined || words.length > best.len)) best = { len: words.length, q };
  }
  return best?.q;
}

function matchPhrase(words: readonly Word[], phrase: readonly string[]): boolean {
  if (words.length < phrase.length) return false;
  for (let k = 0; k < phrase.length; k++) if ((words[k]?.f ?? "") !== phrase[k]) return false;
  return true;
}

function currencyWordAt(text: string, pos: number, limit: number): { currency: Currency; end: number } | null {
  const w = nextWord(text, pos, limit);
  if (w === null) return null;
  const entry = CURRENCY_WORDS.get(w.f);
  if (entry !== undefined) {
    let currency: Currency = entry.code !== undefined ? { unit: entry.unit, code: entry.code } : { unit: entry.unit };
    let end = w.end;
    const adj = nextWord(text, w.end, limit);
    if (adj !== null && entry.adjectives !== undefined) {
      const refined = entry.adjectives[adj.f] ?? entry.adjectives[adj.f.replace(/ه$/, "")];
      if (refined !== undefined) {
        currency = refined;
        end = adj.end;
      }
    }
    return { currency, end };
  }
  const viaAdjective = EN_CURRENCY_ADJECTIVES.get(w.f);
  if (viaAdjective !== undefined) {
    const cw = nextWord(text, w.end, limit);
    if (cw !== null && CURRENCY_WORDS.has(cw.f)) return { currency: viaAdjective, end: cw.end };
  }
  const code = CURRENCY_SYMBOLS.get(w.raw);
  if (code !== undefined && w.raw.length === 3) return { currency: code, end: w.end };
  return null;
}

function currencySymbolAfter(text: string, pos: number, limit: number): { currency: Currency; end: number } | null {
  let p = pos;
  if (p < limit && text.charCodeAt(p) === 0x20) p++;
  if (p >= limit) return null;
  const sym = CURRENCY_SYMBOLS.get(text.charAt(p));
  if (sym === undefined) return null;
  return { currency: sym, end: p + 1 };
}

/** "$4.2", "US$ 5", "€3", "USD 40": a currency written before the amount. */
function currencyBefore(text: string, i: number, floor: number): { currency: Currency; start: number } | null {
  let p = i;
  if (p - 1 >= floor && text.charCodeAt(p - 1) === 0x20) p--;
  if (p - 1 < floor) return null;
  const one = CURRENCY_SYMBOLS.get(text.charAt(p - 1));
  if (one !== undefined) {
    if (text.charAt(p - 1) === "$" && p - 3 >= floor && text.slice(p - 3, p) === "US$") return { currency: one, start: p - 3 };
    return { currency: one, start: p - 1 };
  }
  if (p - 3 >= floor) {
    const code = text.slice(p - 3, p);
    const c = CURRENCY_SYMBOLS.get(code);
    if (c !== undefined && code.length === 3 && (p - 4 < floor || !isLetter(text.charCodeAt(p - 4)))) return { currency: c, start: p - 3 };
  }
  return null;
}

function unitAfter(text: string, pos: number, limit: number): { entry: UnitEntry; end: number } | null {
  const ws = nextWords(text, pos, limit, 3);
  for (let n = Math.min(3, ws.length); n >= 1; n--) {
    const key = ws.slice(0, n).map((w) => w.f).join(" ");
    const entry = UNIT_WORDS.get(key);
    const last = ws[n - 1];
    if (entry !== undefined && last !== undefined) {
      // "كم²", "km2": a superscript or digit two glued to the unit makes it an area.
      const after = last.end < limit ? text.charCodeAt(last.end) : 0;
      if ((after === 0xb2 || after === 0x32) && n === 1) {
        const area = UNIT_WORDS.get(key + text.charAt(last.end));
        if (area !== undefined) return { entry: area, end: last.end + 1 };
      }
      return { entry, end: last.end };
    }
  }
  return null;
}

function percentAfter(text: string, pos: number, limit: number): number {
  let p = pos;
  if (p < limit && isSpace(text.charCodeAt(p))) p++;
  if (p < limit) {
    const c = text.charCodeAt(p);
    if (c === 0x25 || c === 0x66a) return p + 1;
  }
  const ws = nextWords(text, pos, limit, 2);
  for (const phrase of PERCENT_PHRASES) if (matchPhrase(ws, phrase)) return ws[phrase.length - 1]?.end ?? -1;
  return -1;
}

function isContentWord(w: Word): boolean {
  if (STOPWORDS.has(w.f)) return false;
  if (w.f.length < 2) return false;
  return true;
}

function isDemonym(raw: string): boolean {
  return isUpperLatin(raw.charCodeAt(0)) && /(?:an|ese|i|ish|ch)$/.test(raw);
}

/** The counted noun after a figure: one word in Arabic ("7 ملايين شخص"), the head after
 *  any adjectives in English ("5 million Syrian refugees"). */
function countNoun(ctx: Ctx, e: number): { noun: string; end: number | null } | null {
  const { text, se } = ctx;
  const w1 = nextWord(text, e, se);
  if (w1 === null) return null;
  if (isArabicWordChar(w1.raw.charCodeAt(0))) {
    if (STOPWORDS.has(w1.f)) {
      if (w1.f === "من") {
        const w2 = nextWord(text, w1.end, se);
        if (w2 !== null && isDefinite(w2.f) && isContentWord(w2)) return { noun: nounKey(w2.raw), end: null };
      }
      return null;
    }
    if (w1.f.charCodeAt(0) === 0x648 && !WAW_NOUNS.has(w1.f)) return null;
    if (isDefinite(w1.f) || w1.f.length < 2) return null;
    if (TIME_AFTER.has(w1.f)) return null;
    return { noun: nounKey(w1.raw), end: w1.end };
  }
  if (!isLatinLetter(w1.raw.charCodeAt(0))) return null;
  const ws = nextWords(text, e, se, 3);
  let k = 0;
  while (k < ws.length - 1) {
    const w = ws[k];
    if (w === undefined || !(EN_ADJECTIVES.has(w.f) || isDemonym(w.raw))) break;
    k++;
  }
  const head = ws[k];
  if (head === undefined) return null;
  if (head.f === "of" && k === 0) {
    const after = nextWords(text, head.end, se, 2);
    const target = after[0]?.f === "the" ? after[1] : after[0];
    if (target !== undefined && isContentWord(target) && !VERBISH_EN.test(target.f) && !EN_VERBS.has(target.f)) return { noun: nounKey(target.raw), end: null };
    return null;
  }
  if (!isContentWord(head) || VERBISH_EN.test(head.f) || EN_VERBS.has(head.f) || TIME_AFTER.has(head.f)) return null;
  return { noun: nounKey(head.raw), end: head.end };
}

/** "بلغ عدد القتلى 45": the counted noun written before the figure. */
function countNounBefore(ctx: Ctx, start: number): string | undefined {
  const before = prevWords(ctx.text, start, ctx.ss, 5);
  for (let k = before.length - 2; k >= 0; k--) {
    const w = before[k];
    const next = before[k + 1];
    if (w === undefined || next === undefined) continue;
    const f = stripArticle(w.f);
    if (f === "عدد" || withoutProclitic(w.f) === "عدد") return nounKey(next.raw);
  }
  return undefined;
}

/** What a percentage is of: "32% منهم من النساء", "15% of children", "نسبة البطالة 12%". */
function percentNoun(ctx: Ctx, start: number, end: number): string | undefined {
  const { text, se } = ctx;
  const ws = nextWords(text, end, se, 5);
  for (const w of ws) {
    if (PERCENT_SKIP.has(w.f)) continue;
    if (!isContentWord(w)) break;
    return nounKey(w.raw);
  }
  const before = prevWords(text, start, ctx.ss, 6);
  for (let k = 0; k < before.length - 1; k++) {
    const w = before[k];
    const next = before[k + 1];
    if (w === undefined || next === undefined) continue;
    const f = stripArticle(w.f);
    if (f === "نسبه" || withoutProclitic(w.f) === "نسبه") return nounKey(next.raw);
    if (next.f === "rate" && isContentWord(w)) return nounKey(w.raw);
  }
  return undefined;
}

/** What an amount of money or a measure is of: the next content word, or "من/of" + noun. */
function topicNoun(ctx: Ctx, end: number, requireDefinite: boolean): string | undefined {
  const { text, se } = ctx;
  const w1 = nextWord(text, end, se);
  if (w1 === null) return undefined;
  if (MONEY_LINK.has(w1.f) || STOPWORDS.has(w1.f)) {
    if (!(MONEY_LINK.has(w1.f) || w1.f === "من" || w1.f === "of")) return undefined;
    const w2 = nextWords(text, w1.end, se, 2);
    const target = w2[0]?.f === "the" ? w2[1] : w2[0];
    if (target === undefined || !isContentWord(target)) return undefined;
    if (requireDefinite && isArabicWordChar(target.raw.charCodeAt(0)) && !isDefinite(target.f)) return undefined;
    return nounKey(target.raw);
  }
  if (requireDefinite) return undefined;
  if (!isContentWord(w1) || VERBISH_EN.test(w1.f)) return undefined;
  if (w1.f.charCodeAt(0) === 0x648 && !WAW_NOUNS.has(w1.f)) return undefined;
  return nounKey(w1.raw);
}

// ---------------------------------------------------------------------------------
// The figure after its number has been read: scale, percent, currency, unit, noun.

type Head = {
  start: number;
  end: number;
  mantissa: string;
  /** The decimal reading of an Arabic "d.ddd", used when a scale word follows. */
  decimalMantissa?: string;
  exp: number;
  currency?: Currency;
  percent?: boolean;
  /** A Latin unit or scale glued to the digits ("5km", "4.2bn"), not yet consumed. */
  glued?: { suffix: string; end: number };
  plain: boolean;
  leadDigits: number;
  kind?: QuantityKind;
};

function finish(ctx: Ctx, h: Head): Step {
  const { text, se } = ctx;
  let e = h.end;
  let exp = h.exp;
  let mantissa = h.mantissa;
  let currency = h.currency;
  let kind: QuantityKind = h.kind ?? "count";
  let unit: string | undefined;
  let glued = h.glued;

  // Scale: a word after ("مليون", "million") or a glued suffix next to a currency ("$4.2bn").
  if (exp === 0) {
    if (glued !== undefined) {
      const g = SCALE_SUFFIXES.get(glued.suffix);
      // "bn" and "mn" are scales anywhere; "m", "k" and "b" only beside a currency, since
      // "5m" alone is five metres.
      const unambiguous = !GLUED_UNITS.has(glued.suffix) && glued.suffix.length > 1;
      if (g !== undefined && (currency !== undefined || unambiguous || currencyWordAt(text, glued.end, se) !== null)) {
        exp = g;
        e = glued.end;
        glued = undefined;
        if (h.decimalMantissa !== undefined) mantissa = h.decimalMantissa;
      }
    } else {
      const w = nextWord(text, e, se);
      const sc = w === null ? undefined : SCALE_WORDS.get(w.f);
      if (w !== null && sc !== undefined) {
        exp = sc.exp;
        e = w.end;
        if (h.decimalMantissa !== undefined) mantissa = h.decimalMantissa;
        const half = halfAfter(ctx, e);
        if (half !== null) {
          mantissa = String(Number(mantissa) + 0.5);
          e = half;
        }
      }
    }
  }

  if (glued !== undefined) {
    const g = GLUED_UNITS.get(glued.suffix);
    if (g === undefined) return { q: null, next: skipToken(text, h.start, se) };
    kind = g.kind;
    unit = g.unit;
    e = glued.end;
  }

  // Percent.
  let percent = h.percent === true;
  if (!percent && kind === "count" && currency === undefined) {
    const pe = percentAfter(text, e, se);
    if (pe > 0) {
      percent = true;
      e = pe;
    }
  }
  if (percent) {
    kind = "percent";
    unit = "%";
  }

  // Currency after the amount.
  if (kind === "count" && currency === undefined) {
    const cw = currencyWordAt(text, e, se) ?? currencySymbolAfter(text, e, se);
    if (cw !== null) {
      currency = cw.currency;
      e = cw.end;
    }
  }
  if (currency !== undefined) {
    kind = "money";
    unit = currency.unit;
  }

  // Units of measure and time.
  if (kind === "count") {
    if (e < se && text.charCodeAt(e) === 0xb0) {
      const cf = e + 1 < se ? text.charAt(e + 1).toUpperCase() : "";
      kind = "measure";
      if (cf === "C" || cf === "F") {
        unit = "°" + cf;
        e += 2;
      } else {
        unit = "°";
        e += 1;
      }
    } else {
      const u = unitAfter(text, e, se);
      if (u !== null) {
        kind = u.entry.kind;
        unit = u.entry.unit;
        e = u.end;
      }
    }
  }

  const value = scaled(mantissa, exp);
  if (!Number.isFinite(value)) return { q: null, next: Math.max(e, h.start + 1) };

  // A bare four-digit number in the calendar range with nothing after it is a year.
  if (kind === "count" && exp === 0 && h.plain && h.leadDigits === 4 && h.kind === undefined) {
    const year = Number(mantissa);
    const asYear = yearReading(ctx, h.start, h.end, year);
    if (asYear !== null) return asYear;
  }

  const q = makeQuantity(ctx, h.start, e, value, kind);
  if (unit !== undefined) q.unit = unit;

  if (kind === "count") {
    const cn = countNoun(ctx, e);
    if (cn !== null) {
      q.noun = cn.noun;
      if (cn.end !== null) {
        q.end = cn.end;
        q.text = text.slice(q.start, q.end);
      }
    } else {
      const before = countNounBefore(ctx, h.start);
      if (before !== undefined) q.noun = before;
    }
    if (q.noun !== undefined && PERSON_NOUNS.has(q.noun)) q.unit = "people";
  } else if (kind === "percent") {
    const pn = percentNoun(ctx, h.start, e);
    if (pn !== undefined) q.noun = pn;
  } else if (kind === "money") {
    const tn = topicNoun(ctx, e, false);
    if (tn !== undefined) q.noun = tn;
  } else if (kind === "measure") {
    const tn = topicNoun(ctx, e, true);
    if (tn !== undefined) q.noun = tn;
  } else if (kind === "duration") {
    const en = eventNoun(ctx, h.start);
    if (en !== undefined) q.noun = en;
  }

  const qual = qualifierBefore(ctx, h.start) ?? (approxAfter(ctx, q.end) ? "approx" : undefined);
  if (qual !== undefined) q.qualifier = qual;
  return { q, next: Math.max(q.end, h.start + 1) };
}

function halfAfter(ctx: Ctx, e: number): number | null {
  const ws = nextWords(ctx.text, e, ctx.se, 3);
  const w0 = ws[0];
  if (w0 === undefined) return null;
  if (w0.f === fold("ونصف")) return w0.end;
  if (w0.f === "و" && ws[1]?.f === fold("نصف")) return ws[1].end;
  if (w0.f === "and" && ws[1]?.f === "a" && ws[2]?.f === "half") return ws[2].end;
  return null;
}

function approxAfter(ctx: Ctx, e: number): boolean {
  const w = nextWord(ctx.text, e, ctx.se);
  return w !== null && APPROX_AFTER.has(w.f);
}

/** Decides whether a plain four-digit number is a year; returns the date figure if so. */
function yearReading(ctx: Ctx, start: number, end: number, year: number): Step | null {
  const { text, se, ss } = ctx;
  const suffixEnd = withYearSuffix(text, end, se);
  const nextW = nextWord(text, suffixEnd, se);
  // A spaced "م" after a number may be metres; only a year-like number takes it as a calendar mark.
  const spacedSuffix =
    nextW !== null && YEAR_SUFFIXES.has(nextW.f) && (nextW.f !== "م" || (year >= 1800 && year <= 2100));
  const hasSuffix = suffixEnd > end || spacedSuffix;
  if (!hasSuffix && (year < 1800 || year > 2100)) return null;
  const pw = prevWord(text, start, ss);
  const pf = pw === null ? "" : pw.f;
  const pfBare = withoutProclitic(pf) ?? "";
  const date = (): Step => {
    const q = dateQuantity(ctx, start, suffixEnd, year, null, null);
    return { q, next: Math.max(suffixEnd, start + 1) };
  };
  if (hasSuffix || YEAR_STRONG.has(pf) || YEAR_STRONG.has(pfBare) || YEAR_WEAK.has(pf)) return date();
  // "2000 طالب" counts students; "2014 was" and "2014." are years.
  if (nextW !== null && isContentWord(nextW) && !VERBISH_EN.test(nextW.f) && !EN_VERBS.has(nextW.f)) {
    const c0 = nextW.raw.charCodeAt(0);
    if (isArabicWordChar(c0) && (isDefinite(nextW.f) || (nextW.f.charCodeAt(0) === 0x648 && !WAW_NOUNS.has(nextW.f)))) return date();
    return null;
  }
  return date();
}

// ---------------------------------------------------------------------------------
// Entry points for the two kinds of trigger.

function handleNumber(ctx: Ctx, i: number): Step {
  const { text, ss, se } = ctx;
  const skip = (): Step => ({ q: null, next: skipToken(text, i, se) });
  const prev = i > ss ? text.charCodeAt(i - 1) : 0x20;
  const prev2 = i - 2 >= ss ? text.charCodeAt(i - 2) : 0x20;

  // Numbers inside names and identifiers: "SY24", "COVID-19", "#2020", "+963", "v.2".
  if (isDigit(prev)) return skip();
  if (isLetter(prev) && (!isArabicWordChar(prev) || !procliticBefore(text, i, ss))) return skip();
  if ((prev === 0x2d || prev === 0x2010 || prev === 0x2011) && isLetter(prev2)) return skip();
  if (prev === 0x2b) {
    // "+963 11 2345678": the whole international number.
    let j = i;
    while (j < se && (isDigit(text.charCodeAt(j)) || ((text.charCodeAt(j) === 0x20 || text.charCodeAt(j) === 0x2d) && j + 1 < se && isDigit(text.charCodeAt(j + 1))))) j++;
    return { q: null, next: Math.max(j, i + 1) };
  }
  if (prev === 0x23 || prev === 0x40 || prev === 0x5f || prev === 0x2f || prev === 0x5c || prev === 0x26 || prev === 0x3d) return skip();
  if ((prev === 0x2e || prev === 0x3a) && isAlnum(prev2)) return skip();

  const numericDate = parseNumericDate(text, i, se, !ctx.arabic);
  if (numericDate !== null) {
    const q = dateQuantity(ctx, i, numericDate.end, numericDate.year, numericDate.month, numericDate.day);
    return { q, next: numericDate.end };
  }
  const phone = phoneEnd(text, i, se);
  if (phone > 0) return { q: null, next: phone };

  let parsed = parseNumber(text, i, se, ctx.arabic, false);
  if (parsed.ok && parsed.end < se && text.charCodeAt(parsed.end) === 0x60c && parsed.plain) {
    // "٧،٥ مليون": an Arabic comma as decimal point, only before a scale word.
    const alt = parseNumber(text, i, se, ctx.arabic, true);
    if (alt.ok && alt.end > parsed.end) {
      const w = nextWord(text, alt.end, se);
      if (w !== null && SCALE_WORDS.has(w.f)) parsed = alt;
    }
  }
  if (!parsed.ok) return { q: null, next: skipToken(text, parsed.end, se) };
  const num: ParsedNumber = parsed;
  const e = num.end;
  const r = e < se ? text.charCodeAt(e) : 0x20;
  const r2 = e + 1 < se ? text.charCodeAt(e + 1) : 0x20;

  // Times, ratios, fractions and scores: "10:30", "3/4", "24/7".
  if ((r === 0x3a || r === 0x2f) && isDigit(r2)) return { q: null, next: skipToken(text, e + 1, se) };

  // List markers: "1." "٢)" "3-" opening a sentence.
  if (num.plain && num.leadDigits <= 3 && (r === 0x2e || r === 0x29 || r === 0x2d) && (e + 1 >= se || isSpace(r2))) {
    let k = i;
    while (k > ss && (text.charCodeAt(k - 1) === 0x28 || isSpace(text.charCodeAt(k - 1)))) k--;
    if (k === ss) return { q: null, next: e + 1 };
  }

  // Context before the figure.
  const before = prevWords(text, i, ss, 3);
  const pw = before[before.length - 1];
  const pf = pw === undefined ? "" : pw.f;
  const pfBare = withoutProclitic(pf) ?? pf;
  if (IDENTIFIER_WORDS.has(pf) || TIME_BEFORE.has(pf) || IDENTIFIER_WORDS.has(pfBare) || TIME_BEFORE.has(pfBare)) {
    return { q: null, next: e };
  }
  if (num.plain && num.leadDigits >= 3) {
    // "قرار مجلس الأمن 2254", "Resolution No 2254": numbered instruments.
    for (const w of before) {
      const f = stripArticle(withoutProclitic(w.f) ?? w.f);
      if (f === "قرار" || stripArticle(w.f) === "قرار" || w.f === "resolution" || w.f === "decree" || f === "مرسوم") return { q: null, next: e };
    }
  }
  if (abbreviationBefore(text, i, ss)) return { q: null, next: e };
  for (const w of before) if (PHONE_WORDS.has(w.f)) return { q: null, next: e };
  const nextW = nextWord(text, e, se);
  if (nextW !== null && TIME_AFTER.has(nextW.f)) return { q: null, next: nextW.end };
  if (nextW !== null && (nextW.f === "a" || nextW.f === "p") && /^\.?m\b/i.test(text.slice(nextW.end, Math.min(se, nextW.end + 3)))) {
    return { q: null, next: nextW.end }; // "5 p.m."
  }

  // Ranges "10-15": the first bound is read only when both are years.
  if ((r === 0x2d || r === 0x2013) && isDigit(r2)) {
    if (num.plain && num.leadDigits === 4) {
      const y = Number(num.mantissa);
      if (y >= 1800 && y <= 2100) return { q: dateQuantity(ctx, i, e, y, null, null), next: e };
    }
    return { q: null, next: e + 1 };
  }

  // Glued Latin letters: ordinals, units and scales, or part of a name ("5G").
  let glued: { suffix: string; end: number } | undefined;
  if (isLatinLetter(r)) {
    let g = e;
    while (g < se && g - e < 4 && (isLatinLetter(text.charCodeAt(g)) || (g > e && isDigit(text.charCodeAt(g)) && text.charCodeAt(g) === 0x32))) g++;
    if (g < se && (isLatinLetter(text.charCodeAt(g)) || isDigit(text.charCodeAt(g)))) return skip();
    const suffix = text.slice(e, g).toLowerCase();
    if (ORDINAL_SUFFIXES.has(suffix)) {
      const day = Number(num.mantissa);
      if (num.plain && day >= 1 && day <= 31) {
        const ofW = nextWord(text, g, se);
        const m = monthAfter(ctx, ofW !== null && ofW.f === "of" ? ofW.end : g);
        if (m !== null) {
          const y = yearAfter(ctx, m.end);
          const q = dateQuantity(ctx, i, y?.end ?? m.end, y?.year ?? null, m.month, day);
          return { q, next: q.end };
        }
      }
      return { q: null, next: g };
    }
    if (suffix === "s" && num.plain) return { q: null, next: g }; // "1990s"
    if (!SCALE_SUFFIXES.has(suffix) && !GLUED_UNITS.has(suffix)) return skip();
    glued = { suffix, end: g };
  }

  const cur = currencyBefore(text, i, ss);
  const percentFirst = (prev === 0x25 || prev === 0x66a) && (i - 2 < ss || isSpace(prev2));
  const start = cur?.start ?? (percentFirst ? i - 1 : i);

  // Dates written with month names.
  if (num.plain && cur === null && !percentFirst && glued === undefined) {
    const v = Number(num.mantissa);
    if (num.leadDigits <= 2 && v >= 1 && v <= 31) {
      const m = monthAfter(ctx, e);
      if (m !== null) {
        const y = yearAfter(ctx, m.end);
        const q = dateQuantity(ctx, i, y?.end ?? m.end, y?.year ?? null, m.month, v);
        return { q, next: q.end };
      }
      const mb = monthBefore(ctx, i);
      if (mb !== null && isLatinLetter(text.charCodeAt(mb.start))) {
        // "March 12, 2020"
        const y = yearAfter(ctx, e);
        const q = dateQuantity(ctx, mb.start, y?.end ?? e, y?.year ?? null, mb.month, v);
        return { q, next: q.end };
      }
    }
    if (num.leadDigits === 4 && v >= 1000 && v <= 2199) {
      const mb = monthBefore(ctx, i);
      if (mb !== null) {
        const end = withYearSuffix(text, e, se);
        const q = dateQuantity(ctx, mb.start, end, v, mb.month, null);
        return { q, next: end };
      }
    }
  }

  const head: Head = {
    start,
    end: e,
    mantissa: num.mantissa,
    exp: 0,
    plain: num.plain,
    leadDigits: num.leadDigits,
  };
  if (num.decimalMantissa !== undefined) head.decimalMantissa = num.decimalMantissa;
  if (cur !== null) head.currency = cur.currency;
  if (percentFirst) head.percent = true;
  if (glued !== undefined) head.glued = glued;
  if (RANK_WORDS.has(pf) || RANK_WORDS.has(pfBare)) head.kind = "other";
  const step = finish(ctx, head);
  if (step.q !== null && head.kind === "other") {
    step.q.kind = "other";
    delete step.q.noun;
    delete step.q.unit;
  }
  return step;
}

/** "No. 5", "p. 12", "ص. 4": an abbreviation with its dot right before the figure. */
function abbreviationBefore(text: string, i: number, floor: number): boolean {
  let p = i;
  while (p > floor && i - p < 3 && isSpace(text.charCodeAt(p - 1))) p--;
  if (p <= floor || text.charCodeAt(p - 1) !== 0x2e) return false;
  const w = prevWord(text, p - 1, floor);
  return w !== null && w.end === p - 1 && NUMBER_ABBREVIATIONS.has(w.f);
}

/** A scale word with no digits before it: "مليوني شخص", "ثلاثة ملايين", "half a million". */
function handleScaleWord(ctx: Ctx, ws: number): Step {
  const { text, ss, se } = ctx;
  const w = wordAt(text, ws, se);
  if (w === null) return { q: null, next: ws + 1 };
  let sc = SCALE_WORDS.get(w.f);
  if (sc === undefined) {
    const bare = withoutProclitic(w.f);
    if (bare !== null) sc = SCALE_WORDS.get(bare);
  }
  if (sc === undefined) return { q: null, next: w.end };
  const latin = isLatinLetter(w.raw.charCodeAt(0));
  // A conjunction or preposition glued to the scale word is not part of the figure.
  const ownStart = SCALE_WORDS.has(w.f) ? ws : ws + 1;
  const before = prevWords(text, ws, ss, 2);
  const last = before[before.length - 1];
  let mult: number | undefined;
  let start = ownStart;
  if (last !== undefined) {
    mult = NUMBER_WORDS.get(last.f) ?? NUMBER_WORDS.get(withoutProclitic(last.f) ?? "");
    if (mult !== undefined && latin !== isLatinLetter(last.raw.charCodeAt(0))) mult = undefined;
    if (mult !== undefined) {
      start = NUMBER_WORDS.has(last.f) ? last.start : last.start + 1;
      const first = before[0];
      if (before.length === 2 && first !== undefined) {
        const unitWord = NUMBER_WORDS.get(first.f) ?? NUMBER_WORDS.get(withoutProclitic(first.f) ?? "");
        if (latin && last.f === "a" && first.f === "half") {
          mult = 0.5;
          start = first.start;
        } else if (!latin && mult === 10 && unitWord !== undefined && unitWord >= 1 && unitWord <= 9) {
          // "خمسة عشر ألفا": 15.
          mult = 10 + unitWord;
          start = NUMBER_WORDS.has(first.f) ? first.start : first.start + 1;
        }
      }
    }
  }
  // A digit right before means the digit trigger already handled (or rejected) it.
  let k = ws;
  while (k > ss && ws - k < 3 && isSpace(text.charCodeAt(k - 1))) k--;
  if (k > ss && isDigit(text.charCodeAt(k - 1))) return { q: null, next: w.end };

  if (mult === undefined) {
    if (latin) return { q: null, next: w.end };
    const after = nextWord(text, w.end, se);
    const followedByNoun = after !== null && isContentWord(after) && !isDefinite(after.f);
    if (sc.form === "plural") return { q: null, next: w.end };
    if (sc.form === "dual") mult = 2;
    else if (sc.form === "dualOrSingular") mult = followedByNoun ? 2 : 1;
    else mult = 1;
    // "ألف" alone is too common in idiom ("ألف شكر" aside, it names the letter); require
    // it to count something.
    if (sc.exp === 3 && !followedByNoun) return { q: null, next: w.end };
  }
  const head: Head = {
    start,
    end: w.end,
    mantissa: String(mult),
    exp: sc.exp,
    plain: false,
    leadDigits: 0,
  };
  const half = halfAfter(ctx, w.end);
  if (half !== null) {
    head.mantissa = String(mult + 0.5);
    head.end = half;
  }
  return finish(ctx, head);
}

// ---------------------------------------------------------------------------------

type Range = { start: number; end: number };

/** URLs, e-mail addresses and handles: whitespace-delimited tokens whose digits are never
 *  figures. Found with indexOf-driven scans that visit each character a bounded number of
 *  times. */
function opaqueRanges(text: string): Range[] {
  const out: Range[] = [];
  const re = /:\/\/|www\.|@/g;
  let lastEnd = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const pos = m.index;
    if (pos < lastEnd) {
      re.lastIndex = lastEnd;
      continue;
    }
    let s = pos;
    while (s > lastEnd && !isSpace(text.charCodeAt(s - 1))) s--;
    let e = pos + m[0].length;
    while (e < text.length && !isSpace(text.charCodeAt(e))) e++;
    out.push({ start: s, end: e });
    lastEnd = e;
    re.lastIndex = Math.max(e, pos + 1);
  }
  return out;
}

function validSentences(text: string, sentences: readonly Sentence[]): Sentence[] {
  const ok: Sentence[] = [];
  let sorted = true;
  let prevStart = -1;
  for (const s of sentences) {
    if (
      s === null || typeof s !== "object" || !Number.isInteger(s.start) || !Number.isInteger(s.end) ||
      s.start < 0 || s.end > text.length || s.start >= s.end
    )
      continue;
    if (s.start < prevStart) sorted = false;
    prevStart = s.start;
    ok.push(s);
  }
  if (!sorted) ok.sort((a, b) => a.start - b.start);
  return ok;
}

/** All figures in `text`, in order. Boilerplate sentences yield none. */
export function extractQuantities(text: string, sentences?: Sentence[]): Quantity[] {
  if (typeof text !== "string" || text.length === 0) return [];
  const sents = validSentences(text, sentences ?? segmentSentences(text));
  const opaque = opaqueRanges(text);
  const out: Quantity[] = [];
  const re = new RegExp(TRIGGER_SOURCE, "g");
  let si = 0;
  let oi = 0;
  let ctx: Ctx | null = null;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    let p = m.index;
    const digit = isDigit(text.charCodeAt(p));
    if (!digit && !isLetter(text.charCodeAt(p))) p++; // the match began with its boundary character
    while (si < sents.length && (sents[si]?.end ?? 0) <= p) si++;
    const s = sents[si];
    if (s === undefined) break;
    if (p < s.start) {
      re.lastIndex = Math.max(s.start - 1, p + 1);
      continue;
    }
    if (s.boilerplate === true) {
      re.lastIndex = s.end;
      continue;
    }
    while (oi < opaque.length && (opaque[oi]?.end ?? 0) <= p) oi++;
    const o = opaque[oi];
    if (o !== undefined && o.start <= p) {
      re.lastIndex = o.end;
      continue;
    }
    if (ctx === null || ctx.sentence !== s.index || ctx.ss !== s.start) {
      ctx = { text, ss: s.start, se: s.end, sentence: s.index, arabic: isSentenceArabic(text, s.start, s.end) };
    }
    const step = digit ? handleNumber(ctx, p) : handleScaleWord(ctx, p);
    if (step.q !== null) {
      const last = out[out.length - 1];
      if (last === undefined || step.q.start >= last.end) out.push(step.q);
    }
    re.lastIndex = Math.max(step.next, p + 1);
  }
  return out;
}

/** Words before a figure that make it an earlier or compared value ("up from", "مقارنة بـ"),
 *  or the first bound of a change ("من 5 إلى 7", "from 5 to 7"). */
export function isComparedFigure(text: string, q: Quantity, sentenceStart: number, sentenceEnd: number): boolean {
  const before = prevWords(text, q.start, sentenceStart, 3);
  const fs = before.map((w) => w.f);
  for (const phrase of COMPARISON_BEFORE) {
    if (phrase.length > fs.length) continue;
    let ok = true;
    for (let k = 0; k < phrase.length && ok; k++) {
      const have = fs[fs.length - phrase.length + k] ?? "";
      ok = have === phrase[k] || (k === 0 && withoutProclitic(have) === phrase[k]);
    }
    if (ok) return true;
  }
  const last = fs[fs.length - 1];
  if (last === "من" || last === "from" || last === "between" || last === "بين") {
    const after = nextWords(text, q.end, sentenceEnd, 4);
    for (const w of after) {
      if (w.f === "الي" || w.f === "to" || w.f === "and" || w.f === "و") return true;
    }
  }
  return false;
}
