// "The same figure": the one rule deciding whether two stated figures are the same, wherever
// they come from (a claim's figure, an article's quantity, a reference fact-check's figure) and
// in whatever language they were written. Pure. Frame data (what is counted, where, when) can
// join `FigureFacts` later; the rule stays here.
import { valuesAgree, type Quantity } from "@/lib/text";
import { formatNumber } from "@/lib/text/format";

export type FigureFacts = {
  value: number;
  kind: string;
  unit: string | null;
  qualifier?: string | null;
};

/** Kinds that say something on their own; a bare year or duration matches far too much. */
export const MATCHED_KINDS = new Set(["count", "money", "percent", "measure"]);

/** Significant digits as written: 7700000 has 2, 7712000 has 4, 120 has 2, 0.5 has 1. */
function significantDigits(v: number): number {
  const s = Math.abs(v).toExponential(12).split("e")[0].replace(".", "").replace(/0+$/, "");
  return Math.max(1, s.length);
}

function roundTo(v: number, digits: number): number {
  return Number(v.toPrecision(digits));
}

/** Values that are one figure rounded two ways: 7.7 million and 7,712,000. A single digit
 *  ("3 million") is too coarse to call 2.5 million the same figure. */
function sameWhenRounded(a: number, b: number): boolean {
  const digits = Math.min(significantDigits(a), significantDigits(b));
  return digits >= 2 && roundTo(a, digits) === roundTo(b, digits);
}

const bounded = (q: string | null | undefined) => q === "over" || q === "under";

const asQuantity = (f: FigureFacts): Quantity => ({
  start: 0,
  end: 0,
  text: "",
  sentence: 0,
  value: f.value,
  kind: f.kind as Quantity["kind"],
  ...(f.qualifier === "approx" || f.qualifier === "over" || f.qualifier === "under" ? { qualifier: f.qualifier } : {}),
});

/**
 * Same measure (kind and unit) and a value within rounding of the other, or inside the other's
 * bounds ("more than 3 million" and 3.2 million).
 */
export function figuresMatch(a: FigureFacts, b: FigureFacts): boolean {
  if (!MATCHED_KINDS.has(a.kind) || a.kind !== b.kind) return false;
  if ((a.unit ?? null) !== (b.unit ?? null)) return false;
  if (!Number.isFinite(a.value) || !Number.isFinite(b.value)) return false;
  if (a.value === b.value) return true;
  if (a.value === 0 || b.value === 0 || Math.sign(a.value) !== Math.sign(b.value)) return false;
  if (!bounded(a.qualifier) && !bounded(b.qualifier) && sameWhenRounded(a.value, b.value)) return true;
  return valuesAgree(asQuantity(a), asQuantity(b));
}

/**
 * The value range a database query must cover to find every figure that may match `f`: within
 * rounding (two significant digits or more) or the 2–5% of valuesAgree is within 5%; a bound
 * ("more than 3 million") reaches to 1.5 times, or two thirds of, the bound.
 */
export function candidateRange(f: FigureFacts, boundsPossible: boolean): [number, number] {
  const [down, up] = boundsPossible || f.qualifier === "over" || f.qualifier === "under" ? [0.6, 1.6] : [0.95, 1.053];
  const lo = f.value * down;
  const hi = f.value * up;
  return lo <= hi ? [lo, hi] : [hi, lo];
}

/** How a figure reads in a match's reason: "7,700,000 people", "32%". */
export function describeFigure(f: FigureFacts): string {
  if (f.kind === "percent") return `${formatNumber(f.value)}%`;
  return f.unit ? `${formatNumber(f.value)} ${f.unit}` : formatNumber(f.value);
}
