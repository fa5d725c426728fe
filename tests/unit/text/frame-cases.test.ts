// Runs every hand-written frame case (tests/fixtures/frame-cases.json: the patterns of
// real reporting, written for this project): sentences, figures with values, the
// conflicts and updates that must be reported and the pairs that must never be
// flagged; then scores all cases together.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { figureLedger } from "../../../lib/text";
import { f1, pairKey, precision, recall, runCase, scoreAll, updateKey, type FrameCase } from "./frame-scorer";

const cases = JSON.parse(readFileSync(fileURLToPath(new URL("../../fixtures/frame-cases.json", import.meta.url)), "utf8")) as FrameCase[];

describe("frame cases", () => {
  it("has at least 40 cases, 25 of them Arabic", () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(cases.filter((c) => c.lang === "ar").length).toBeGreaterThanOrEqual(25);
  });

  for (const c of cases) {
    describe(c.id, () => {
      const o = runCase(c);
      const { result } = o;

      it("splits sentences and keeps offsets exact", () => {
        expect(result.sentences.filter((s) => s.boilerplate !== true).map((s) => s.text)).toEqual(c.sentences);
        for (const q of result.quantities) expect(c.text.slice(q.start, q.end)).toBe(q.text);
      });

      it("reads the marked figures and no others", () => {
        expect(o.figures).toEqual(c.figures);
      });

      it("reports the marked conflicts and updates, and nothing else", () => {
        expect([...o.conflicts].sort()).toEqual(c.conflicts.map(([a, b]) => pairKey(a, b)).sort());
        expect([...o.updates].sort()).toEqual(c.updates.map(([a, b]) => updateKey(a, b)).sort());
        for (const [a, b] of c.mustNotFlag) expect(o.conflicts).not.toContain(pairKey(a, b));
      });

      it("never flags two readings of the same value", () => {
        for (const d of result.discrepancies) expect(result.quantities[d.a]?.value).not.toBe(result.quantities[d.b]?.value);
      });

      it("carries structured data on every discrepancy", () => {
        for (const d of result.discrepancies) {
          expect(d.a).toBeLessThan(d.b);
          expect(d.measure.length).toBeGreaterThan(0);
          expect(d.sources).toHaveLength(2);
          expect(d.bounds).toHaveLength(2);
          expect(typeof d.reason).toBe("string");
          if (d.type === "update") expect([d.from, d.to].sort()).toEqual([d.a, d.b]);
        }
      });

      it("puts every framed figure in exactly one ledger group", () => {
        const framed = result.quantities.filter((q) => q.frame?.measure != null).length;
        const listed = figureLedger(result).flatMap((g) => g.figures.map((f) => f.index));
        expect(new Set(listed).size).toBe(framed);
        expect(listed).toHaveLength(framed);
      });
    });
  }

  it("scores at least 0.8 on conflicts, 0.8 on updates and 0.95 F1 on figures over all cases", () => {
    const s = scoreAll(cases);
    expect(precision(s.conflicts)).toBeGreaterThanOrEqual(0.8);
    expect(recall(s.conflicts)).toBeGreaterThanOrEqual(0.8);
    expect(precision(s.updates)).toBeGreaterThanOrEqual(0.8);
    expect(recall(s.updates)).toBeGreaterThanOrEqual(0.8);
    expect(f1(s.figures)).toBeGreaterThanOrEqual(0.95);
    expect(s.mustNotViolations).toEqual([]);
  });
});
