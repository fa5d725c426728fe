// Sentence segmentation: one left-to-right pass over the text.
//
// Intl.Segmenter is not used: its sentence mode is quadratic on long unbroken input in
// V8 (a 1 MB paragraph takes seconds), it ends a sentence at every line break and after
// abbreviations and list numbers. Every look-around here is bounded, so the whole pass
// is linear in the input.
//
// (A little over 300 lines: one scanner and the decisions it makes at a stop, which read
// best side by side; its word lists live in lexicon/abbreviations.ts.)
import {
  CHAR_FLAGS,
  F_CLOSER,
  F_DIGIT,
  F_LETTER,
  F_LINEBREAK,
  F_SPACE,
  F_TERMINATOR,
  isCloser,
  isDigit,
  isLatinLetter,
  isLineBreak,
  isLowerLatin,
  isOpener,
  isArabicLetter,
  isSpace,
  isTerminator,
  isUpperLatin,
} from "./chars";
import { isBoilerplateLine } from "./boilerplate";
import { MAY_END, MONTH_ABBREVIATIONS, NUMBER_ABBREVIATIONS, STARTERS, TITLES } from "./lexicon/abbreviations";
import type { Sentence } from "./types";

const DOT = 0x2e;
const LOOK = 64;

// Module-local aliases: hot loops index the table directly instead of calling an
// imported function per character.
const FL = CHAR_FLAGS;
const SPACE = F_SPACE;
const LINEBREAK = F_LINEBREAK;
const ENDING = F_TERMINATOR | F_CLOSER;
const CONTENT = F_DIGIT | F_LETTER;
// The only characters the scanner must stop at: terminators and line breaks.
const CANDIDATE_SOURCE = "[.!?\\u061F\\u2026\\u06D4\\u203C\\u2047-\\u2049\\uFF01\\uFF1F\\u3002\\n\\r\\f\\u2028\\u2029]";

const ROMAN = /^(?:i{1,3}|iv|vi{0,3}|ix|x{1,3})$/i;

