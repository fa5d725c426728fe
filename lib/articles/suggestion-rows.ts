import type { analyze, Discrepancy, FigureFrame } from "@/lib/text";

type Analysis = ReturnType<typeof analyze>;

/** What a claim suggestion stores about its figure: the frame, and the conflicts and
 *  updates the figure takes part in (indexes into the article's figures). */
export type FigureDetail = { kind: "figure"; frame: FigureFrame | null; conflicts: number[]; updates: number[]; updatedBy: number[] };
/** What a contradiction suggestion stores: the discrepancy as the analysis gave it. */
export type ContradictionDetail = Discrepancy;

export type SuggestionRow = {
  type: "claim" | "contradiction";
  quantityA: number;
  quantityB: number | null;
  start: number;
  end: number;
  reason: string | null;
  detail: FigureDetail | ContradictionDetail;
};

/**
 * The suggestions made of an analysis: one claim per figure that is an amount (dates and
 * years are not claims) and one contradiction per conflict. Updates (an earlier figure and
 * the one that replaced it) are not contradictions; they are kept on the figures' details.
 */
export function suggestionRows(analysis: Pick<Analysis, "quantities" | "discrepancies">): SuggestionRow[] {
  const { quantities, discrepancies } = analysis;
  const links = quantities.map(() => ({ conflicts: [] as number[], updates: [] as number[], updatedBy: [] as number[] }));
  for (const d of discrepancies) {
    if (d.type === "update" && d.from !== undefined && d.to !== undefined) {
      links[d.to]?.updates.push(d.from);
      links[d.from]?.updatedBy.push(d.to);
    } else if (d.type !== "update") {
      links[d.a]?.conflicts.push(d.b);
      links[d.b]?.conflicts.push(d.a);
    }
  }
  const rows: SuggestionRow[] = [];
  quantities.forEach((q, index) => {
    if (q.kind === "date") return;
    const l = links[index] ?? { conflicts: [], updates: [], updatedBy: [] };
    rows.push({ type: "claim", quantityA: index, quantityB: null, start: q.start, end: q.end, reason: null, detail: { kind: "figure", frame: q.frame ?? null, ...l } });
  });
  for (const d of discrepancies) {
    if (d.type === "update") continue;
    const a = quantities[d.a];
    const b = quantities[d.b];
    if (a === undefined || b === undefined) continue;
    rows.push({ type: "contradiction", quantityA: d.a, quantityB: d.b, start: a.start, end: b.end, reason: d.reason, detail: d });
  }
  return rows;
}
