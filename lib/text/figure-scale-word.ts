// A figure that starts with a scale word instead of digits: "مليوني شخص", "ثلاثة ملايين",
// "المليونين", "half a million".
import { isDigit, isLatinLetter, isSpace } from "./chars";
import { isContentWord, type Ctx } from "./figure-context";
import { NUMBER_WORDS, SCALE_WORDS } from "./lexicon";
import { isDefinite, stripArticle } from "./normalize";
import { nextWord, prevWords, withoutProclitic, wordAt } from "./words";
import { finish, type Head, type Step } from "./figure-assembly";
import { halfAfter } from "./scale-words";

/** A scale word with no digits before it: "مليوني شخص", "ثلاثة ملايين", "half a million". */
export function handleScaleWord(ctx: Ctx, ws: number): Step {
  const { text, ss, se } = ctx;
  const w = wordAt(text, ws, se);
  if (w === null) return { q: null, next: ws + 1 };
  let sc = SCALE_WORDS.get(w.f);
  let ownStart = ws;
  if (sc === undefined) {
    const bare = withoutProclitic(w.f);
    if (bare !== null) sc = SCALE_WORDS.get(bare);
    // A conjunction or preposition glued to the scale word is not part of the figure.
    if (sc !== undefined) ownStart = ws + 1;
  }
  if (sc === undefined) {
    // "المليوني شخص", "تجاوز المليونين", "بالمليونين": the definite dual is two of the scale.
    const def = stripArticle(w.f);
    const dual = def !== w.f ? SCALE_WORDS.get(def) : undefined;
    if (dual !== undefined && dual.form === "dual") {
      const head: Head = { start: ws, end: w.end, mantissa: "2", exp: dual.exp, plain: false, leadDigits: 0 };
      return finish(ctx, head);
    }
  }
  if (sc === undefined) return { q: null, next: w.end };
  const latin = isLatinLetter(w.raw.charCodeAt(0));
  const before = prevWords(text, ws, ss, 2);
  const last = before[before.length - 1];
  let mult: number | undefined;
  let start = ownStart;
  if (last !== undefined) {
    mult = NUMBER_WORDS.get(last.f) ?? NUMBER_WORDS.get(withoutProclitic(last.f) ?? "");
    if (mult !== undefined && latin !== isLatinLetter(last.raw.charCodeAt(0))) mult = undefined;
    if (mult !== undefined) {
      start = NUMBER_WORDS.has(last.f) ? last.start : last.start + 1;
      const first = before[0];
      if (before.length === 2 && first !== undefined) {
        const unitWord = NUMBER_WORDS.get(first.f) ?? NUMBER_WORDS.get(withoutProclitic(first.f) ?? "");
        if (latin && last.f === "a" && first.f === "half") {
          mult = 0.5;
          start = first.start;
        } else if (!latin && mult === 10 && unitWord !== undefined && unitWord >= 1 && unitWord <= 9) {
          // "خمسة عشر ألفا": 15.
          mult = 10 + unitWord;
          start = NUMBER_WORDS.has(first.f) ? first.start : first.start + 1;
        }
      }
    }
  }
  // A digit right before means the digit trigger already handled (or rejected) it.
  let k = ws;
  while (k > ss && ws - k < 3 && isSpace(text.charCodeAt(k - 1))) k--;
  if (k > ss && isDigit(text.charCodeAt(k - 1))) return { q: null, next: w.end };

  if (mult === undefined) {
    if (latin) return { q: null, next: w.end };
    const after = nextWord(text, w.end, se);
    const followedByNoun = after !== null && isContentWord(after) && !isDefinite(after.f);
    if (sc.form === "plural") return { q: null, next: w.end };
    if (sc.form === "dual") mult = 2;
    else if (sc.form === "dualOrSingular") mult = followedByNoun ? 2 : 1;
    else mult = 1;
    // "ألف" alone is too common in idiom ("ألف شكر" aside, it names the letter); require
    // it to count something.
    if (sc.exp === 3 && !followedByNoun) return { q: null, next: w.end };
  }
  const head: Head = {
    start,
    end: w.end,
    mantissa: String(mult),
    exp: sc.exp,
    plain: false,
    leadDigits: 0,
  };
  const half = halfAfter(ctx, w.end);
  if (half !== null) {
    head.mantissa = String(mult + 0.5);
    head.end = half;
  }
  return finish(ctx, head);
}