function firstNonSpace(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** Reads the word starting at `i` (Latin letters only), at most LOOK characters. */
function latinWordAt(text: string, i: number): string {
  let j = i;
  while (j < text.length && j - i < LOOK && isLatinLetter(text.charCodeAt(j))) j++;
  return text.slice(i, j);
}

function isDottedAcronym(token: string): boolean {
  // "U.S", "U.N", "e.g", "a.m", "Ph.D", "أ.ف.ب", "ص.ب": short letter runs joined by dots.
  if (token.indexOf(".") < 0) return false;
  const parts = token.split(".");
  for (const p of parts) {
    if (p.length === 0 || p.length > 3) return false;
    for (let k = 0; k < p.length; k++) {
      const c = p.charCodeAt(k);
      if (!isLatinLetter(c) && !isArabicLetter(c) && c !== 0x640) return false;
    }
  }
  return true;
}

function isArabicToken(token: string): boolean {
  for (let k = 0; k < token.length; k++) if (isArabicLetter(token.charCodeAt(k))) return true;
  return false;
}

/** Arabic single-letter abbreviations ("د." doctor, "م." engineer, "أ." professor) end no
 *  sentence; after a year, "م." and "هـ." are calendar marks and do. */
function arabicLetterCount(token: string): number {
  let n = 0;
  for (let k = 0; k < token.length; k++) if (isArabicLetter(token.charCodeAt(k))) n++;
  return n;
}

function previousTokenIsNumber(text: string, tokenStart: number, floor: number): boolean {
  let k = tokenStart - 1;
  while (k >= floor && tokenStart - k < LOOK && isSpace(text.charCodeAt(k))) k--;
  return k >= floor && isDigit(text.charCodeAt(k));
}

/**
 * Decides whether the terminator run text[t, k) (followed by whitespace or the end)
 * closes the sentence that began at `segStart`.
 */
function endsSentence(text: string, segStart: number, t: number, k: number): boolean {
  const n = text.length;
  let next = k;
  while (next < n && next - k < LOOK && isSpace(text.charCodeAt(next))) next++;
  const nextCode = next < n ? text.charCodeAt(next) : -1;
  // A lower-case Latin word after the stop means the sentence goes on ("“Why?” he asked",
  // "the U.N. agency", "approx. three").
  if (nextCode >= 0 && isLowerLatin(nextCode)) return false;

  if (text.charCodeAt(t) !== DOT) return true;
  let closedParen = false;
  for (let q = t + 1; q < k; q++) {
    const d = text.charCodeAt(q);
    if (d === 0x29 || d === 0x5d) closedParen = true;
    else return true; // a second terminator or a quote: a real end
  }
  // A single dot: look at the token before it.
  let ts = t;
  while (ts > segStart && t - ts < LOOK && !isSpace(text.charCodeAt(ts - 1))) ts--;
  const atSegmentStart = firstNonSpace(text, segStart, t) === ts;
  while (ts < t && isOpener(text.charCodeAt(ts))) ts++;
  if (ts >= t) return true;
  const token = text.slice(ts, t);
  // "(أ.ف.ب.)", "(U.N.)": an abbreviation closing a parenthesis ends nothing.
  if (closedParen) return !isDottedAcronym(token);

  // List markers: "1." "١." "a." "iv." opening a line or sentence.
  if (atSegmentStart) {
    let allDigits = token.length <= 3;
    for (let q = 0; q < token.length && allDigits; q++) allDigits = isDigit(token.charCodeAt(q));
    if (allDigits) return false;
    if (token.length === 1 && (isLatinLetter(token.charCodeAt(0)) || isArabicLetter(token.charCodeAt(0)))) return false;
    if (ROMAN.test(token) && nextCode >= 0 && !isLowerLatin(nextCode)) return false;
  }

  if (isArabicToken(token)) {
    const letters = arabicLetterCount(token);
    const dotted = isDottedAcronym(token);
    if (letters === 1 || dotted) {
      // Calendar marks after a year: "عام 2020 م." "1441 هـ." "300 ق.م."
      const bare = token.replace(/\u0640/g, "");
      if ((bare === "م" || bare === "ه" || bare === "هـ" || bare === "ق.م") && previousTokenIsNumber(text, ts, segStart)) {
        return true;
      }
      return false;
    }
    return true;
  }

  const lower = token.toLowerCase();
  const nextWord = nextCode >= 0 && isLatinLetter(nextCode) ? latinWordAt(text, next).toLowerCase() : "";
  const nextIsStarter = nextWord.length > 0 && STARTERS.has(nextWord);
  if (isDottedAcronym(token)) {
    // "e.g." and "i.e." never close a sentence; "U.S." does only before a typical opener.
    if (lower === "e.g" || lower === "i.e" || lower === "cf") return false;
    return nextIsStarter || nextCode < 0;
  }
  if (token.length === 1 && isUpperLatin(token.charCodeAt(0))) {
    // An initial ("John F. Kennedy").
    return nextCode < 0;
  }
  if (TITLES.has(lower)) return nextCode < 0 || (lower === "jr" || lower === "sr" ? nextIsStarter : false);
  if (NUMBER_ABBREVIATIONS.has(lower) || MONTH_ABBREVIATIONS.has(lower) || lower === "est") {
    if (nextCode >= 0 && (isDigit(nextCode) || nextCode === 0x23)) return false;
    return true;
  }
  if (MAY_END.has(lower)) return nextCode < 0 || nextIsStarter || !isLatinLetter(nextCode);
  return true;
}

/**
 * Arabic copy often drops the space after a stop ("دولار.وأضاف"). A stop glued between
 * two Arabic words ends the sentence unless the word before is a one-letter
 * abbreviation ("د.محمد", "أ.ف.ب").
 */
function endsGluedArabic(text: string, t: number, k: number): boolean {
  const c = text.charCodeAt(t);
  let p = t - 1;
  while (p >= 0 && t - p < 4 && isCloser(text.charCodeAt(p))) p--;
  if (p < 0 || !isArabicLetter(text.charCodeAt(p))) return false;
  if (c !== DOT || k !== t + 1) return true;
  let letters = 0;
  let q = p;
  while (q >= 0 && t - q < LOOK && isArabicLetter(text.charCodeAt(q))) {
    letters++;
    q--;
  }
  return letters >= 2 && !(q >= 0 && text.charCodeAt(q) === DOT);
}

/** The same for English ("died.The"): a lower-case word of three or more letters, a stop,
 *  and a capitalized word; "Ph.D" and "U.S" have shorter runs, domains have no capital. */
function endsGluedLatin(text: string, t: number, k: number): boolean {
  if (k !== t + 1 && !isCloser(text.charCodeAt(t + 1))) return false;
  let letters = 0;
  let q = t - 1;
  while (q >= 0 && t - q < LOOK && isLowerLatin(text.charCodeAt(q))) {
    letters++;
    q--;
  }
  if (letters < 3) return false;
  const before = q >= 0 ? text.charCodeAt(q) : 32;
  return isSpace(before) || isOpener(before);
}

/**
 * Decides whether a single line break between two lines is a sentence break. In news
 * text a line break almost always ends a paragraph (headlines, datelines and short
 * paragraphs stand on their own lines); a line that ends on a comma or a hyphenated
 * word, or a next line that starts in lower case, is a wrapped sentence instead.
 */
function continuesAcrossLineBreak(text: string, segStart: number, lineEnd: number, nextStart: number): boolean {
  if (nextStart >= text.length) return false;
  let p = lineEnd - 1;
  while (p >= segStart && lineEnd - p < LOOK && isSpace(text.charCodeAt(p))) p--;
  if (p < segStart || isSpace(text.charCodeAt(p))) return false;
  const last = text.charCodeAt(p);
  if (last === 0x2c || last === 0x60c || last === 0x61b || last === 0x3b) return true;
  if ((last === 0x2d || last === 0xad) && p - 1 >= segStart && isLatinLetter(text.charCodeAt(p - 1))) return true;
  if (isTerminator(last) || isCloser(last)) return false;
  return isLowerLatin(text.charCodeAt(nextStart));
}

function pushSentence(out: Sentence[], text: string, s: number, e: number): void {
  let a = s;
  let b = e;
  while (a < b && ((FL[text.charCodeAt(a)] ?? 0) & SPACE) !== 0) a++;
  while (b > a && ((FL[text.charCodeAt(b - 1)] ?? 0) & SPACE) !== 0) b--;
  if (a >= b) return;
  // A run of punctuation or symbols alone ("***", "—", a lone emoji) is no sentence.
  let content = false;
  for (let k = a; k < b && !content; k++) content = ((FL[text.charCodeAt(k)] ?? 0) & CONTENT) !== 0;
  if (!content) return;
  out.push({ index: out.length, start: a, end: b, text: text.slice(a, b) });
}

/** True when nothing but spaces separates [start, end) from line breaks or the text's ends. */
function isWholeLine(text: string, start: number, end: number): boolean {
  let k = start - 1;
  while (k >= 0 && !isLineBreak(text.charCodeAt(k))) {
    if (!isSpace(text.charCodeAt(k))) return false;
    k--;
  }
  k = end;
  while (k < text.length && !isLineBreak(text.charCodeAt(k))) {
    if (!isSpace(text.charCodeAt(k))) return false;
    k++;
  }
  return true;
}

export function segmentSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  if (typeof text !== "string") return out;
  const n = text.length;
  const candidates = new RegExp(CANDIDATE_SOURCE, "g");
  let segStart = 0;
  let i = 0;
  while (i < n) {
    candidates.lastIndex = i;
    const m = candidates.exec(text);
    if (m === null) break;
    i = m.index;
    const c = text.charCodeAt(i);
    if (((FL[c] ?? 0) & LINEBREAK) !== 0) {
      let j = i;
      let breaks = 0;
      while (j < n) {
        const d = text.charCodeAt(j);
        const f = FL[d] ?? 0;
        if (d === 13) {
          breaks++;
          j++;
          if (j < n && text.charCodeAt(j) === 10) j++;
        } else if (d === 0x2029) {
          breaks += 2; // PARAGRAPH SEPARATOR
          j++;
        } else if ((f & LINEBREAK) !== 0) {
          breaks++;
          j++;
        } else if ((f & SPACE) !== 0) {
          j++;
        } else break;
      }
      if (breaks >= 2 || !continuesAcrossLineBreak(text, segStart, i, j)) {
        pushSentence(out, text, segStart, i);
        segStart = j;
      }
      i = j;
      continue;
    }
    let k = i + 1;
    while (k < n && ((FL[text.charCodeAt(k)] ?? 0) & ENDING) !== 0) k++;
    if ((k >= n || ((FL[text.charCodeAt(k)] ?? 0) & SPACE) !== 0) && endsSentence(text, segStart, i, k)) {
      pushSentence(out, text, segStart, k);
      segStart = k;
    } else if (k < n && isArabicLetter(text.charCodeAt(k)) && endsGluedArabic(text, i, k)) {
      pushSentence(out, text, segStart, k);
      segStart = k;
    } else if (k + 1 < n && isUpperLatin(text.charCodeAt(k)) && isLowerLatin(text.charCodeAt(k + 1)) && endsGluedLatin(text, i, k)) {
      pushSentence(out, text, segStart, k);
      segStart = k;
    }
    i = k;
  }
  pushSentence(out, text, segStart, n);

  for (const s of out) {
    if (s.end - s.start <= 160 && isWholeLine(text, s.start, s.end) && isBoilerplateLine(s.text)) {
      s.boilerplate = true;
    }
  }
  return out;
}
