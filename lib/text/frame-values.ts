// The values a figure allows: its bound ("at least", "على الأقل", "nearly") and the
// rounding its writing implies ("7 ملايين" is 7 million to the nearest quarter million,
// "23" is 23), and whether two such ranges can both be true.
import { fold } from "./normalize";
import type { Bound, Quantity } from "./types";
import type { Word } from "./words";

const PLAIN_TOLERANCE = 0.02;
const ABOUT_TOLERANCE = 0.05;
const ABOUT_CAP = 0.1;
const NEARLY_FLOOR = 0.85;

const f = (words: readonly string[]) => words.map(fold).join(" ");
/** Phrases right before a figure, longest first, with the bound they give. */
const BEFORE: readonly [string, Bound][] = (
  [
    [["at", "least"], "at-least"], [["no", "fewer", "than"], "at-least"], [["no", "less", "than"], "at-least"],
    [["لا", "يقل", "عن"], "at-least"], [["ما", "لا", "يقل", "عن"], "at-least"],
    [["more", "than"], "more-than"], [["over"], "more-than"], [["above"], "more-than"], [["exceeding"], "more-than"],
    [["upwards", "of"], "more-than"], [["in", "excess", "of"], "more-than"], [["أكثر", "من"], "more-than"],
    [["ما", "يزيد", "عن"], "more-than"], [["ما", "يزيد", "على"], "more-than"], [["يزيد", "عن"], "more-than"],
    [["يزيد", "على"], "more-than"], [["أزيد", "من"], "more-than"], [["يتجاوز"], "more-than"], [["تجاوز"], "more-than"],
    [["ما", "يتجاوز"], "more-than"], [["يربو", "على"], "more-than"], [["يفوق"], "more-than"], [["فوق"], "more-than"],
    [["تخطى"], "more-than"], [["تجاوزت"], "more-than"],
    [["nearly"], "nearly"], [["almost"], "nearly"], [["just", "under"], "nearly"], [["close", "to"], "nearly"],
    [["قرابة"], "nearly"], [["ما", "يقارب"], "nearly"], [["يقارب"], "nearly"], [["قاربت"], "nearly"],
    [["up", "to"], "up-to"], [["as", "many", "as"], "up-to"], [["حتى"], "up-to"], [["ما", "يصل", "إلى"], "up-to"],
    [["لا", "يزيد", "عن"], "up-to"], [["لا", "يزيد", "على"], "up-to"], [["no", "more", "than"], "up-to"],
    [["less", "than"], "less-than"], [["fewer", "than"], "less-than"], [["under"], "less-than"], [["below"], "less-than"],
    [["أقل", "من"], "less-than"], [["ما", "دون"], "less-than"], [["دون"], "less-than"], [["يقل", "عن"], "less-than"],
  ] as const
).map(([w, b]) => [f(w), b] as [string, Bound]);
const AFTER: readonly [string, Bound][] = (
  [
    [["على", "الأقل"], "at-least"], [["or", "more"], "at-least"], [["أو", "أكثر"], "at-least"], [["فأكثر"], "at-least"],
    [["تقريبا"], "about"], [["approximately"], "about"], [["or", "so"], "about"],
  ] as const
).map(([w, b]) => [f(w), b] as [string, Bound]);

const BEFORE_MAP: Map<string, Bound> = new Map(BEFORE);
const AFTER_MAP: Map<string, Bound> = new Map(AFTER);

