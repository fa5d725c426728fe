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
  /** What the figure is a figure of; set by `analyze` (absent from `extractQuantities`). */
  frame?: FigureFrame;
};

/** How a figure bounds the true value: "17 على الأقل" is at-least, "nearly 3 million" nearly. */
export type Bound = "exact" | "about" | "at-least" | "more-than" | "nearly" | "up-to" | "less-than";

/**
 * A figure's frame: what is measured, of which scope, when, according to whom, and how
 * exactly. Two figures are compared only when their frames agree.
 * - `measure`: the event or quantity class ("deaths", "injuries", "displaced", "refugees",
 *   "arrests", "missing", "freed", "rescued", "evacuated", "need", "targeted", "affected",
 *   "pledged", "raised", "spent", "losses", "budget", "aid", "unemployed", "employed",
 *   "labourForce", "population", "cases"), or "noun:<folded noun>" when only the counted
 *   noun says it ("noun:meal"), or null when nothing does (then it is never compared).
 * - `family`: what the value is in: "count", "percent", "money:<unit>", "measure:<unit>".
 * - `qualifiers`: who is counted when narrower than everyone ("طفل", "child", "civilian").
 * - `scope.part`: a part of a figure given before it ("بينهم 4 أطفال", "including",
 *   "in Syria alone"); `scope.place`: "national" or "regional:<words>" when written;
 *   `scope.names`: folded proper names next to the figure ("japan", "aleppo", "حلب"): two
 *   figures naming different places or actors are not compared.
 * - `time.years`: years written in the sentence (`yearOnly` when no month or day is given with
 *   them: "Floods in 2019 killed 40" recalls another event); `time.days`: weekdays named in it ("1" =
 *   Monday … "7" = Sunday); `time.relation`: "earlier" (an earlier
 *   report: "في وقت سابق", "had put", "up from"), "latest" ("rose to", "ارتفعت إلى"),
 *   "previous-period" / "current-period" ("last year", "هذا العام"), "projection"
 *   ("may reach"), "change" ("an increase of"), "other-event" (a background event), or null.
 * - `source`: who the sentence attributes the figure to, as written, with its offsets
 *   (null when unattributed); `sourceKey` is its folded form.
 * - `range`: the values the figure allows given its bound and rounding (`hi` may be
 *   Infinity for at-least / more-than; serialised as null in JSON).
 */
export type FigureFrame = {
  measure: string | null;
  family: string;
  qualifiers: string[];
  scope: { part: boolean; place: string | null; names: string[] };
  time: { years: number[]; yearOnly: boolean; days: string[]; relation: TimeRelation | null };
  source: { text: string; start: number; end: number } | null;
  sourceKey: string | null;
  bound: Bound;
  range: { lo: number; hi: number | null };
};

export type TimeRelation = "earlier" | "latest" | "previous-period" | "current-period" | "projection" | "change" | "other-event";

/**
 * Two figures of the same frame whose values cannot both be true ("conflict"), or an
 * earlier figure and the one that replaced it ("update", `from` → `to`). `a < b` index
 * `quantities` (text order); for updates `from` is the older value and `to` the newer.
 * `reason` is a readable English line; interfaces phrase the structured fields instead.
 */
export type Discrepancy = {
  a: number;
  b: number;
  reason: string;
  type: "conflict" | "update";
  measure: string;
  /** The source of a and of b, as written (null when unattributed). */
  sources: [string | null, string | null];
  bounds: [Bound, Bound];
  /** b − a in value, and that difference relative to the larger magnitude; `scale` is k when
   *  the digits match at 10^k apart ("$4.2 billion" vs "$4.2 million"). */
  difference: { absolute: number; relative: number; scale?: number };
  from?: number;
  to?: number;
};

/** One figure in a ledger group. */
export type LedgerFigure = {
  index: number;
  text: string;
  value: number;
  bound: Bound;
  source: string | null;
  sentence: number;
  relation: TimeRelation | null;
  /** Indexes of figures this one conflicts with, and of the figures it updates / is updated by. */
  conflicts: number[];
  updates: number[];
  updatedBy: number[];
};

/** Figures grouped by frame: measure (with family and qualifiers), then time and scope. */
export type LedgerGroup = {
  measure: string;
  family: string;
  qualifiers: string[];
  time: string;
  scope: string;
  figures: LedgerFigure[];
};

export type Direction = "rtl" | "ltr";

export type AnalysisResult = {
  language: string;
  direction: Direction;
  sentences: Sentence[];
  quantities: Quantity[];
  discrepancies: Discrepancy[];
};
