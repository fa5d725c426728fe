// Throughput of the text analysis against bare ICU sentence segmentation.
//
//   npx tsx bench/analysis.ts            a table
//   npx tsx bench/analysis.ts --json     {"analysis":{"paragraphs":{…},"oneParagraph":{…}}}
//
// Two corpora built from the seed article with its figures varied: ~10 MB of news in
// paragraphs, and ~1 MB as one paragraph (every line break replaced by a space).
// Goals: `analyze` within 4× the time of bare segmentation on paragraphs, and at most
// half its time on one paragraph.
//
// V8's Intl.Segmenter is quadratic in the length of the string it is given, paragraph
// breaks or not (400 k characters take ~3 s, 10 MB would take many minutes). On the
// paragraph corpus the bare segmenter is therefore fed one paragraph at a time, its
// best case and the only practical way to run it there; on the one-paragraph corpus it
// gets the whole string, which is the case the analysis must beat.
import { readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { analyze } from "../lib/text/index";

export type CaseFigures = {
  /** Size of the corpus in megabytes (10⁶ bytes of UTF-8). */
  mb: number;
  /** analyze throughput, median of the rounds. */
  mbPerS: number;
  /** Bare Intl.Segmenter("ar", sentence) throughput on the same text. */
  bareSegmenterMbPerS: number;
  analyzeMedianMs: number;
  bareSegmenterMedianMs: number;
  /** analyze time ÷ bare segmentation time. */
  timeRatio: number;
  goal: string;
  goalMet: boolean;
  analyzeRounds: number;
  bareSegmenterRounds: number;
  bareSegmenterInput: "per paragraph" | "whole text";
  sentences: number;
  quantities: number;
  discrepancies: number;
};

export type AnalysisFigures = { paragraphs: CaseFigures; oneParagraph: CaseFigures };
/** `analysis` is the documented shape (what `--json` prints); the same figures also sit at
 *  the top level, where bench/run.ts reads them. */
export type AnalysisBench = { analysis: AnalysisFigures } & AnalysisFigures;

export type AnalysisBenchOptions = {
  paragraphsMb?: number;
  oneParagraphMb?: number;
  rounds?: number;
  /** Rounds of whole-text ICU on the one-paragraph corpus; each takes seconds. */
  bareOneParagraphRounds?: number;
};

const SEED_URL = new URL("../seeds/sy24-coalition.txt", import.meta.url);

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** A small deterministic PRNG, so every run measures the same text. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The article with each figure's digits changed (same length, so dates stay dates). */
function variant(article: string, rand: () => number): string {
  return article.replace(/[0-9]+/g, (digits) => {
    if (digits.length === 4 && /^(?:19|20)/.test(digits)) return digits; // keep years
    let out = "";
    for (let k = 0; k < digits.length; k++) out += String(k === 0 ? 1 + Math.floor(rand() * 9) : Math.floor(rand() * 10));
    return out;
  });
}

export function buildParagraphCorpus(article: string, mb: number): string {
  const rand = prng(2020);
  const parts: string[] = [];
  let bytes = 0;
  while (bytes < mb * 1e6) {
    const copy = variant(article, rand).trim();
    parts.push(copy);
    bytes += utf8Length(copy) + 2;
  }
  return parts.join("\n\n");
}

export function buildOneParagraphCorpus(article: string, mb: number): string {
  const line = article.split(/\s*\n\s*/).filter((l) => l.length > 0).join(" ");
  const rand = prng(2024);
  const parts: string[] = [];
  let bytes = 0;
  while (bytes < mb * 1e6) {
    const copy = variant(line, rand);
    parts.push(copy);
    bytes += utf8Length(copy) + 1;
  }
  return parts.join(" ");
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

function bareSegment(texts: readonly string[]): number {
  const segmenter = new Intl.Segmenter("ar", { granularity: "sentence" });
  let n = 0;
  for (const t of texts) for (const _segment of segmenter.segment(t)) n++;
  return n;
}

function runCase(
  text: string,
  rounds: number,
  bareRounds: number,
  bareInput: "per paragraph" | "whole text",
  goalRatio: number,
  goal: string,
): CaseFigures {
  const mb = utf8Length(text) / 1e6;
  const result = analyze(text); // warm-up, and the counts to report
  const analyzeMs: number[] = [];
  for (let r = 0; r < rounds; r++) analyzeMs.push(time(() => analyze(text)));

  const pieces = bareInput === "per paragraph" ? text.split(/\n\s*\n/) : [text];
  if (bareInput === "per paragraph") bareSegment(pieces.slice(0, 50)); // warm-up
  const bareMs: number[] = [];
  for (let r = 0; r < bareRounds; r++) bareMs.push(time(() => bareSegment(pieces)));

  const a = median(analyzeMs);
  const b = median(bareMs);
  const ratio = a / b;
  return {
    mb: round(mb, 2),
    mbPerS: round(mb / (a / 1000), 2),
    bareSegmenterMbPerS: round(mb / (b / 1000), 2),
    analyzeMedianMs: round(a, 1),
    bareSegmenterMedianMs: round(b, 1),
    timeRatio: round(ratio, 3),
    goal,
    goalMet: ratio <= goalRatio,
    analyzeRounds: rounds,
    bareSegmenterRounds: bareRounds,
    bareSegmenterInput: bareInput,
    sentences: result.sentences.length,
    quantities: result.quantities.length,
    discrepancies: result.discrepancies.length,
  };
}

function round(x: number, digits: number): number {
  const f = Math.pow(10, digits);
  return Math.round(x * f) / f;
}

export function runAnalysisBench(options: AnalysisBenchOptions = {}): AnalysisBench {
  const article = readFileSync(fileURLToPath(SEED_URL), "utf8");
  const rounds = options.rounds ?? 5;
  const paragraphs = buildParagraphCorpus(article, options.paragraphsMb ?? 10);
  const oneParagraph = buildOneParagraphCorpus(article, options.oneParagraphMb ?? 1);
  const figures: AnalysisFigures = {
    paragraphs: runCase(paragraphs, rounds, rounds, "per paragraph", 4, "analyze ≤ 4× bare segmentation time"),
    oneParagraph: runCase(
      oneParagraph,
      rounds,
      options.bareOneParagraphRounds ?? 1,
      "whole text",
      0.5,
      "analyze ≤ ½ bare segmentation time",
    ),
  };
  return { analysis: figures, ...figures };
}

function table(b: AnalysisBench): string {
  const rows: [string, CaseFigures][] = [
    ["paragraphs", b.analysis.paragraphs],
    ["one paragraph", b.analysis.oneParagraph],
  ];
  const head = ["corpus", "MB", "analyze MB/s", "bare ICU MB/s", "analyze ms", "ICU ms", "ICU input", "time ratio", "goal", "met"];
  const body = rows.map(([name, f]) => [
    name,
    f.mb.toFixed(2),
    f.mbPerS.toFixed(2),
    f.bareSegmenterMbPerS.toFixed(2),
    f.analyzeMedianMs.toFixed(0),
    f.bareSegmenterMedianMs.toFixed(0),
    f.bareSegmenterInput,
    f.timeRatio.toFixed(3),
    f.goal,
    f.goalMet ? "yes" : "NO",
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ");
  const counts = rows.map(([name, f]) => `${name}: ${f.sentences} sentences, ${f.quantities} figures, ${f.discrepancies} contradictions`);
  return [line(head), line(widths.map((w) => "-".repeat(w))), ...body.map(line), "", ...counts].join("\n");
}

const invokedDirectly = (() => {
  const script = process.argv[1];
  return script !== undefined && import.meta.url === pathToFileURL(script).href;
})();

if (invokedDirectly) {
  const json = process.argv.includes("--json");
  const result = runAnalysisBench();
  process.stdout.write((json ? JSON.stringify({ analysis: result.analysis }) : table(result)) + "\n");
}
