// The article's figure ledger: its figures grouped by frame (measure, then time and
// scope), each with its source and sentence, conflicts and updates marked. Pure data
// for an interface to lay out.
import type { AnalysisResult, LedgerFigure, LedgerGroup } from "./types";

/** Groups the framed figures of an analysis; figures without a measure are left out. */
export function figureLedger(result: Pick<AnalysisResult, "quantities" | "discrepancies">): LedgerGroup[] {
  const groups = new Map<string, LedgerGroup>();
  const figures = new Map<number, LedgerFigure>();
  result.quantities.forEach((q, index) => {
    const f = q.frame;
    if (f === undefined || f.measure === null) return;
    const time = f.time.relation === "previous-period" ? "previous-period" : f.time.years.length > 0 ? f.time.years.join(",") : "current";
    const scope = (f.scope.part ? "part" : "whole") + (f.scope.place === null ? "" : ":" + f.scope.place);
    const key = [f.measure, f.family, f.qualifiers.join("+"), time, scope].join("|");
    let g = groups.get(key);
    if (g === undefined) {
      g = { measure: f.measure, family: f.family, qualifiers: f.qualifiers, time, scope, figures: [] };
      groups.set(key, g);
    }
    const lf: LedgerFigure = {
      index,
      text: q.text,
      value: q.value,
      bound: f.bound,
      source: f.source?.text ?? null,
      sentence: q.sentence,
      relation: f.time.relation,
      conflicts: [],
      updates: [],
      updatedBy: [],
    };
    g.figures.push(lf);
    figures.set(index, lf);
  });
  for (const d of result.discrepancies) {
    if (d.type === "conflict") {
      figures.get(d.a)?.conflicts.push(d.b);
      figures.get(d.b)?.conflicts.push(d.a);
    } else if (d.from !== undefined && d.to !== undefined) {
      figures.get(d.to)?.updates.push(d.from);
      figures.get(d.from)?.updatedBy.push(d.to);
    }
  }
  // Measures in the order the article first gives them; within a measure, time then scope.
  return [...groups.values()].sort((x, y) => {
    if (x.measure !== y.measure) return (x.figures[0]?.index ?? 0) - (y.figures[0]?.index ?? 0);
    return x.time === y.time ? x.scope.localeCompare(y.scope) : x.time.localeCompare(y.time);
  });
}
