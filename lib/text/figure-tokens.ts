// Token-level readers around a digit: where an identifier ends, whether glued Arabic
// letters are a proclitic, telephone numbers, and the script around a position.
import { CHAR_FLAGS, F_ARABIC, F_LATIN, isAlnum, isArabicWordChar, isDigit, isWordChar } from "./chars";
import { GLUED_BEFORE_DIGITS } from "./lexicon";
import { fold } from "./normalize";
import { ARABIC_PROCLITICS } from "./lexicon";

// ---------------------------------------------------------------------------------
// Small helpers

const FL = CHAR_FLAGS;
const ARABIC = F_ARABIC;
const LATIN = F_LATIN;

/** Whether the words around position `i` are mostly Arabic script: decides whether
 *  "110.000" groups thousands. A local window, so a quoted English phrase inside an
 *  Arabic article is read by its own convention. */
export function arabicAround(text: string, i: number, ss: number, se: number): boolean {
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
export function skipToken(text: string, i: number, limit: number): number {
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
export function procliticBefore(text: string, i: number, floor: number): boolean {
  let s = i;
  while (s > floor && i - s < 8 && isArabicWordChar(text.charCodeAt(s - 1))) s--;
  if (s > floor && isWordChar(text.charCodeAt(s - 1))) return false;
  const glued = fold(text.slice(s, i));
  // "حوالى180 ألفا", "نحو50": a hedge or preposition written without its space.
  return ARABIC_PROCLITICS.has(glued) || GLUED_BEFORE_DIGITS.has(glued);
}

/** Length of a telephone number starting at `i`, or 0. */
export function phoneEnd(text: string, i: number, limit: number): number {
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

