// Bounded word readers around a position. Each reads at most a few dozen characters,
// so calling them for every figure keeps extraction linear in the input.
import { CHAR_FLAGS, F_DIGIT, F_LATIN, F_SPACE, F_WORD } from "./chars";
import { fold } from "./normalize";

export type Word = { start: number; end: number; raw: string; f: string };

const MAX_WORD = 40;
// Module-local aliases of the flag table: these readers run for every figure.
const FL = CHAR_FLAGS;
const WORD = F_WORD;
const DIGIT = F_DIGIT;
const LATIN = F_LATIN;
const SPACE = F_SPACE;

function isWordChar(c: number): boolean {
  return ((FL[c] ?? 0) & WORD) !== 0;
}
function isDigit(c: number): boolean {
  return ((FL[c] ?? 0) & DIGIT) !== 0;
}
function isLatinLetter(c: number): boolean {
  return ((FL[c] ?? 0) & LATIN) !== 0;
}
function isSpace(c: number): boolean {
  return ((FL[c] ?? 0) & SPACE) !== 0;
}
const MAX_GAP = 6;

function isJoiner(c: number): boolean {
  // Apostrophes and hyphens inside Latin words: "agency's", "well-known".
  return c === 0x27 || c === 0x2019 || c === 0x2d;
}

/** The word starting exactly at `i`, or null. */
export function wordAt(text: string, i: number, limit: number): Word | null {
  if (i >= limit || !isWordChar(text.charCodeAt(i))) return null;
  let j = i;
  while (j < limit && j - i <= MAX_WORD) {
    const c = text.charCodeAt(j);
    if (isWordChar(c)) j++;
    else if (isJoiner(c) && j + 1 < limit && isLatinLetter(text.charCodeAt(j + 1)) && j > i && isLatinLetter(text.charCodeAt(j - 1))) j++;
    else break;
  }
  if (j - i > MAX_WORD) return null;
  const raw = text.slice(i, j);
  return { start: i, end: j, raw, f: fold(raw) };
}

/** The word after `pos`, separated from it by spaces only (no punctuation). */
export function nextWord(text: string, pos: number, limit: number): Word | null {
  let i = pos;
  while (i < limit && i - pos < MAX_GAP && isSpace(text.charCodeAt(i))) i++;
  if (i === pos && pos > 0 && isWordChar(text.charCodeAt(pos - 1))) return null;
  return wordAt(text, i, limit);
}

/** The word ending before `pos` (spaces allowed in between, no punctuation). */
export function prevWord(text: string, pos: number, floor: number): Word | null {
  let e = pos;
  while (e > floor && pos - e < MAX_GAP && isSpace(text.charCodeAt(e - 1))) e--;
  if (e <= floor || !isWordChar(text.charCodeAt(e - 1))) {
    // Allow a trailing dot of an abbreviation before the figure ("approx. 5").
    return null;
  }
  let s = e;
  while (s > floor && e - s <= MAX_WORD) {
    const c = text.charCodeAt(s - 1);
    if (isWordChar(c)) s--;
    else if (isJoiner(c) && s - 2 >= floor && isLatinLetter(text.charCodeAt(s - 2)) && isLatinLetter(text.charCodeAt(s))) s--;
    else break;
  }
  if (e - s > MAX_WORD) return null;
  if (s > floor && isDigit(text.charCodeAt(s - 1))) return null;
  const raw = text.slice(s, e);
  return { start: s, end: e, raw, f: fold(raw) };
}

/** Up to `k` words before `pos`, nearest last, stopping at punctuation. */
export function prevWords(text: string, pos: number, floor: number, k: number): Word[] {
  const out: Word[] = [];
  let p = pos;
  for (let n = 0; n < k; n++) {
    const w = prevWord(text, p, floor);
    if (w === null) break;
    out.unshift(w);
    p = w.start;
  }
  return out;
}

/** Up to `k` words after `pos`, stopping at punctuation. */
export function nextWords(text: string, pos: number, limit: number, k: number): Word[] {
  const out: Word[] = [];
  let p = pos;
  for (let n = 0; n < k; n++) {
    const w = nextWord(text, p, limit);
    if (w === null) break;
    out.push(w);
    p = w.end;
  }
  return out;
}

/** Drops one Arabic proclitic (و ف ب ل ك) and a tatweel after it: "بنحو" → "نحو". */
export function withoutProclitic(f: string): string | null {
  if (f.length < 3) return null;
  const c = f.charCodeAt(0);
  if (c === 0x648 || c === 0x641 || c === 0x628 || c === 0x644 || c === 0x643) return f.slice(1);
  return null;
}
