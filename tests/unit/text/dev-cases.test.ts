// Runs every hand-marked case in tests/fixtures/dev-cases.json (a copy of the shared
// data, so a clean clone can run it): sentences, figures with values and kinds, the
// contradictions that must be flagged and the same-figure pairs that must not.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { analyze, type Quantity } from "../../../lib/text";

type DevCase = {
  id: string;
  lang: string;
  file?: string;
  text?: string;
  sentences?: string[];
  quantities: { text: string; value: number; kind: string }[];
  discrepancies: [string, string][];
  consistent: [string, string][];
};

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url));
const cases = JSON.parse(readFileSync(fixture("dev-cases.json"), "utf8")) as DevCase[];

function bodyOf(c: DevCase): string {
  if (c.text !== undefined) return c.text;
  if (c.file !== undefined) return readFileSync(fixture(c.file), "utf8");
  throw new Error(`case ${c.id} has neither text nor file`);
}

function pairTexts(quantities: readonly Quantity[], a: number, b: number): string {
  const x = quantities[a]?.text ?? "?";
  const y = quantities[b]?.text ?? "?";
  return [x, y].sort().join(" | ");
}

describe("dev cases", () => {
  it("has cases to run", () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const c of cases) {
    describe(c.id, () => {
      const body = bodyOf(c);
      const result = analyze(body);

      it("detects the language", () => {
        expect(result.language).toBe(c.lang);
        expect(result.direction).toBe(c.lang === "ar" ? "rtl" : "ltr");
      });

      it("keeps every offset exact", () => {
        for (const s of result.sentences) expect(body.slice(s.start, s.end)).toBe(s.text);
        for (const q of result.quantities) expect(body.slice(q.start, q.end)).toBe(q.text);
      });

      if (c.sentences !== undefined) {
        const expected = c.sentences;
        it("splits sentences as marked", () => {
          expect(result.sentences.filter((s) => s.boilerplate !== true).map((s) => s.text)).toEqual(expected);
        });
      }

      it("finds every marked figure with its value and kind", () => {
        for (const want of c.quantities) {
          const got = result.quantities.find((q) => q.text === want.text);
          expect(got, `figure ${want.text}`).toBeDefined();
          expect(got?.value).toBe(want.value);
          expect(got?.kind).toBe(want.kind);
        }
      });

      it("reads no marked figure's text as a different figure", () => {
        const marked = new Set(c.quantities.map((q) => q.text));
        for (const q of result.quantities) {
          if (q.kind === "date") continue; // dates are not marked in the dev cases
          const inside = [...marked].some((m) => q.text.includes(m) || m.includes(q.text));
          expect(inside, `unexpected figure ${q.text}`).toBe(true);
        }
      });

      it("flags the marked contradictions and nothing else", () => {
        const flagged = new Set(result.discrepancies.map((d) => pairTexts(result.quantities, d.a, d.b)));
        const wanted = new Set(c.discrepancies.map(([x, y]) => [x, y].sort().join(" | ")));
        for (const w of wanted) expect(flagged.has(w), `missing ${w}`).toBe(true);
        for (const f of flagged) expect(wanted.has(f), `extra ${f}`).toBe(true);
        for (const d of result.discrepancies) {
          expect(d.a).toBeLessThan(d.b);
          expect(d.reason.length).toBeGreaterThan(10);
        }
      });

      it("never flags the same figure written two ways", () => {
        for (const [x, y] of c.consistent) {
          const key = [x, y].sort().join(" | ");
          expect(result.discrepancies.map((d) => pairTexts(result.quantities, d.a, d.b))).not.toContain(key);
        }
        for (const d of result.discrepancies) {
          expect(result.quantities[d.a]?.value).not.toBe(result.quantities[d.b]?.value);
        }
      });
    });
  }
});

describe("the seed article", () => {
  const body = readFileSync(fixture("sy24-coalition.txt"), "utf8");
  const result = analyze(body);

  it("marks web furniture as boilerplate and keeps the headline", () => {
    const bp = result.sentences.filter((s) => s.boilerplate === true).map((s) => s.text);
    expect(bp).toEqual(["Facebook", "WhatsApp", "Telegram", "خاص – SY24", "مقالات ذات صلة"]);
    expect(result.sentences[0]?.text).toBe("التحالف الدولي: حرّرنا 7 ملايين شخص و110 آلاف كم من داعش");
  });

  it("splits the last two paragraphs at their single line break", () => {
    const texts = result.sentences.map((s) => s.text);
    expect(texts.some((t) => t.endsWith("ولكن هناك المزيد لنفعله."))).toBe(true);
    expect(texts.some((t) => t.startsWith("وبشكل مستمر يؤكد التحالف الدولي"))).toBe(true);
  });

  it("reads the dates as dates, not counts", () => {
    const dates = result.quantities.filter((q) => q.kind === "date").map((q) => [q.text, q.value, q.unit]);
    expect(dates).toEqual([
      ["أيلول 2014", 201409, "yyyymm"],
      ["10 أيلول 2014", 20140910, "yyyymmdd"],
      ["22 أيلول 2014", 20140922, "yyyymmdd"],
      ["كانون الثاني 2015", 201501, "yyyymm"],
      ["2012", 2012, "yyyy"],
    ]);
  });

  it("explains the contradiction from the headline", () => {
    expect(result.discrepancies).toHaveLength(1);
    const reason = result.discrepancies[0]?.reason ?? "";
    expect(reason).toContain("headline: 7 ملايين شخص (7,000,000 people)");
    expect(reason).toContain("7.7 مليون شخصا (7,700,000 people)");
  });

  it("gives units for people, area and money", () => {
    const unitOf = (t: string) => result.quantities.find((q) => q.text === t)?.unit;
    expect(unitOf("7.7 مليون شخصا")).toBe("people");
    expect(unitOf("110.000 كيلومتر مربع")).toBe("km²");
    expect(unitOf("43.3 مليار دولار")).toBe("dollars");
    expect(unitOf("32%")).toBe("%");
  });
});
