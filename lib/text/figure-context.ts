// What surrounds a figure: the hedge before it, the noun it counts, the currency or unit
// written with it, and whether it is an earlier or compared value. Every reader looks at
// a bounded number of words inside the figure's sentence.
import { isArabicWordChar, isLatinLetter, isLetter, isSpace, isUpperLatin } from "./chars";
import {
  COMPARISON_BEFORE,
  CURRENCY_SYMBOLS,
  CURRENCY_WORDS,
  EN_ADJECTIVES,
  EN_CURRENCY_ADJECTIVES,
  MONTHS,
  PERCENT_PHRASES,
  QUALIFIERS,
  SCALE_WORDS,
  STOPWORDS,
  UNIT_WORDS,
  WAW_NOUNS,
  YEAR_STRONG,
  YEAR_WEAK,
  type Currency,
  type Qualifier,
  type UnitEntry,
} from "./lexicon";
import { fold, isDefinite, nounKey, stripArticle } from "./normalize";
import type { Quantity } from "./types";
import { nextWord, nextWords, prevWord, prevWords, withoutProclitic, type Word } from "./words";

export type Ctx = {
  text: string;
  /** Sentence bounds: no look-around crosses them. */
  ss: number;
  se: number;
  sentence: number;
};

export const TIME_AFTER = new Set(
  ["صباحا", "صباح", "مساء", "مساءا", "ظهرا", "فجرا", "ليلا", "عصرا", "am", "pm", "gmt", "utc", "بتوقيت", "o'clock"].map(fold),
);
const PERCENT_WORDS = new Set(PERCENT_PHRASES.map((p) => p[p.length - 1] ?? ""));
const PERCENT_SKIP = new Set(["من", "منهم", "منها", "منهن", "منه", "of", "the", "them", "those", "its", "their", "all"].map(fold));
const MONEY_LINK = new Set(["in", "for", "of", "worth", "من", "ل", "ك"].map(fold));
export const VERBISH_EN = /(?:ed|ing)$/;
// Verbs that follow a bare figure in English ("1.5 million fled", "rose to 12%"): never
// the counted noun.
export const EN_VERBS = new Set([
  "rose", "fell", "stood", "hit", "reached", "was", "is", "be", "jumped",
  "dropped", "climbed", "grew", "left", "fled", "came", "went", "got", "took", "made", "lost", "won",
  "gave", "saw", "ran", "became", "began", "broke", "brought", "built", "bought", "caught", "chose",
  "drew", "drove", "ate", "felt", "fought", "found", "flew", "held", "hid", "hurt", "kept", "knew",
  "led", "met", "paid", "put", "sat", "sent", "set", "shot", "spent", "struck", "taught", "told",
  "thought", "threw", "wrote", "remain", "remains", "live", "lives", "work", "works", "die", "dies",
  "need", "needs", "face", "faces", "returned", "voted", "attended", "marched", "signed", "say",
  "think", "believe", "want", "are", "were", "have", "had", "will", "would", "can", "could", "may",
]);

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

export function matchPhrase(words: readonly Word[], phrase: readonly string[]): boolean {
  if (words.length < phrase.length) return false;
  for (let k = 0; k < phrase.length; k++) if ((words[k]?.f ?? "") !== phrase[k]) return false;
  return true;
}

export function currencyWordAt(text: string, pos: number, limit: number): { currency: Currency; end: number } | null {
  const w = nextWord(text, pos, limit);
  if (w === null) return null;
  const entry = CURRENCY_WORDS.get(w.f);
  if (entry !== undefined) {
    let currency: Currency = entry.code !== undefined ? { unit: entry.unit, code: entry.code } : { unit: entry.unit };
    let end = w.end;
    const adj = nextWord(text, w.end, limit);
    if (adj !== null && entry.adjectives !== undefined) {
      // "سورية", "سوري", "أردنيا" (accusative): the adjective in any of its endings.
      const refined = entry.adjectives[adj.f] ?? entry.adjectives[adj.f.replace(/[هيا]$/, "")] ?? entry.adjectives[adj.f.replace(/ا$/, "")];
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

export function currencySymbolAfter(text: string, pos: number, limit: number): { currency: Currency; end: number } | null {
  let p = pos;
  if (p < limit && text.charCodeAt(p) === 0x20) p++;
  if (p >= limit) return null;
  const sym = CURRENCY_SYMBOLS.get(text.charAt(p));
  if (sym === undefined) return null;
  return { currency: sym, end: p + 1 };
}

/** "$4.2", "US$ 5", "€3", "USD 40": a currency written before the amount. */
export function currencyBefore(text: string, i: number, floor: number): { currency: Currency; start: number } | null {
  let p = i;
  if (p - 1 >= floor && text.charCodeAt(p - 1) === 0x20) p--;
  if (p - 1 < floor) return null;
  const one = CURRENCY_SYMBOLS.get(text.charAt(p - 1));
  if (one !== undefined) {
    if (text.charAt(p - 1) === "$" && p - 3 >= floor && text.slice(p - 3, p) === "US$") return { currency: one, start: p - 3 };
    return { currency: one, start: p - 1 };
  }
  // "Rs 45 crore", "Rs. 300": rupees.
  for (const abbr of ["Rs.", "Rs", "INR"]) {
    const at = p - abbr.length;
    if (at >= floor && text.startsWith(abbr, at) && (at === floor || !isLetter(text.charCodeAt(at - 1)))) return { currency: { unit: "rupees", code: "INR" }, start: at };
  }
  if (p - 3 >= floor) {
    const code = text.slice(p - 3, p);
    const c = CURRENCY_SYMBOLS.get(code);
    if (c !== undefined && code.length === 3 && (p - 4 < floor || !isLetter(text.charCodeAt(p - 4)))) return { currency: c, start: p - 3 };
  }
  return null;
}

export function unitAfter(text: string, pos: number, limit: number): { entry: UnitEntry; end: number } | null {
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

export function percentAfter(text: string, pos: number, limit: number): number {
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
