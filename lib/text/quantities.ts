// Figures in text: counts, money, percentages, measures, dates and durations, with
// their spans and normalized values.
//
// One global regular expression finds the places a figure can start (a digit, or a
// scale word such as "مليون" written without digits); everything else is bounded
// look-around from there, so extraction is linear in the input. The work is split by
// concern: numbers.ts reads digits, figure-tokens.ts the tokens around them,
// figure-number.ts and figure-scale-word.ts the two kinds of start, scale-words.ts the
// scale words after a number, figure-assembly.ts the rest of a figure.
import { isDigit, isLetter, isSpace } from "./chars";
import { type Ctx } from "./figure-context";
import type { Quantity, Sentence } from "./types";
import { OTHERS } from "./lexicon";
import { handleNumber } from "./figure-number";
import { handleScaleWord } from "./figure-scale-word";
import { segmentSentences } from "./segment";

const TRIGGER_SOURCE =
  "[0-9\\u0660-\\u0669\\u06F0-\\u06F9]" +
  "|(?:^|[^\\u0620-\\u065F\\u0671-\\u06D3])[\\u0648\\u0628\\u0644\\u0641]?(?:\\u0627\\u0644)?(?:[\\u0623\\u0627\\u0622]\\u0644[\\u0641\\u0627\\u0648]|\\u0645\\u0644[\\u064A\\u0627]|\\u0628\\u0644[\\u064A\\u0627]|\\u062A\\u0631\\u064A?\\u0644)" +
  "|(?:^|[^A-Za-z])(?:[Mm]illi?on|[Bb]illion|[Tt]housand|[Tt]rillion)";

// ---------------------------------------------------------------------------------

type Range = { start: number; end: number };

/** URLs, e-mail addresses and handles: whitespace-delimited tokens whose digits are never
 *  figures. Found with indexOf-driven scans that visit each character a bounded number of
 *  times. */
function opaqueRanges(text: string): Range[] {
  const out: Range[] = [];
  const re = /:\/\/|www\.|@/g;
  let lastEnd = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const pos = m.index;
    if (pos < lastEnd) {
      re.lastIndex = lastEnd;
      continue;
    }
    let s = pos;
    while (s > lastEnd && !isSpace(text.charCodeAt(s - 1))) s--;
    let e = pos + m[0].length;
    while (e < text.length && !isSpace(text.charCodeAt(e))) e++;
    out.push({ start: s, end: e });
    lastEnd = e;
    re.lastIndex = Math.max(e, pos + 1);
  }
  return out;
}

function validSentences(text: string, sentences: readonly Sentence[]): Sentence[] {
  const ok: Sentence[] = [];
  let sorted = true;
  let prevStart = -1;
  for (const s of sentences) {
    if (
      s === null || typeof s !== "object" || !Number.isInteger(s.start) || !Number.isInteger(s.end) ||
      s.start < 0 || s.end > text.length || s.start >= s.end
    )
      continue;
    if (s.start < prevStart) sorted = false;
    prevStart = s.start;
    ok.push(s);
  }
  if (!sorted) ok.sort((a, b) => a.start - b.start);
  return ok;
}

/** All figures in `text`, in order. Boilerplate sentences yield none. */
export function extractQuantities(text: string, sentences?: Sentence[]): Quantity[] {
  if (typeof text !== "string" || text.length === 0) return [];
  const sents = validSentences(text, sentences ?? segmentSentences(text));
  const opaque = opaqueRanges(text);
  const out: Quantity[] = [];
  const re = new RegExp(TRIGGER_SOURCE, "g");
  let si = 0;
  let oi = 0;
  let ctx: Ctx | null = null;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    let p = m.index;
    const digit = isDigit(text.charCodeAt(p));
    if (!digit && !isLetter(text.charCodeAt(p))) p++; // the match began with its boundary character
    while (si < sents.length && (sents[si]?.end ?? 0) <= p) si++;
    const s = sents[si];
    if (s === undefined) break;
    if (p < s.start) {
      re.lastIndex = Math.max(s.start - 1, p + 1);
      continue;
    }
    if (s.boilerplate === true) {
      re.lastIndex = s.end;
      continue;
    }
    while (oi < opaque.length && (opaque[oi]?.end ?? 0) <= p) oi++;
    const o = opaque[oi];
    if (o !== undefined && o.start <= p) {
      re.lastIndex = o.end;
      continue;
    }
    if (ctx === null || ctx.sentence !== s.index || ctx.ss !== s.start) {
      ctx = { text, ss: s.start, se: s.end, sentence: s.index };
    }
    const step = digit ? handleNumber(ctx, p) : handleScaleWord(ctx, p);
    if (step.q !== null) {
      const last = out[out.length - 1];
      if (last === undefined || step.q.start >= last.end) {
        // "قتل 45 شخصا وأصيب 100 آخرين", "5 killed and 12 others": "others" are more of the same.
        if (step.q.noun !== undefined && OTHERS.has(step.q.noun) && last !== undefined && last.sentence === step.q.sentence && last.kind === "count") {
          if (last.noun !== undefined) step.q.noun = last.noun;
          if (last.unit !== undefined) step.q.unit = last.unit;
        }
        out.push(step.q);
      }
    }
    re.lastIndex = Math.max(step.next, p + 1);
  }
  return out;
}

