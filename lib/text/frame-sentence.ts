// What a sentence says about the figures in it: who is quoted and where, whether it
// reports an earlier toll, another period, or another event. One pass over the words
// of the sentence (at most MAX_SCAN characters of it), cached per sentence.
import { CHAR_FLAGS, F_WORD, isArabicWordChar, isLatinLetter, isUpperLatin } from "./chars";
import {
  CURRENT_PERIOD_PHRASES,
  EARLIER_PHRASES,
  INCREMENT_PHRASES,
  NATIONAL_WORDS,
  PART_WORDS,
  REGION_PLURALS,
  OTHER_EVENT_PHRASES,
  PREVIOUS_PERIOD_PHRASES,
  SOURCE_PREPS,
  SOURCE_STOP_AR,
  SOURCE_STOP_EN,
  SOURCE_VERBS_AR,
  SOURCE_VERBS_EN,
} from "./lexicon";
import { fold, isDefinite, nounKey, stripArticle } from "./normalize";
import { measureOfWord } from "./frames";
import { STARTERS } from "./lexicon/abbreviations";
import { withoutProclitic } from "./words";

const MAX_SCAN = 3000;
const MAX_SOURCE_WORDS = 4;

export type SWord = { start: number; end: number; f: string; raw: string };
/** An attribution: the verb's position and the source phrase as written. */
export type Attribution = { at: number; start: number; end: number; text: string; key: string; inherit: boolean };
export type Marker = { at: number; kind: "previous" | "current" };

export type SentenceFacts = {
  attributions: Attribution[];
  earlierAt: number[];
  periods: Marker[];
  otherEvent: boolean;
  national: boolean;
  /** "alone", "وحدها": the sentence gives a part of a total. */
  part: boolean;
  /** "in the four northern provinces", "في ثلاث محافظات": a region narrower than the whole. */
  region: string | null;
  /** Names that tell figures apart ("Japan", "Aleppo", "في حلب"), with their positions. */
  names: { at: number; key: string }[];
  /** "overnight", "خلال الساعات الماضية": the sentence counts an increment. */
  increment: boolean;
  /** Weekdays named in the sentence ("on Tuesday", "يوم الثلاثاء"). */
  days: string[];
};

/** Words of text[from, to): letters and digits runs, with an apostrophe or hyphen inside Latin words. */
export function scanWords(text: string, from: number, to: number): SWord[] {
  const out: SWord[] = [];
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (((CHAR_FLAGS[c] ?? 0) & F_WORD) === 0) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < to) {
      const d = text.charCodeAt(j);
      if (((CHAR_FLAGS[d] ?? 0) & F_WORD) !== 0) j++;
      else if ((d === 0x27 || d === 0x2019 || d === 0x2d) && j + 1 < to && isLatinLetter(text.charCodeAt(j + 1)) && isLatinLetter(text.charCodeAt(j - 1))) j++;
      else break;
    }
    const raw = text.slice(i, j);
    out.push({ start: i, end: j, raw, f: fold(raw) });
    i = j;
  }
  return out;
}

type PhraseKind = "earlier" | "previous" | "current" | "other" | "increment";
/** Every sentence-level phrase, indexed by its first word (also without a proclitic). */
const PHRASES: Map<string, { p: readonly string[]; kind: PhraseKind }[]> = (() => {
  const m = new Map<string, { p: readonly string[]; kind: PhraseKind }[]>();
  const add = (list: readonly (readonly string[])[], kind: PhraseKind) => {
    for (const p of list) {
      const first = p[0] ?? "";
      let l = m.get(first);
      if (l === undefined) m.set(first, (l = []));
      l.push({ p, kind });
    }
  };
  add(EARLIER_PHRASES, "earlier");
  add(PREVIOUS_PERIOD_PHRASES, "previous");
  add(CURRENT_PERIOD_PHRASES, "current");
  add(OTHER_EVENT_PHRASES, "other");
  add(INCREMENT_PHRASES, "increment");
  return m;
})();

function restMatches(words: readonly SWord[], k: number, phrase: readonly string[]): boolean {
  for (let j = 1; j < phrase.length; j++) if (words[k + j]?.f !== phrase[j]) return false;
  return true;
}

