// Figures in text: counts, money, percentages, measures, dates and durations, with
// their spans and normalized values.
//
// One global regular expression finds the places a figure can start (a digit, or a
// scale word such as "مليون" written without digits); everything else is bounded
// look-around from there, so extraction is linear in the input.
import { CHAR_FLAGS, F_ARABIC, F_LATIN, isAlnum, isArabicLetter, isArabicWordChar, isDigit, isLatinLetter, isLetter, isSpace, isUpperLatin, isWordChar } from "./chars";
import { monthAfter, monthBefore, withYearSuffix, yearAfter } from "./dates";
import {
  countNoun,
  countNounBefore,
  currencyBefore,
  currencySymbolAfter,
  currencyWordAt,
  EN_VERBS,
  eventNoun,
  isContentWord,
  percentAfter,
  percentNoun,
  qualifierBefore,
  TIME_AFTER,
  topicNoun,
  unitAfter,
  VERBISH_EN,
  type Ctx,
} from "./figure-context";
import {
  APPROX_AFTER,
  GLUED_BEFORE_DIGITS,
  GLUED_UNITS,
  IDENTIFIER_WORDS,
  NUMBER_WORDS,
  PERSON_NOUNS,
  PHONE_WORDS,
  RANK_WORDS,
  SCALE_SUFFIXES,
  SCALE_WORDS,
  UNIT_WORDS,
  YEAR_STRONG,
  YEAR_SUFFIXES,
  YEAR_WEAK,
  WAW_NOUNS,
  type Currency,
  type UnitEntry,
} from "./lexicon";
import { fold, isDefinite, nounKey, stripArticle } from "./normalize";
import { parseNumber, parseNumericDate, scaled, type ParsedNumber } from "./numbers";
import { segmentSentences } from "./segment";
import type { Quantity, QuantityKind, Sentence } from "./types";
import { nextWord, nextWords, prevWord, prevWords, withoutProclitic, wordAt } from "./words";

type Step = { q: Quantity | null; next: number };

