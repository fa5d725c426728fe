// Phrases a stored, structured discrepancy (lib/text/types.ts `Discrepancy`) in the reader's
// language: "Reuters quoting the mayor: 12; the article: at least 30", «القتلى: سابقاً 20، الآن 27».
// Pure: it takes a translator for the "workspace" namespace and gives back pieces, those that
// came from the article (figures, sources, nouns) marked to be bidi-isolated when shown.

/** A run of the phrase; `isolate` runs are the article's own words and numbers. */
export type Piece = { text: string; isolate?: boolean };

/** The translator's shape (next-intl's `t` for "workspace", or `createTranslator`'s). */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The structured fields the phrase needs (a contradiction suggestion's `detail`). */
export type DiscrepancyData = {
  a: number;
  b: number;
  type: "conflict" | "update";
  measure: string;
  /** The source of a and of b as written, and their bounds (pairs). */
  sources: (string | null)[];
  bounds: string[];
  from?: number;
  to?: number;
};

const MEASURES = new Set([
  "deaths", "injuries", "displaced", "refugees", "arrests", "missing", "freed", "rescued", "evacuated", "need", "targeted",
  "affected", "pledged", "raised", "spent", "losses", "budget", "aid", "unemployed", "employed", "labourForce", "population", "cases", "amount",
]);
const BOUNDS = new Set(["exact", "about", "at-least", "more-than", "nearly", "up-to", "less-than"]);

/** Is this what a contradiction suggestion's `detail` holds? (Older rows have none.) */
export function isDiscrepancy(detail: unknown): detail is DiscrepancyData {
  if (typeof detail !== "object" || detail === null) return false;
  const d = detail as Record<string, unknown>;
  return (d.type === "conflict" || d.type === "update") && typeof d.measure === "string" && typeof d.a === "number" && typeof d.b === "number"
    && Array.isArray(d.sources) && d.sources.length === 2 && Array.isArray(d.bounds) && d.bounds.length === 2;
}

// Private-use marks around a slot's number: they never occur in messages.
const OPEN = "\uE000";
const CLOSE = "\uE001";

/** A message with slots filled by pieces: the slots keep their pieces' isolation. */
export function fill(t: Translate, key: string, slots: Record<string, Piece[]>): Piece[] {
  const names = Object.keys(slots);
  const marked = t(key, Object.fromEntries(names.map((n, i) => [n, `${OPEN}${i}${CLOSE}`])));
  const out: Piece[] = [];
  for (const part of marked.split(new RegExp(`(${OPEN}\\d+${CLOSE})`))) {
    if (part === "") continue;
    const slot = part.startsWith(OPEN) ? slots[names[Number(part.slice(1, -1))]] : undefined;
    if (slot) out.push(...slot);
    else out.push({ text: part });
  }
  return join(out);
}

/** Adjacent plain pieces joined (isolated ones stay apart). */
function join(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const p of pieces) {
    const last = out.at(-1);
    if (last && !last.isolate && !p.isolate) last.text += p.text;
    else out.push({ ...p });
  }
  return out;
}

/** The measure's name in the reader's language; "noun:<x>" and unknown measures as written. */
export function measureName(t: Translate, measure: string): Piece[] {
  if (MEASURES.has(measure)) return [{ text: t(`discrepancy.measure.${measure}`) }];
  return [{ text: measure.startsWith("noun:") ? measure.slice(5) : measure, isolate: true }];
}

/** A figure with its bound: "at least 30", «30 على الأقل». */
export function boundedValue(t: Translate, text: string, bound: string): Piece[] {
  return fill(t, `discrepancy.bound.${BOUNDS.has(bound) ? bound : "exact"}`, { value: [{ text, isolate: true }] });
}

/** Who gives a figure: its source as written, or the article itself. */
export function sourceName(t: Translate, source: string | null): Piece[] {
  return source === null || source.trim() === "" ? [{ text: t("discrepancy.unattributed") }] : [{ text: source, isolate: true }];
}

/**
 * The discrepancy in the reader's words. `figure(i)` gives the text of the article's figure `i`
 * as written ("30", «7 ملايين»); a figure not at hand shows as "…".
 */
export function phraseDiscrepancy(t: Translate, d: DiscrepancyData, figure: (index: number) => string | undefined): Piece[] {
  const text = (i: number) => figure(i) ?? "…";
  const measure = measureName(t, d.measure);
  if (d.type === "update" && d.from !== undefined && d.to !== undefined) {
    const bound = (i: number) => (i === d.a ? d.bounds[0] : d.bounds[1]) ?? "exact";
    return fill(t, "discrepancy.update", {
      measure,
      from: boundedValue(t, text(d.from), bound(d.from)),
      to: boundedValue(t, text(d.to), bound(d.to)),
    });
  }
  const side = (k: 0 | 1, i: number) => fill(t, "discrepancy.sourced", { source: sourceName(t, d.sources[k] ?? null), value: boundedValue(t, text(i), d.bounds[k] ?? "exact") });
  return fill(t, "discrepancy.conflict", { measure, a: side(0, d.a), b: side(1, d.b) });
}

/** The pieces as one string (for titles, tests and plain-text uses). */
export const piecesText = (pieces: Piece[]) => pieces.map((p) => p.text).join("");
