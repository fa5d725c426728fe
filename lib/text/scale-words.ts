// Scale words after a number: the compound remainder of an Arabic number ("مليون و634
// ألفا و117") and "and a half" / "ونصف".
import { isDigit, isLatinLetter, isSpace } from "./chars";
import { type Ctx } from "./figure-context";
import { NUMBER_WORDS, SCALE_WORDS } from "./lexicon";
import { fold } from "./normalize";
import { parseNumber, scaled } from "./numbers";
import { nextWord, nextWords, withoutProclitic, wordAt } from "./words";
/** "مليون و634 ألفا و117", "382 ألفا و506", "ثلاثة آلاف وخمسمئة": smaller parts added on
 *  with و, each with a smaller scale word, the last possibly with none (below 1,000). */
export function compoundAfter(ctx: Ctx, e: number, exp: number): { value: number; end: number } | null {
  let value = 0;
  let end = e;
  let last = exp;
  for (let parts = 0; parts < 4 && last >= 3; parts++) {
    const part = addendAt(ctx, end, last);
    if (part === null) break;
    value += part.value;
    end = part.end;
    last = part.exp;
  }
  return end === e ? null : { value, end };
}

function addendAt(ctx: Ctx, e: number, exp: number): { value: number; end: number; exp: number } | null {
  const { text, se } = ctx;
  let p = e;
  while (p < se && p - e < 3 && isSpace(text.charCodeAt(p))) p++;
  if (p >= se || text.charCodeAt(p) !== 0x648) return null; // و
  let q = p + 1;
  while (q < se && q - p < 3 && isSpace(text.charCodeAt(q))) q++;
  let mantissa: string;
  let end: number;
  if (q < se && isDigit(text.charCodeAt(q))) {
    const n = parseNumber(text, q, se, true, false);
    if (!n.ok) return null;
    mantissa = n.mantissa;
    end = n.end;
  } else {
    const w = wordAt(text, p + 1 === q ? p : q, se);
    if (w === null) return null;
    const nw = NUMBER_WORDS.get(w.f) ?? NUMBER_WORDS.get(withoutProclitic(w.f) ?? "");
    if (nw === undefined || nw < 1 || isLatinLetter(w.raw.charCodeAt(0))) return null;
    mantissa = String(nw);
    end = w.end;
  }
  const sw = nextWord(text, end, se);
  const sc = sw === null ? undefined : SCALE_WORDS.get(sw.f);
  if (sw !== null && sc !== undefined) {
    if (sc.exp >= exp) return null;
    return { value: scaled(mantissa, sc.exp), end: sw.end, exp: sc.exp };
  }
  // A last part with no scale word: less than a thousand, and a whole number.
  const v = Number(mantissa);
  if (!Number.isInteger(v) || v >= 1000 || exp < 3) return null;
  return { value: v, end, exp: 0 };
}

export function halfAfter(ctx: Ctx, e: number): number | null {
  const ws = nextWords(ctx.text, e, ctx.se, 3);
  const w0 = ws[0];
  if (w0 === undefined) return null;
  if (w0.f === fold("ونصف")) return w0.end;
  if (w0.f === "و" && ws[1]?.f === fold("نصف")) return ws[1].end;
  if (w0.f === "and" && ws[1]?.f === "a" && ws[2]?.f === "half") return ws[2].end;
  return null;
}

