// Prints the analysis scores on the hand-marked frame cases:
//   npx tsx scripts/score-frames.ts [--verbose]
import { readFileSync } from "node:fs";
import { f1, precision, recall, scoreAll, type FrameCase } from "../tests/unit/text/frame-scorer";

const cases = JSON.parse(readFileSync(new URL("../tests/fixtures/frame-cases.json", import.meta.url), "utf8")) as FrameCase[];
const s = scoreAll(cases);
const pct = (x: number) => x.toFixed(3);
console.log(`cases: ${cases.length} (${cases.filter((c) => c.lang === "ar").length} Arabic)`);
console.log(`figures:   P ${pct(precision(s.figures))}  R ${pct(recall(s.figures))}  F1 ${pct(f1(s.figures))}  (${JSON.stringify(s.figures)})`);
console.log(`conflicts: P ${pct(precision(s.conflicts))}  R ${pct(recall(s.conflicts))}  (${JSON.stringify(s.conflicts)})`);
console.log(`updates:   P ${pct(precision(s.updates))}  R ${pct(recall(s.updates))}  (${JSON.stringify(s.updates)})`);
console.log(`must-not-flag violations: ${s.mustNotViolations.length}`);
if (process.argv.includes("--verbose")) {
  for (const { id, score } of s.perCase) {
    const bad = score.figures.fp + score.figures.fn + score.conflicts.fp + score.conflicts.fn + score.updates.fp + score.updates.fn;
    if (bad > 0) console.log(`  ${id}: ${JSON.stringify(score)}`);
  }
}
