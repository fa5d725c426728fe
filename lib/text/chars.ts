// Character classes of UTF-16 code units. The scanners test every character of the
// input, so the classes are precomputed into one 64 KiB flag table (CHAR_FLAGS) that hot
// loops read through a module-local alias; the predicate functions below define the
// classes and serve the cold paths. Ranges are written out so the code does not depend
// on the compile target supporting \p{…}.

// Letters outside Latin and Arabic are rare in our input; one lazily built Unicode
// property regex (from a string, so no ES2018 target is needed) covers them.
let otherLetterRe: RegExp | null = null;

function isOtherLetter(c: number): boolean {
  if (otherLetterRe === null) otherLetterRe = new RegExp("^\\p{L}$", "u");
  return otherLetterRe.test(String.fromCharCode(c));
}

/** Value 0–9 of an ASCII, Arabic-Indic (٠-٩) or Extended Arabic-Indic (۰-۹) digit, else -1. */
export function digitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 0x660 && c <= 0x669) return c - 0x660;
  if (c >= 0x6f0 && c <= 0x6f9) return c - 0x6f0;
  return -1;
}

export function isDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 0x660 && c <= 0x669) || (c >= 0x6f0 && c <= 0x6f9);
}

export function isLatinLetter(c: number): boolean {
  return (
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)
  );
}

export function isUpperLatin(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
}

export function isLowerLatin(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff && c !== 0xf7);
}

/** Arabic-script letters, including tatweel and the combining marks that live inside words. */
export function isArabicWordChar(c: number): boolean {
  if (c >= 0x620 && c <= 0x65f) return true; // letters, tatweel, harakat
  if (c === 0x670) return true;
  if (c >= 0x671 && c <= 0x6d3) return true;
  if (c === 0x6d5) return true;
  if (c >= 0x6e5 && c <= 0x6e6) return true;
  if (c >= 0x6ee && c <= 0x6ef) return true;
  if (c >= 0x6fa && c <= 0x6fc) return true;
  if (c === 0x6ff) return true;
  if (c >= 0x750 && c <= 0x77f) return true;
  if (c >= 0x8a0 && c <= 0x8ff) return true;
  if (c >= 0xfb50 && c <= 0xfdfb) return true;
  if (c >= 0xfe70 && c <= 0xfefc) return true;
  return false;
}

export function isArabicLetter(c: number): boolean {
  return isArabicWordChar(c) && !(c >= 0x64b && c <= 0x65f) && c !== 0x670 && c !== 0x640;
}

/** A letter of any script (BMP only; astral letters are treated as symbols, which keeps every
 *  boundary we compute off the inside of a surrogate pair). */
export function isLetter(c: number): boolean {
  return c >= 0 && c < 0x10000 && ((CHAR_FLAGS[c] ?? 0) & F_LETTER) !== 0;
}

function isLetterUncached(c: number): boolean {
  if (c < 0x80) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (isLatinLetter(c)) return true;
  if (isArabicWordChar(c)) return true;
  if (c >= 0xd800 && c <= 0xdfff) return false;
  if (c < 0x370) return false;
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xac00 && c <= 0xd7a3)) return true;
  if (c >= 0x2000 && c <= 0x2bff) return false; // punctuation, symbols, arrows
  if (c >= 0x3000 && c <= 0x303f) return false;
  if (c >= 0xfe00 && c <= 0xfe6f) return false;
  if (c >= 0xff00 && c <= 0xff20) return false;
  return isOtherLetter(c);
}

/** Letters and combining marks: the characters a word is made of. */
export function isWordChar(c: number): boolean {
  return c >= 0 && c < 0x10000 && ((CHAR_FLAGS[c] ?? 0) & F_WORD) !== 0;
}



export function isAlnum(c: number): boolean {
  return c >= 0 && c < 0x10000 && ((CHAR_FLAGS[c] ?? 0) & (F_DIGIT | F_LETTER)) !== 0;
}

/** Exactly the characters String.prototype.trim removes, so `text.trim()` agrees with our spans. */
export function isSpace(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

export function isLineBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029 || c === 12;
}

/** Sentence-final punctuation: . ! ? ؟ … ۔ and their look-alikes. */
export function isTerminator(c: number): boolean {
  return (
    c === 0x2e ||
    c === 0x21 ||
    c === 0x3f ||
    c === 0x61f ||
    c === 0x2026 ||
    c === 0x6d4 ||
    c === 0x203c ||
    (c >= 0x2047 && c <= 0x2049) ||
    c === 0xff01 ||
    c === 0xff1f ||
    c === 0x3002
  );
}

/** Closing quotes and brackets that belong to the sentence they follow. */
export function isCloser(c: number): boolean {
  return (
    c === 0x201d || // ”
    c === 0xbb || // »
    c === 0x22 || // "
    c === 0x2019 || // ’
    c === 0x27 || // '
    c === 0x203a || // ›
    c === 0x29 || // )
    c === 0x5d || // ]
    c === 0x7d // }
  );
}

export function isOpener(c: number): boolean {
  return (
    c === 0x201c || c === 0xab || c === 0x22 || c === 0x2018 || c === 0x27 || c === 0x2039 ||
    c === 0x28 || c === 0x5b || c === 0x7b || c === 0x201e
  );
}

export function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

export function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

export const F_SPACE = 1;
export const F_LINEBREAK = 2;
export const F_TERMINATOR = 4;
export const F_CLOSER = 8;
export const F_DIGIT = 16;
export const F_LETTER = 32;
export const F_WORD = 64;
export const F_OPENER = 128;
export const F_ARABIC = 256;
export const F_LATIN = 512;

function buildFlags(): Uint16Array {
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    let f = 0;
    if (isSpace(c)) f |= F_SPACE;
    if (isLineBreak(c)) f |= F_LINEBREAK;
    if (isTerminator(c)) f |= F_TERMINATOR;
    if (isCloser(c)) f |= F_CLOSER;
    if (isDigit(c)) f |= F_DIGIT;
    const letter = isLetterUncached(c);
    if (letter) f |= F_LETTER;
    if (letter || (c >= 0x300 && c <= 0x36f)) f |= F_WORD;
    if (isOpener(c)) f |= F_OPENER;
    if (isArabicLetter(c)) f |= F_ARABIC;
    if (isLatinLetter(c)) f |= F_LATIN;
    t[c] = f;
  }
  return t;
}

/** Flags of every UTF-16 code unit; index with `charCodeAt` results only. */
export const CHAR_FLAGS: Uint16Array = buildFlags();
