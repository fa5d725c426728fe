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

export function analyze(text: string, opts: AnalyzeOptions = {}): AnalysisResult {
  const input = typeof text === "string" ? text : "";
  const given = typeof opts?.language === "string" ? opts.language.trim() : "";
  const language = given !== "" && given.toLowerCase() !== "auto" && LANGUAGE_TAG.test(given) ? given : detectLanguage(input);
  const sentences = segmentSentences(input);
  const quantities = extractQuantities(input, sentences);
  const frames = buildFrames(input, quantities, sentences);
  for (let i = 0; i < quantities.length; i++) {
    const f = frames[i];
    const q = quantities[i];
    if (f != null && q !== undefined) q.frame = f;
  }
  const discrepancies = findDiscrepancies(input, quantities, sentences, frames);
  return { language, direction: directionOf(language), sentences, quantities, discrepancies };
}