const WEEKDAYS: Map<string, string> = new Map(
  [
    ["monday", "1"], ["tuesday", "2"], ["wednesday", "3"], ["thursday", "4"], ["friday", "5"], ["saturday", "6"], ["sunday", "7"],
    ["الاثنين", "1"], ["الإثنين", "1"], ["الثلاثاء", "2"], ["الأربعاء", "3"], ["الخميس", "4"], ["الجمعة", "5"], ["السبت", "6"], ["الأحد", "7"],
  ].map(([k, v]) => [fold(k as string), v as string]),
);
/** Capitalised words that are not names of places or actors. */
const NOT_NAMES: Set<string> = new Set(
  [
    "i", "usd", "eur", "gbp", "us", "million", "billion", "thousand", "trillion", "millon", "rs", "inr", "gmt", "utc",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "the", "a", "an", "in", "on", "at", "of", "for", "and", "but", "it", "its", "this", "that", "officials", "police", "lawyers",
    "أيلول", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "كانون", "تشرين", "يناير", "فبراير", "مارس", "أبريل", "مايو",
    "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر", "وقت", "حين", "حينه", "ظل", "إطار", "حال", "حين", "عام", "سنة",
    "يوم", "أسبوع", "شهر", "مؤتمر", "بيان", "تصريح", "تقرير", "حديث", "مقابلة", "أعقاب", "أثناء", "غضون",
  ].map(fold),
);
const PASSIVE = new Set(["been", "be", "being", "was", "were", "is", "are"]);
const AUXILIARIES = new Set(["had", "has", "have", "would", "will", "also", "later", "earlier"]);
/** Verbs whose subject may follow them: "said the ministry". */
const INVERTING = new Set(["said", "says", "told", "reported", "added"]);
const PRONOUNS = new Set(["he", "she", "they", "it", "we", "i", "هو", "هي", "هم"]);

function span(text: string, ws: readonly SWord[]): { start: number; end: number; text: string; key: string } | null {
  const first = ws[0];
  const last = ws[ws.length - 1];
  if (first === undefined || last === undefined) return null;
  return { start: first.start, end: last.end, text: text.slice(first.start, last.end), key: ws.map((w) => w.f).join(" ") };
}

/** Arabic subject after the verb: up to four words, stopping at إن/أن, prepositions, times. */
function subjectAfter(text: string, words: readonly SWord[], k: number): SWord[] {
  const out: SWord[] = [];
  for (let j = k + 1; j < words.length && out.length < MAX_SOURCE_WORDS; j++) {
    const w = words[j];
    if (w === undefined) break;
    if (SOURCE_STOP_AR.has(w.f) || SOURCE_STOP_EN.has(w.f) || isDigitWord(w) || measureOfWord(w.f) !== undefined) break;
    // Punctuation between words ends the phrase.
    const prev = words[j - 1];
    if (j > k + 1 && prev !== undefined && /[^\s]/.test(text.slice(prev.end, w.start))) break;
    if (j === k + 1 && /[^\s]/.test(text.slice(words[k]?.end ?? w.start, w.start))) break;
    out.push(w);
  }
  return out;
}

/** English subject before the verb: the capitalised or nominal words right before it. */
function subjectBefore(text: string, words: readonly SWord[], k: number): SWord[] {
  const out: SWord[] = [];
  let from = k - 1;
  const aux = words[from]?.f ?? "";
  if (PASSIVE.has(aux)) return out;
  if (AUXILIARIES.has(aux)) from--;
  for (let j = from; j >= 0 && out.length < MAX_SOURCE_WORDS; j--) {
    const w = words[j];
    if (w === undefined || isDigitWord(w)) break;
    const next = words[j + 1];
    if (next !== undefined && /[^\s]/.test(text.slice(w.end, next.start))) break;
    if (SOURCE_STOP_EN.has(w.f) && !(w.f === "the" && out.length > 0)) break;
    if (w.f === "the") break;
    out.unshift(w);
  }
  return out;
}

function arabicSubjectBefore(text: string, words: readonly SWord[], k: number): SWord[] {
  const out: SWord[] = [];
  // "وكانت السلطات قد أعلنت": step over قد.
  const from = words[k - 1]?.f === "قد" ? k - 2 : k - 1;
  for (let j = from; j >= 0 && out.length < 3; j--) {
    const w = words[j];
    const next = words[j + 1];
    if (w === undefined || next === undefined || isDigitWord(w) || /[^\s]/.test(text.slice(w.end, next.start))) break;
    if (SOURCE_STOP_AR.has(w.f) || SOURCE_STOP_EN.has(w.f) || measureOfWord(w.f) !== undefined || !isArabicWordChar(w.raw.charCodeAt(0))) break;
    out.unshift(w);
  }
  return out;
}

function isDigitWord(w: SWord): boolean {
  const c = w.raw.charCodeAt(0);
  return (c >= 48 && c <= 57) || (c >= 0x660 && c <= 0x669) || (c >= 0x6f0 && c <= 0x6f9);
}

