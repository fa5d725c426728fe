// Spans of the article's text as the reviewer edits them: whole words, never half a character.
// Pure: offsets are UTF-16 indexes into the article's text (as far as it is loaded).
import { isSafeOffset } from "@/lib/text/offsets";

export type Span = { start: number; end: number };

// A word is letters, marks and digits, with a point or comma between digits ("7.7", "1,200").
const WORD = /[\p{L}\p{M}\p{N}\u0640]/u;

function isWordAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text[i];
  if (WORD.test(c)) return true;
  // A surrogate pair: test the whole character.
  const cp = text.codePointAt(i);
  if (cp !== undefined && cp > 0xffff) return WORD.test(String.fromCodePoint(cp));
  if (/[\uDC00-\uDFFF]/.test(c) && i > 0) return WORD.test(String.fromCodePoint(text.codePointAt(i - 1)!));
  return /[.,٫٬]/.test(c) && /\p{N}/u.test(text[i - 1] ?? "") && /\p{N}/u.test(text[i + 1] ?? "");
}

/** Whitespace off both edges; an edge inside a surrogate pair moves out to the whole character. */
export function tidySpan(text: string, span: Span): Span | null {
  let start = Math.max(0, Math.min(span.start, text.length));
  let end = Math.max(0, Math.min(span.end, text.length));
  if (end < start) [start, end] = [end, start];
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (!isSafeOffset(text, start)) start--;
  if (!isSafeOffset(text, end)) end++;
  return end > start ? { start, end } : null;
}

/** The span widened to whole words: an edge inside a word moves out to the word's edge. */
export function snapToWords(text: string, span: Span): Span | null {
  const tidy = tidySpan(text, span);
  if (!tidy) return null;
  let { start, end } = tidy;
  while (start > 0 && isWordAt(text, start) && isWordAt(text, start - 1)) start--;
  while (end < text.length && isWordAt(text, end - 1) && isWordAt(text, end)) end++;
  return tidySpan(text, { start, end });
}

export type Edge = "start" | "end";

/**
 * One edge moved by a word: `grow` takes in the next word beyond the edge, otherwise the word at
 * the edge is let go. A span never shrinks to nothing (the move is refused: same span back).
 */
export function moveEdge(text: string, span: Span, edge: Edge, grow: boolean): Span {
  let { start, end } = span;
  if (edge === "end" && grow) {
    let i = end;
    while (i < text.length && !isWordAt(text, i)) i++;
    while (i < text.length && isWordAt(text, i)) i++;
    end = i;
  } else if (edge === "end") {
    let i = end;
    while (i > start && isWordAt(text, i - 1)) i--;
    while (i > start && !isWordAt(text, i - 1)) i--;
    end = i;
  } else if (grow) {
    let i = start;
    while (i > 0 && !isWordAt(text, i - 1)) i--;
    while (i > 0 && isWordAt(text, i - 1)) i--;
    start = i;
  } else {
    let i = start;
    while (i < end && isWordAt(text, i)) i++;
    while (i < end && !isWordAt(text, i)) i++;
    start = i;
  }
  return tidySpan(text, { start, end }) ?? span;
}

/** The sentences a span touches, whole: a figure claim widened to its statement. */
export function sentencesSpan(text: string, sentences: Span[], span: Span): Span | null {
  const touched = sentences.filter((s) => s.start < span.end && s.end > span.start);
  if (touched.length === 0) return null;
  return tidySpan(text, { start: Math.min(...touched.map((s) => s.start)), end: Math.min(text.length, Math.max(...touched.map((s) => s.end))) });
}
