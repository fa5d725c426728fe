// Assembling a figure once its number is read: the scale word after it, percent,
// currency and unit, the counted noun, a compound remainder ("و117"), the hedge, and
// whether a bare four-digit number is a year.
import { isArabicWordChar, isLatinLetter } from "./chars";
import { withYearSuffix } from "./dates";
import {
  countNoun,
  countNounBefore,
  eventNoun,
  isContentWord,
  percentNoun,
  qualifierBefore,
  topicNoun,
  type Ctx,
} from "./figure-context";
import { currencySymbolAfter, currencyWordAt, percentAfter, unitAfter } from "./figure-units";
import {
  APPROX_AFTER,
  GLUED_UNITS,
  PERSON_NOUNS,
  SCALE_SUFFIXES,
  SCALE_WORDS,
  UNIT_WORDS,
  YEAR_STRONG,
  YEAR_SUFFIXES,
  YEAR_WEAK,
  WAW_NOUNS,
  type Currency,
  EN_VERBS,
  VERBISH_EN,
} from "./lexicon";
import { isDefinite, nounKey } from "./normalize";
import { scaled } from "./numbers";
import type { Quantity, QuantityKind } from "./types";
import { nextWord, prevWord, withoutProclitic, wordAt } from "./words";
import { compoundAfter, halfAfter } from "./scale-words";
import { skipToken } from "./figure-tokens";

export type Step = { q: Quantity | null; next: number };

export function dateQuantity(ctx: Ctx, start: number, end: number, year: number | null, month: number | null, day: number | null): Quantity {
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

export function makeQuantity(ctx: Ctx, start: number, end: number, value: number, kind: QuantityKind): Quantity {
  return { start, end, text: ctx.text.slice(start, end), value, kind, sentence: ctx.sentence };
}

// ---------------------------------------------------------------------------------
// The figure after its number has been read: scale, percent, currency, unit, noun.

export type Head = {
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

export function finish(ctx: Ctx, h: Head): Step {
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

function approxAfter(ctx: Ctx, e: number): boolean {
  const w = nextWord(ctx.text, e, ctx.se);
  return w !== null && APPROX_AFTER.has(w.f);
}

/** Decides whether a plain four-digit number is a year; returns the date figure if so. */
export function yearReading(ctx: Ctx, start: number, end: number, year: number): Step | null {
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

