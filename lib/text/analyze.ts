// The whole analysis of one article: exactly the JSON of `sanad analyze --json`.
import { findDiscrepancies } from "./discrepancies";
import { buildFrames } from "./frames";
import { detectLanguage, directionOf } from "./language";
import { extractQuantities } from "./quantities";
import { segmentSentences } from "./segment";
import type { AnalysisResult } from "./types";

const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$/;

export type AnalyzeOptions = {
  /** A BCP 47 tag to use instead of detection; "", "auto" or a malformed tag detect. */
  language?: string | null | undefined;
};

/** At most this many sentences and figures; past either, `analyzeWithin` stops before the costly steps. */
export type AnalysisLimits = { sentences?: number; figures?: number };
export type AnalysisOverrun = { over: "sentences" | "figures"; found: number };

export function analyze(text: string, opts: AnalyzeOptions = {}): AnalysisResult {
  return analyzeWithin(text, opts, {}) as AnalysisResult;
}

/**
 * `analyze`, or which limit the text passes: the sentences are counted before any figure is
 * read, the figures before any frame is built, so a text far over a limit costs little.
 */
export function analyzeWithin(text: string, opts: AnalyzeOptions, limits: AnalysisLimits): AnalysisResult | AnalysisOverrun {
  const input = typeof text === "string" ? text : "";
  const given = typeof opts?.language === "string" ? opts.language.trim() : "";
  const sentences = segmentSentences(input);
  if (limits.sentences !== undefined && sentences.length > limits.sentences) return { over: "sentences", found: sentences.length };
  const quantities = extractQuantities(input, sentences);
  if (limits.figures !== undefined && quantities.length > limits.figures) return { over: "figures", found: quantities.length };
  const language = given !== "" && given.toLowerCase() !== "auto" && LANGUAGE_TAG.test(given) ? given : detectLanguage(input);
  const frames = buildFrames(input, quantities, sentences);
  for (let i = 0; i < quantities.length; i++) {
    const f = frames[i];
    const q = quantities[i];
    if (f != null && q !== undefined) q.frame = f;
  }
  const discrepancies = findDiscrepancies(input, quantities, sentences, frames);
  return { language, direction: directionOf(language), sentences, quantities, discrepancies };
}