/** The bound written with a figure; falls back on the extracted qualifier. */
export function boundOf(q: Quantity, before: readonly Word[], after: readonly Word[]): Bound {
  let key = "";
  for (let n = 1; n <= Math.min(4, before.length); n++) {
    const w = before[before.length - n]?.f ?? "";
    key = n === 1 ? w : w + " " + key;
    const hit = BEFORE_MAP.get(key);
    if (hit !== undefined) return hit;
    const c = key.charCodeAt(0);
    // "وأكثر من", "بنحو": a proclitic on the phrase's first word.
    if (c === 0x648 || c === 0x628 || c === 0x641) {
      const bare = BEFORE_MAP.get(key.slice(1));
      if (bare !== undefined) return bare;
    }
  }
  // "30 شخصا على الأقل": after the counted noun too.
  const a0 = after[0]?.f ?? "";
  const a1 = after[1]?.f ?? "";
  const a2 = after[2]?.f ?? "";
  const hit = AFTER_MAP.get(a0) ?? AFTER_MAP.get(a0 + " " + a1) ?? AFTER_MAP.get(a1 + " " + a2);
  if (hit !== undefined) return hit;
  if (q.qualifier === "approx") return "about";
  if (q.qualifier === "over") return "more-than";
  if (q.qualifier === "under") return "nearly";
  return "exact";
}

function digitsIn(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 0x660 && c <= 0x669) || (c >= 0x6f0 && c <= 0x6f9)) n++;
  }
  return n;
}

/** The unit of the last written digit: 1e6 for "7 ملايين", 1e5 for "7.7 million", 1 for "23". */
function roundingUnit(q: Quantity): number {
  const v = Math.abs(q.value);
  if (!Number.isFinite(v) || v < 1) return 0;
  const intDigits = Math.floor(Math.log10(v)) + 1;
  const written = digitsIn(q.text);
  // A scale word alone ("مليون"): known to its trailing zeros.
  if (written === 0) return v >= 1000 ? trailingUnit(v) : 0;
  if (written >= intDigits) return 0;
  // Every written digit is significant: "10 ملايين" is known to the million, "7.7 مليون" to 100,000.
  return Math.pow(10, intDigits - written);
}

function trailingUnit(v: number): number {
  let unit = 1;
  let rest = Math.round(Math.abs(v));
  while (rest % 10 === 0 && rest > 0 && unit < 1e15) {
    rest /= 10;
    unit *= 10;
  }
  return unit;
}

/** [lo, hi] of the values a figure allows (hi may be Infinity). */
export function rangeOf(q: Quantity, bound: Bound): [number, number] {
  const v = q.value;
  const h = roundingUnit(q) / 4;
  switch (bound) {
    case "exact":
      return [v - h, v + h];
    case "about": {
      const w = Math.min(Math.max(Math.abs(v) * ABOUT_TOLERANCE, trailingUnit(v) / 4, h), Math.abs(v) * ABOUT_CAP);
      return [v - w, v + w];
    }
    case "at-least":
    case "more-than":
      return [v - h, Infinity];
    case "nearly":
      return [v * NEARLY_FLOOR - h, v + h];
    case "up-to":
    case "less-than":
      return [0, v + h];
  }
}

/** Whether two figures can both be true, given the ranges their bounds and rounding allow. */
export function rangesAgree(a: Quantity, ra: readonly [number, number], b: Quantity, rb: readonly [number, number]): boolean {
  if (a.value === b.value) return true;
  if (a.kind === "percent" && Math.abs(a.value - b.value) <= 0.5) return true;
  const [alo, ahi] = ra;
  const [blo, bhi] = rb;
  const scale = Math.max(Math.abs(a.value), Math.abs(b.value));
  const eps = scale * 1e-9;
  // Two plain exact figures: allow the small slack of transcription (2%).
  if (ahi === alo && bhi === blo) return Math.abs(a.value - b.value) / scale <= PLAIN_TOLERANCE;
  return !(alo > bhi + eps || blo > ahi + eps);
}

/** Whether two values agree, given the hedges written with them (kept for callers of the
 *  earlier interface: qualifiers map to bounds). */
export function valuesAgree(a: Quantity, b: Quantity): boolean {
  const bound = (q: Quantity): Bound => (q.qualifier === "approx" ? "about" : q.qualifier === "over" ? "more-than" : q.qualifier === "under" ? "nearly" : "exact");
  return rangesAgree(a, rangeOf(a, bound(a)), b, rangeOf(b, bound(b)));
}
