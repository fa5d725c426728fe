// Offset conversions and text-quote selectors. Sanad stores UTF-16 offsets (JavaScript
// string indices); the W3C Web Annotation export needs code points, and quote context
// must never cut an emoji or other astral character in half.
import { isHighSurrogate, isLowSurrogate } from "./chars";

function clampIndex(text: string, index: number): number {
  if (!Number.isFinite(index)) return index > 0 ? text.length : 0;
  const i = Math.trunc(index);
  return i < 0 ? 0 : i > text.length ? text.length : i;
}

/** Number of code points in text.slice(0, utf16Index). A lone surrogate counts as one. */
export function toCodePointOffset(text: string, utf16Index: number): number {
  if (typeof text !== "string") return 0;
  const end = clampIndex(text, utf16Index);
  let count = 0;
  for (let i = 0; i < end; i++) {
    count++;
    if (isHighSurrogate(text.charCodeAt(i)) && i + 1 < end && isLowSurrogate(text.charCodeAt(i + 1))) i++;
  }
  return count;
}

/** False when `index` is outside the text, not an integer, or between the two halves of a
 *  surrogate pair. */
export function isSafeOffset(text: string, index: number): boolean {
  if (typeof text !== "string" || !Number.isInteger(index) || index < 0 || index > text.length) return false;
  if (index === 0 || index === text.length) return true;
  return !(isHighSurrogate(text.charCodeAt(index - 1)) && isLowSurrogate(text.charCodeAt(index)));
}

/** Moves a context boundary off the middle of a surrogate pair, shrinking the context. */
function shrinkBack(text: string, from: number): number {
  return isSafeOffset(text, from) ? from : from + 1;
}
function shrinkForward(text: string, to: number): number {
  return isSafeOffset(text, to) ? to : to - 1;
}

/**
 * A W3C TextQuoteSelector for [start, end): the exact text and up to `context` code
 * units before and after it, cut so that no surrogate pair is split. Callers validate
 * offsets with isSafeOffset; an offset that does split a pair is widened to the whole
 * character, so no part of the selector ever holds half of one.
 */
export function quoteSelector(
  text: string,
  start: number,
  end: number,
  context = 32,
): { exact: string; prefix: string; suffix: string } {
  if (typeof text !== "string") return { exact: "", prefix: "", suffix: "" };
  let s = clampIndex(text, start);
  let e = clampIndex(text, end);
  if (e < s) [s, e] = [e, s];
  if (!isSafeOffset(text, s)) s--;
  if (!isSafeOffset(text, e)) e++;
  const ctx = Number.isFinite(context) && context > 0 ? Math.trunc(context) : 0;
  const p = shrinkBack(text, Math.max(0, s - ctx));
  const q = shrinkForward(text, Math.min(text.length, e + ctx));
  return {
    exact: text.slice(s, e),
    prefix: p < s ? text.slice(p, s) : "",
    suffix: q > e ? text.slice(e, q) : "",
  };
}

/**
 * Code-point offsets of many UTF-16 indices of one text, in one walk: the indices are sorted
 * and the text is read once up to the last of them, so converting every claim of a long
 * article costs one pass, not one pass per claim. Same counting as toCodePointOffset.
 */
export function toCodePointOffsets(text: string, utf16Indices: Iterable<number>): Map<number, number> {
  const result = new Map<number, number>();
  if (typeof text !== "string") {
    for (const i of utf16Indices) result.set(i, 0);
    return result;
  }
  const wanted = [...new Set(utf16Indices)].sort((a, b) => clampIndex(text, a) - clampIndex(text, b));
  let i = 0;
  let count = 0;
  for (const index of wanted) {
    const end = clampIndex(text, index);
    // Whole code points before `end`; a pair is one.
    for (;;) {
      const size = isHighSurrogate(text.charCodeAt(i)) && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
      if (i + size > end) break;
      i += size;
      count++;
    }
    // `end` between the halves of a pair: its high half counts alone, as in toCodePointOffset.
    result.set(index, i < end ? count + 1 : count);
  }
  return result;
}
