// A figure that starts with digits: rejects identifiers, phone numbers, times, list
// markers and ranges; reads dates with month names; hands the rest to the assembly.
import {
  isAlnum,
  isArabicLetter,
  isArabicWordChar,
  isDigit,
  isLatinLetter,
  isLetter,
  isSpace,
  isUpperLatin,
} from "./chars";
import { monthAfter, monthBefore, withYearSuffix, yearAfter } from "./dates";
import {
  type Ctx,
} from "./figure-context";
import { currencyBefore } from "./figure-units";
import {
  GLUED_UNITS,
  IDENTIFIER_WORDS,
  PHONE_WORDS,
  RANK_WORDS,
  SCALE_SUFFIXES,
  SCALE_WORDS,
  TIME_AFTER,
} from "./lexicon";
import { stripArticle } from "./normalize";
import { parseNumber, parseNumericDate, scaled, type ParsedNumber } from "./numbers";
import { nextWord, prevWord, prevWords, withoutProclitic, wordAt } from "./words";
import { HYPHEN_UNITS, NUMBER_ABBREVIATIONS, ORDINAL_SUFFIXES, TIME_BEFORE } from "./lexicon";
import { dateQuantity, finish, makeQuantity, type Head, type Step } from "./figure-assembly";
import { arabicAround, phoneEnd, procliticBefore, skipToken } from "./figure-tokens";

export function handleNumber(ctx: Ctx, i: number): Step {
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

