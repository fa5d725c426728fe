// What surrounds a figure: the hedge before it, the noun it counts, the currency or unit
// written with it, and whether it is an earlier or compared value. Every reader looks at
// a bounded number of words inside the figure's sentence.
import { isArabicWordChar, isLatinLetter, isUpperLatin } from "./chars";
import {
  EN_VERBS,
  MONEY_LINK,
  PERCENT_SKIP,
  PERCENT_WORDS,
  TIME_AFTER,
  VERBISH_EN,
  CURRENCY_WORDS,
  EN_ADJECTIVES,
  MONTHS,
  QUALIFIERS,
  SCALE_WORDS,
  STOPWORDS,
  UNIT_WORDS,
  WAW_NOUNS,
  YEAR_STRONG,
  YEAR_WEAK,
  type Qualifier,
} from "./lexicon";
import { isDefinite, nounKey, stripArticle } from "./normalize";
import { nextWord, nextWords, prevWord, prevWords, withoutProclitic, type Word } from "./words";

export type Ctx = {
  text: string;
  /** Sentence bounds: no look-around crosses them. */
  ss: number;
  se: number;
  sentence: number;
};

/** For dates and durations, what they are of: the nearest content word before the figure
 *  ("تأسس التحالف في أيلول 2014" → "تحالف"). */
export function eventNoun(ctx: Ctx, start: number): string | undefined {
  const before = prevWords(ctx.text, start, ctx.ss, 3);
  for (let k = before.length - 1; k >= 0; k--) {
    const w = before[k];
    if (w === undefined) break;
    const bare = withoutProclitic(w.f) ?? w.f;
    if (YEAR_WEAK.has(w.f) || YEAR_STRONG.has(w.f) || STOPWORDS.has(w.f) || MONTHS.has(w.f)) continue;
    if (YEAR_STRONG.has(bare) || STOPWORDS.has(bare)) continue;
    // Words of a neighbouring figure ("$4.2 billion in 2019") say nothing about the date.
    if (SCALE_WORDS.has(w.f) || CURRENCY_WORDS.has(w.f) || UNIT_WORDS.has(w.f)) return undefined;
    if (w.f.length < 2) continue;
    return nounKey(w.raw);
  }
  return undefined;
}

// Qualifier phrases indexed by their last word.
const QUALIFIERS_BY_LAST = (() => {
  const m = new Map<string, { words: readonly string[]; q: Qualifier }[]>();
  for (const entry of QUALIFIERS) {
    const last = entry.words[entry.words.length - 1] ?? "";
    const keys = [last];
    // One-word phrases may carry a proclitic ("بنحو"): index those forms too.
    if (entry.words.length === 1) for (const p of ["و", "ب", "ل", "ف"]) keys.push(p + last);
    for (const k of keys) {
      let list = m.get(k);
      if (list === undefined) m.set(k, (list = []));
      list.push(entry);
    }
  }
  return m;
})();

export function qualifierBefore(ctx: Ctx, start: number): Qualifier | undefined {
  const nearest = prevWord(ctx.text, start, ctx.ss);
  if (nearest === null) return undefined;
  const candidates = QUALIFIERS_BY_LAST.get(nearest.f);
  if (candidates === undefined) return undefined;
  const before = prevWords(ctx.text, start, ctx.ss, 4);
  const fs = before.map((w) => w.f);
  // Longest phrase first; a proclitic on the phrase's first word is allowed ("بنحو").
  let best: { len: number; q: Qualifier } | undefined;
  for (const { words, q } of candidates) {
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

export function isContentWord(w: Word): boolean {
  if (STOPWORDS.has(w.f)) return false;
  if (w.f.length < 2) return false;
  return true;
}

export function isDemonym(raw: string): boolean {
  return isUpperLatin(raw.charCodeAt(0)) && /(?:an|ese|i|ish|ch)$/.test(raw);
}

/** The counted noun after a figure: one word in Arabic ("7 ملايين شخص"), the head after
 *  any adjectives in English ("5 million Syrian refugees"). */
export function countNoun(ctx: Ctx, e: number): { noun: string; end: number | null } | null {
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
    // "16 of the country's 18 states": a possessive is not the counted noun.
    if (target !== undefined && /['’]s?$/.test(target.raw)) return null;
    if (target !== undefined && isContentWord(target) && !VERBISH_EN.test(target.f) && !EN_VERBS.has(target.f)) return { noun: nounKey(target.raw), end: null };
    return null;
  }
  if (!isContentWord(head) || VERBISH_EN.test(head.f) || EN_VERBS.has(head.f) || TIME_AFTER.has(head.f)) return null;
  return { noun: nounKey(head.raw), end: head.end };
}

/** "بلغ عدد القتلى 45": the counted noun written before the figure. */
export function countNounBefore(ctx: Ctx, start: number): string | undefined {
  const before = prevWords(ctx.text, start, ctx.ss, 5);
  for (let k = before.length - 2; k >= 0; k--) {
    const w = before[k];
    const next = before[k + 1];
    if (w === undefined || next === undefined) continue;
    const f = stripArticle(w.f);
    if (f === "عدد" || withoutProclitic(w.f) === "عدد" || f === "حصيله") return nounKey(next.raw);
    // "the death toll rose to 94"
    if (next.f === "toll" && (w.f === "death" || w.f === "casualty")) return nounKey("deaths");
  }
  return undefined;
}

/** What a percentage is of: "32% منهم من النساء", "15% of children", "نسبة البطالة 12%". */
export function percentNoun(ctx: Ctx, start: number, end: number): string | undefined {
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
    // "نسبة البطالة", "معدل البطالة", "unemployment rate"
    const head = withoutProclitic(w.f) ?? f;
    if (f === "نسبه" || head === "نسبه" || f === "معدل" || head === "معدل") return nounKey(next.raw);
    if (next.f === "rate" && isContentWord(w)) return nounKey(w.raw);
  }
  // "Turnout was 65 percent", "وصلت البطالة إلى 12%": the subject a few words before.
  for (let k = before.length - 1; k >= Math.max(0, before.length - 3); k--) {
    const w = before[k];
    if (w === undefined) break;
    if (STOPWORDS.has(w.f) || EN_VERBS.has(w.f) || VERBISH_EN.test(w.f) || w.f === "to" || w.f === "at") continue;
    // The tail of an earlier figure ("20 في المئة و5%") is no subject.
    if (SCALE_WORDS.has(w.f) || CURRENCY_WORDS.has(w.f) || UNIT_WORDS.has(w.f) || PERCENT_WORDS.has(w.f)) return undefined;
    if (isArabicWordChar(w.raw.charCodeAt(0)) && !isDefinite(w.f)) continue;
    if (!isContentWord(w)) continue;
    return nounKey(w.raw);
  }
  return undefined;
}

/** What an amount of money or a measure is of: the next content word, or "من/of" + noun. */
export function topicNoun(ctx: Ctx, end: number, requireDefinite: boolean): string | undefined {
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