const TIME_BEFORE = new Set(["الساعه", "ساعه", "الساعة"].map(fold));
const NUMBER_ABBREVIATIONS = new Set(["no", "nos", "nr", "vol", "p", "pp", "art", "ch", "sec", "fig", "op", "tel", "ext", "ص", "ت"]);
const ORDINAL_SUFFIXES = new Set(["st", "nd", "rd", "th"]);
const ARABIC_PROCLITICS = new Set(["و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "ال", "وال", "بال", "لل"]);
const OTHERS = new Set(["اخر", "other", "others"]);

const TRIGGER_SOURCE =
  "[0-9\\u0660-\\u0669\\u06F0-\\u06F9]" +
  "|(?:^|[^\\u0620-\\u065F\\u0671-\\u06D3])[\\u0648\\u0628\\u0644\\u0641]?(?:\\u0627\\u0644)?(?:[\\u0623\\u0627\\u0622]\\u0644[\\u0641\\u0627\\u0648]|\\u0645\\u0644[\\u064A\\u0627]|\\u0628\\u0644[\\u064A\\u0627]|\\u062A\\u0631\\u064A?\\u0644)" +
  "|(?:^|[^A-Za-z])(?:[Mm]illi?on|[Bb]illion|[Tt]housand|[Tt]rillion)";

/** Singular units written after a hyphen ("30-day", "400-metre"). */
const HYPHEN_UNITS: Map<string, UnitEntry> = new Map<string, UnitEntry>([
  ["year", { kind: "duration", unit: "years" }], ["month", { kind: "duration", unit: "months" }],
  ["week", { kind: "duration", unit: "weeks" }], ["day", { kind: "duration", unit: "days" }],
  ["hour", { kind: "duration", unit: "hours" }], ["minute", { kind: "duration", unit: "minutes" }],
  ["metre", { kind: "measure", unit: "m" }], ["meter", { kind: "measure", unit: "m" }],
  ["kilometre", { kind: "measure", unit: "km" }], ["kilometer", { kind: "measure", unit: "km" }],
  ["km", { kind: "measure", unit: "km" }], ["mile", { kind: "measure", unit: "miles" }],
  ["foot", { kind: "measure", unit: "feet" }], ["acre", { kind: "measure", unit: "acres" }],
  ["hectare", { kind: "measure", unit: "hectares" }], ["tonne", { kind: "measure", unit: "tons" }],
  ["ton", { kind: "measure", unit: "tons" }], ["megawatt", { kind: "measure", unit: "MW" }],
]);


// ---------------------------------------------------------------------------------
// Small helpers

const FL = CHAR_FLAGS;
const ARABIC = F_ARABIC;
const LATIN = F_LATIN;

/** Whether the words around position `i` are mostly Arabic script: decides whether
 *  "110.000" groups thousands. A local window, so a quoted English phrase inside an
 *  Arabic article is read by its own convention. */
function arabicAround(text: string, i: number, ss: number, se: number): boolean {
  let ar = 0;
  let la = 0;
  const from = Math.max(ss, i - 120);
  const to = Math.min(se, i + 120);
  for (let k = from; k < to; k++) {
    const f = FL[text.charCodeAt(k)] ?? 0;
    if ((f & ARABIC) !== 0) ar++;
    else if ((f & LATIN) !== 0) la++;
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
  while (s > floor && i - s < 8 && isArabicWordChar(text.charCodeAt(s - 1))) s--;
  if (s > floor && isWordChar(text.charCodeAt(s - 1))) return false;
  const glued = fold(text.slice(s, i));
  // "حوالى180 ألفا", "نحو50": a hedge or preposition written without its space.
  return ARABIC_PROCLITICS.has(glued) || GLUED_BEFORE_DIGITS.has(glued);
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
      // "2.3m people": a plural noun after it makes "m" millions, not metres.
      const after = g === undefined ? null : nextWord(text, glued.end, se);
      const countsSomething =
        after !== null && isLatinLetter(after.raw.charCodeAt(0)) && !UNIT_WORDS.has(after.f) &&
        (PERSON_NOUNS.has(nounKey(after.raw)) || (after.f.endsWith("s") && !after.f.endsWith("ss")));
      if (g !== undefined && (currency !== undefined || unambiguous || countsSomething || currencyWordAt(text, glued.end, se) !== null)) {
        exp = g;
        e = glued.end;
        glued = undefined;
        if (h.decimalMantissa !== undefined) mantissa = h.decimalMantissa;
      }
    } else {
      // "$15-billion": a scale word after a hyphen, in English.
      const hyphen = e + 1 < se && text.charCodeAt(e) === 0x2d && isLatinLetter(text.charCodeAt(e + 1));
      const w = hyphen ? wordAt(text, e + 1, se) : nextWord(text, e, se);
      const sc = w === null ? undefined : SCALE_WORDS.get(w.f);
      if (w !== null && sc !== undefined) {
        exp = sc.exp;
        e = w.end;
        if (h.decimalMantissa !== undefined) mantissa = h.decimalMantissa;
        // "2.4 lakh crore": South Asian scales multiply.
        const w2 = nextWord(text, e, se);
        const sc2 = w2 === null ? undefined : SCALE_WORDS.get(w2.f);
        if (w2 !== null && sc2 !== undefined && (sc2.exp === 7 || sc2.exp === 5) && isLatinLetter(w2.raw.charCodeAt(0))) {
          exp += sc2.exp;
          e = w2.end;
        }
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

  let value = scaled(mantissa, exp);
  if (exp > 0 && kind === "count" && currency === undefined) {
    // "مليون و200 ألف", "3 ملايين وخمسمئة ألف": a smaller scale added on.
    const more = compoundAfter(ctx, e, exp);
    if (more !== null) {
      value += more.value;
      e = more.end;
    }
  }
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

/** "مليون و634 ألفا و117", "382 ألفا و506", "ثلاثة آلاف وخمسمئة": smaller parts added on
 *  with و, each with a smaller scale word, the last possibly with none (below 1,000). */
function compoundAfter(ctx: Ctx, e: number, exp: number): { value: number; end: number } | null {
  let value = 0;
  let end = e;
  let last = exp;
  for (let parts = 0; parts < 4 && last >= 3; parts++) {
    const part = addendAt(ctx, end, last);
    if (part === null) break;
    value += part.value;
    end = part.end;
    last = part.exp;
  }
  return end === e ? null : { value, end };
}

function addendAt(ctx: Ctx, e: number, exp: number): { value: number; end: number; exp: number } | null {
  const { text, se } = ctx;
  let p = e;
  while (p < se && p - e < 3 && isSpace(text.charCodeAt(p))) p++;
  if (p >= se || text.charCodeAt(p) !== 0x648) return null; // و
  let q = p + 1;
  while (q < se && q - p < 3 && isSpace(text.charCodeAt(q))) q++;
  let mantissa: string;
  let end: number;
  if (q < se && isDigit(text.charCodeAt(q))) {
    const n = parseNumber(text, q, se, true, false);
    if (!n.ok) return null;
    mantissa = n.mantissa;
    end = n.end;
  } else {
    const w = wordAt(text, p + 1 === q ? p : q, se);
    if (w === null) return null;
    const nw = NUMBER_WORDS.get(w.f) ?? NUMBER_WORDS.get(withoutProclitic(w.f) ?? "");
    if (nw === undefined || nw < 1 || isLatinLetter(w.raw.charCodeAt(0))) return null;
    mantissa = String(nw);
    end = w.end;
  }
  const sw = nextWord(text, end, se);
  const sc = sw === null ? undefined : SCALE_WORDS.get(sw.f);
  if (sw !== null && sc !== undefined) {
    if (sc.exp >= exp) return null;
    return { value: scaled(mantissa, sc.exp), end: sw.end, exp: sc.exp };
  }
  // A last part with no scale word: less than a thousand, and a whole number.
  const v = Number(mantissa);
  if (!Number.isInteger(v) || v >= 1000 || exp < 3) return null;
  return { value: v, end, exp: 0 };
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
    // English counts take a plural: "2000 students" counts, "the 2019 report" dates.
    if (isLatinLetter(c0) && nounKey(nextW.raw) === nextW.f && !PERSON_NOUNS.has(nextW.f)) return date();
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

  const english = () => !arabicAround(text, i, ss, se);
  const numericDate = parseNumericDate(text, i, se, english);
  if (numericDate !== null) {
    const q = dateQuantity(ctx, i, numericDate.end, numericDate.year, numericDate.month, numericDate.day);
    return { q, next: numericDate.end };
  }
  const phone = phoneEnd(text, i, se);
  if (phone > 0) return { q: null, next: phone };

  // Read as Arabic first; the ambiguous "d.ddd" case is settled below by the script
  // around the figure, which costs a scan and is rarely needed.
  let parsed = parseNumber(text, i, se, true, false);
  if (parsed.ok && parsed.end < se && text.charCodeAt(parsed.end) === 0x60c && parsed.plain) {
    // "٧،٥ مليون": an Arabic comma as decimal point, only before a scale word.
    const alt = parseNumber(text, i, se, true, true);
    if (alt.ok && alt.end > parsed.end) {
      const w = nextWord(text, alt.end, se);
      if (w !== null && SCALE_WORDS.has(w.f)) parsed = alt;
    }
  }
  if (!parsed.ok) return { q: null, next: skipToken(text, parsed.end, se) };
  let num: ParsedNumber = parsed;
  if (num.decimalMantissa !== undefined && english()) {
    num = { ok: true, end: num.end, mantissa: num.decimalMantissa, plain: false, leadDigits: num.leadDigits };
  }
  const e = num.end;
  let r = e < se ? text.charCodeAt(e) : 0x20;
  let r2 = e + 1 < se ? text.charCodeAt(e + 1) : 0x20;
  // "(64) ألف كيلومتر مربع": a number in parentheses before its scale word.
  let parenStart = -1;
  let parenEnd = -1;
  if (r === 0x29 && prev === 0x28) {
    const sw = nextWord(text, e + 1, se);
    if (sw !== null && SCALE_WORDS.has(sw.f)) {
      parenStart = i - 1;
      parenEnd = e + 1;
      r = 0x20;
      r2 = 0x20;
    }
  }

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

  // Hyphenated compounds: "30-day truce", "400-metre wall", "4-year-old", "5,000-strong".
  if (r === 0x2d && isLatinLetter(r2)) {
    const hw = wordAt(text, e + 1, se);
    const head = hw === null ? "" : (hw.f.split("-")[0] ?? "");
    const unit = HYPHEN_UNITS.get(head);
    if (hw !== null && unit !== undefined) {
      // "4-year-old" is an age: the span keeps "-old".
      const end = hw.f === head + "-old" ? hw.end : hw.start + head.length;
      const q = makeQuantity(ctx, i, end, scaled(num.mantissa, 0), unit.kind);
      q.unit = unit.unit;
      return { q, next: skipToken(text, hw.end, se) };
    }
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
    const rawSuffix = text.slice(e, g);
    const suffix = rawSuffix.toLowerCase();
    // "5G", "3D": a single capital letter is a name, unless it scales money ("$5M").
    if (rawSuffix.length === 1 && isUpperLatin(r) && !(SCALE_SUFFIXES.has(suffix) && currencyBefore(text, i, ss) !== null)) return skip();
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
  const percentFirst = (prev === 0x25 || prev === 0x66a) && (i - 2 < ss || isSpace(prev2) || (isArabicLetter(prev2) && procliticBefore(text, i - 1, ss)));
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
    start: parenStart >= 0 ? parenStart : start,
    end: parenEnd >= 0 ? parenEnd : e,
    mantissa: num.mantissa,
    exp: 0,
    plain: parenStart >= 0 ? false : num.plain,
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
  if (w === null || w.end !== p - 1) return false;
  // Single Arabic letters with a dot are abbreviations ("ص." page, "ت." telephone, "ص.ب." box).
  return (
    NUMBER_ABBREVIATIONS.has(w.f) ||
    NUMBER_ABBREVIATIONS.has(withoutProclitic(w.f) ?? "") ||
    (w.f.length === 1 && isArabicLetter(w.f.charCodeAt(0)))
  );
}

/** A scale word with no digits before it: "مليوني شخص", "ثلاثة ملايين", "half a million". */
function handleScaleWord(ctx: Ctx, ws: number): Step {
  const { text, ss, se } = ctx;
  const w = wordAt(text, ws, se);
  if (w === null) return { q: null, next: ws + 1 };
  let sc = SCALE_WORDS.get(w.f);
  let ownStart = ws;
  if (sc === undefined) {
    const bare = withoutProclitic(w.f);
    if (bare !== null) sc = SCALE_WORDS.get(bare);
    // A conjunction or preposition glued to the scale word is not part of the figure.
    if (sc !== undefined) ownStart = ws + 1;
  }
  if (sc === undefined) {
    // "المليوني شخص", "تجاوز المليونين", "بالمليونين": the definite dual is two of the scale.
    const def = stripArticle(w.f);
    const dual = def !== w.f ? SCALE_WORDS.get(def) : undefined;
    if (dual !== undefined && dual.form === "dual") {
      const head: Head = { start: ws, end: w.end, mantissa: "2", exp: dual.exp, plain: false, leadDigits: 0 };
      return finish(ctx, head);
    }
  }
  if (sc === undefined) return { q: null, next: w.end };
  const latin = isLatinLetter(w.raw.charCodeAt(0));
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
      ctx = { text, ss: s.start, se: s.end, sentence: s.index };
    }
    const step = digit ? handleNumber(ctx, p) : handleScaleWord(ctx, p);
    if (step.q !== null) {
      const last = out[out.length - 1];
      if (last === undefined || step.q.start >= last.end) {
        // "قتل 45 شخصا وأصيب 100 آخرين", "5 killed and 12 others": "others" are more of the same.
        if (step.q.noun !== undefined && OTHERS.has(step.q.noun) && last !== undefined && last.sentence === step.q.sentence && last.kind === "count") {
          if (last.noun !== undefined) step.q.noun = last.noun;
          if (last.unit !== undefined) step.q.unit = last.unit;
        }
        out.push(step.q);
      }
    }
    re.lastIndex = Math.max(step.next, p + 1);
  }
  return out;
}
