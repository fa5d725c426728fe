// Shapes shared by the analysis functions and by everything that stores or exports
// their results. Offsets are JavaScript string (UTF-16) indices into the exact input,
// end exclusive, so `input.slice(start, end) === text` always holds.

export type Sentence = {
  index: number;
  start: number;
  end: number;
  text: string;
  /** Web furniture (share buttons, bylines, "related articles"): shown, never a claim. */
  boilerplate?: boolean;
};

export type QuantityKind = "count" | "money" | "percent" | "measure" | "date" | "duration" | "other";

/**
 * One figure in the text. `value` is normalized:
 * - count, money, measure, duration: the amount with scale words applied
 *   ("7.7 مليون" → 7700000, "$4.2 billion" → 4200000000);
 * - percent: the percentage itself ("32%" → 32);
 * - date: digits of the calendar date at the precision written, named by `unit`:
 *   "yyyy" (2014), "yyyymm" (201409), "yyyymmdd" (20140910) or "mmdd" (910, no year).
 */
export type Quantity = {
  start: number;
  end: number;
  text: string;
  value: number;
  kind: QuantityKind;
  /** "people", "dollars", "km²", "hectares", "%", "years", "yyyymmdd", … when known. */
  unit?: string;
  /** The counted thing (or, for money and percentages, what the amount is of), folded
   *  and singular, used to decide whether two figures speak of the same thing. */
  noun?: string;
  /** Index of the sentence holding the figure. */
  sentence: number;
  /** Hedges written with the figure: "نحو"/"about" (approx), "أكثر من"/"more than" (over),
   *  "أقل من"/"nearly" (under). */
  qualifier?: "approx" | "over" | "under";
};

/** Two figures that count the same thing with values that disagree. `a < b` index `quantities`. */
export type Discrepancy = { a: number; b: number; reason: string };

export type Direction = "rtl" | "ltr";

export type AnalysisResult = {
  language: string;
  direction: Direction;
  sentences: Sentence[];
  quantities: Quantity[];
  discrepancies: Discrepancy[];
};
