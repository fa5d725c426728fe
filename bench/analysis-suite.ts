// Analysis throughput against bare Intl.Segmenter on the same text, in this process (pure
// functions, no I/O). Two inputs: 10 MB of news articles (paragraphs, analyzed article by
// article as the import does) and 1 MB written as one paragraph with no line break.
import { analyze } from "@/lib/text";
import { Corpus } from "./lib/corpus";
import { log, median, nowMs, round } from "./lib/stats";

export type AnalysisFigures = {
  mb: number;
  mbPerS: number;
  bareSegmenterMbPerS: number;
  /** analysis time over bare segmentation time (goal: <= 4 on paragraphs, < 0.5 on one paragraph). */
  timeRatio: number;
  rounds: number;
};

const MB = 1024 * 1024;

function timeIt(run: () => void): number {
  const t0 = nowMs();
  run();
  return (nowMs() - t0) / 1000;
}

function measure(texts: string[], rounds: number, label: string): AnalysisFigures {
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t, "utf8"), 0);
  const segmenter = new Intl.Segmenter("ar", { granularity: "sentence" });
  let sink = 0;
  const analysis = () => {
    for (const t of texts) sink += analyze(t, { language: "ar" }).sentences.length;
  };
  const bare = () => {
    for (const t of texts) for (const _ of segmenter.segment(t)) sink++;
  };
  // One untimed pass of each warms the JIT; then rounds alternate, so both see the same noise.
  analysis();
  bare();
  const a: number[] = [];
  const s: number[] = [];
  for (let i = 0; i < rounds; i++) {
    a.push(timeIt(analysis));
    s.push(timeIt(bare));
    log(`analysis ${label} round ${i + 1}: analyze ${a[i].toFixed(2)} s, Intl.Segmenter ${s[i].toFixed(2)} s`);
  }
  if (sink < 0) console.log(sink);
  const mb = bytes / MB;
  return { mb: round(mb), mbPerS: round(mb / median(a)), bareSegmenterMbPerS: round(mb / median(s)), timeRatio: round(median(a) / median(s)), rounds };
}

export async function runAnalysisSuite({ rounds = 5 }: { rounds?: number } = {}) {
  const corpus = new Corpus(2024);
  const { articles } = corpus.paragraphsText(10 * MB);
  const paragraphs = measure(articles, rounds, "10 MB paragraphs");
  const long = corpus.oneParagraph(1 * MB);
  const oneParagraph = measure([long], Math.max(3, rounds - 2), "1 MB one paragraph");
  return { paragraphs, oneParagraph };
}
