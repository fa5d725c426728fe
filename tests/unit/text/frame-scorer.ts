// Scores the analysis against hand-marked frame cases (tests/fixtures/frame-cases.json):
// figures (text and value) as F1, conflicts and updates as precision and recall over
// pairs of figure texts. Shared by the unit test and `npx tsx scripts/score-frames.ts`.
import { analyze, type AnalysisResult } from "../../../lib/text";

export type FrameCase = {
  id: string;
  lang: string;
  note?: string;
  text: string;
  sentences: string[];
  figures: { text: string; value: number }[];
  conflicts: [string, string][];
  updates: [string, string][];
  mustNotFlag: [string, string][];
};

export type CaseOutcome = {
  id: string;
  result: AnalysisResult;
  figures: { text: string; value: number }[];
  conflicts: string[];
  updates: string[];
};

export type Counts = { tp: number; fp: number; fn: number };
export type Score = { figures: Counts; conflicts: Counts; updates: Counts; mustNotViolations: string[] };

export const pairKey = (a: string, b: string): string => [a, b].sort().join(" | ");
export const updateKey = (from: string, to: string): string => `${from} -> ${to}`;

export function runCase(c: FrameCase): CaseOutcome {
  const result = analyze(c.text);
  const qs = result.quantities;
  return {
    id: c.id,
    result,
    figures: qs.filter((q) => q.kind !== "date").map((q) => ({ text: q.text, value: q.value })),
    conflicts: result.discrepancies.filter((d) => d.type === "conflict").map((d) => pairKey(qs[d.a]?.text ?? "?", qs[d.b]?.text ?? "?")),
    updates: result.discrepancies.filter((d) => d.type === "update").map((d) => updateKey(qs[d.from ?? -1]?.text ?? "?", qs[d.to ?? -1]?.text ?? "?")),
  };
}

function countMultiset(got: readonly string[], want: readonly string[]): Counts {
  const left = new Map<string, number>();
  for (const w of want) left.set(w, (left.get(w) ?? 0) + 1);
  let tp = 0;
  for (const g of got) {
    const n = left.get(g) ?? 0;
    if (n > 0) {
      tp++;
      left.set(g, n - 1);
    }
  }
  return { tp, fp: got.length - tp, fn: want.length - tp };
}

function add(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}

export function scoreCase(c: FrameCase, o: CaseOutcome): Score {
  const fig = (f: { text: string; value: number }) => `${f.text}=${f.value}`;
  const conflicts = countMultiset([...new Set(o.conflicts)], [...new Set(c.conflicts.map(([a, b]) => pairKey(a, b)))]);
  const updates = countMultiset([...new Set(o.updates)], [...new Set(c.updates.map(([a, b]) => updateKey(a, b)))]);
  const forbidden = new Set(c.mustNotFlag.map(([a, b]) => pairKey(a, b)));
  return {
    figures: countMultiset(o.figures.map(fig), c.figures.map(fig)),
    conflicts,
    updates,
    mustNotViolations: o.conflicts.filter((k) => forbidden.has(k)).map((k) => `${c.id}: ${k}`),
  };
}

export function scoreAll(cases: readonly FrameCase[]): Score & { perCase: { id: string; score: Score }[] } {
  let total: Score = { figures: { tp: 0, fp: 0, fn: 0 }, conflicts: { tp: 0, fp: 0, fn: 0 }, updates: { tp: 0, fp: 0, fn: 0 }, mustNotViolations: [] };
  const perCase: { id: string; score: Score }[] = [];
  for (const c of cases) {
    const s = scoreCase(c, runCase(c));
    perCase.push({ id: c.id, score: s });
    total = {
      figures: add(total.figures, s.figures),
      conflicts: add(total.conflicts, s.conflicts),
      updates: add(total.updates, s.updates),
      mustNotViolations: [...total.mustNotViolations, ...s.mustNotViolations],
    };
  }
  return { ...total, perCase };
}

export const precision = (c: Counts): number => (c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp));
export const recall = (c: Counts): number => (c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn));
export const f1 = (c: Counts): number => {
  const p = precision(c);
  const r = recall(c);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
};