export function sentenceFacts(text: string, ss: number, se: number): SentenceFacts {
  const words = scanWords(text, ss, Math.min(se, ss + MAX_SCAN));
  const facts: SentenceFacts = { attributions: [], earlierAt: [], periods: [], otherEvent: false, national: false, part: false, region: null, names: [], days: [], increment: false };
  for (let k = 0; k < words.length; k++) {
    const w = words[k];
    if (w === undefined) break;
    const bare = withoutProclitic(w.f) ?? w.f;
    const list = PHRASES.get(w.f) ?? (bare !== w.f ? PHRASES.get(bare) : undefined);
    if (list !== undefined) {
      let period = false;
      for (const { p, kind } of list) {
        if (!restMatches(words, k, p)) continue;
        if (kind === "earlier") facts.earlierAt.push(w.start);
        else if (kind === "other") facts.otherEvent = true;
        else if (kind === "increment") facts.increment = true;
        else if (!period) {
          facts.periods.push({ at: w.start, kind });
          period = true;
        }
      }
    }
    if (PART_WORDS.has(w.f)) facts.part = true;
    if (facts.region === null && (REGION_PLURALS.has(w.f) || (w.f.charCodeAt(1) === 0x644 && REGION_PLURALS.has(stripArticle(w.f))))) {
      facts.region = "regional:" + nounKey(w.raw);
    }
    if (NATIONAL_WORDS.has(w.f) || (w.f === "across" && words[k + 2]?.f === "country")) facts.national = true;

    const arVerb = SOURCE_VERBS_AR.has(w.f) || SOURCE_VERBS_AR.has(bare);
    if (arVerb) {
      let subj = subjectAfter(text, words, k);
      // "لكن منظمة إغاثة قالت إن ...": a subject before the verb.
      if (subj.length === 0) subj = arabicSubjectBefore(text, words, k);
      const s = span(text, subj);
      facts.attributions.push(s === null ? { at: w.start, start: w.start, end: w.end, text: "", key: "", inherit: true } : { at: w.start, ...s, inherit: false });
      continue;
    }
    if (SOURCE_PREPS.has(w.f) || SOURCE_PREPS.has(bare) || (w.f === "according" && words[k + 1]?.f === "to")) {
      const from = w.f === "according" ? k + 1 : k;
      const subj = subjectAfter(text, words, from);
      // "نقلا عن", "وفقا لـ": skip the linking word.
      const s = span(text, subj[0]?.f === "عن" ? subj.slice(1) : subj);
      if (s !== null) facts.attributions.push({ at: w.start, ...s, inherit: false });
      continue;
    }
    if (SOURCE_VERBS_EN.has(w.f) && isLatinLetter(w.raw.charCodeAt(0))) {
      if (PASSIVE.has(words[k - 1]?.f ?? "")) continue;
      let subj = subjectBefore(text, words, k);
      // "said the ministry", "told Reuters": a subject after the verb.
      if (subj.length === 0 || PRONOUNS.has(subj[subj.length - 1]?.f ?? "")) {
        const after = words[k + 1];
        if (after !== undefined && (after.f === "the" || isUpperLatin(after.raw.charCodeAt(0))) && INVERTING.has(w.f) && w.f !== "told") {
          subj = subjectAfter(text, words, after.f === "the" ? k + 1 : k);
        }
      }
      const pronoun = subj.length === 1 && PRONOUNS.has(subj[0]?.f ?? "");
      const s = pronoun ? null : span(text, subj);
      facts.attributions.push(s === null ? { at: w.start, start: w.start, end: w.end, text: "", key: "", inherit: true } : { at: w.start, ...s, inherit: false });
    }
  }
  collectNames(text, words, facts);
  return facts;
}

/** Proper names near figures: capitalised English words (not the first word, not a
 *  source, not a month, weekday, currency or scale), and Arabic "في X" where X is a bare
 *  noun not followed by a definite one (a place: "في حلب", not "في انهيار المبنى"). */
function collectNames(text: string, words: readonly SWord[], facts: SentenceFacts): void {
  const inSource = (w: SWord) => facts.attributions.some((a) => w.start >= a.start && w.end <= a.end);
  for (let k = 0; k < words.length; k++) {
    const w = words[k] as SWord;
    const day = WEEKDAYS.get(w.f) ?? (w.f.length > 4 && w.f.charCodeAt(0) === 0x648 ? WEEKDAYS.get(w.f.slice(1)) : undefined);
    if (day !== undefined) {
      if (!facts.days.includes(day)) facts.days.push(day);
      continue;
    }
    const c = w.raw.charCodeAt(0);
    if (isUpperLatin(c)) {
      // The first word is capitalised anyway: a name only if it is no common starter or plural.
      if (k === 0 && (STARTERS.has(w.f) || w.f.endsWith("s"))) continue;
      if (w.raw.length < 2 || inSource(w) || words[k - 1]?.f === "told" || NOT_NAMES.has(w.f) || measureOfWord(w.f) !== undefined) continue;
      facts.names.push({ at: w.start, key: w.f });
      continue;
    }
    if ((w.f === "في" || w.f === "وفي") && k + 1 < words.length) {
      const x = words[k + 1] as SWord;
      const next = words[k + 2];
      if (!isArabicWordChar(x.raw.charCodeAt(0)) || /[^\s]/.test(text.slice(w.end, x.start))) continue;
      if (isDefinite(x.f) || NOT_NAMES.has(x.f) || SOURCE_STOP_AR.has(x.f) || measureOfWord(x.f) !== undefined) continue;
      if (next !== undefined && isDefinite(next.f) && !/[^\s]/.test(text.slice(x.end, next.start))) continue;
      facts.names.push({ at: x.start, key: x.f });
    }
  }
}
