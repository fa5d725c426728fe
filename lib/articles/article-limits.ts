// What one article may hold, checked at import. A long real report (a 300-page UN or World Bank
// report is about 1 MB of text: some 10,000 sentences and 5,000 to 8,000 figures, years
// included) stays far below; an article made to stall the server does not get in.
import { analyze } from "../text";

/** Sentences stored per article: the 5,000,000-character body limit of ordinary prose (~110 characters a sentence) is ~45,000. */
export const MAX_SENTENCES = 50_000;
/** Figures stored per article (and so figure suggestions, one per figure). */
export const MAX_FIGURES = 20_000;
/** Contradiction suggestions stored per article: the first 5,000 in text order; beyond that a text is a table, not a story. */
export const MAX_CONTRADICTIONS = 5_000;
/** Suggestions stored per article at most: one per figure plus the contradictions. */
export const MAX_SUGGESTIONS = MAX_FIGURES + MAX_CONTRADICTIONS;

export type StoredSentence = { index: number; start: number; end: number; boilerplate: boolean };
type Full = ReturnType<typeof analyze>;
/** The analysis as stored: sentences without their text (slices of the body), contradictions capped. */
export type CompactAnalysis = {
  language: string;
  direction: Full["direction"];
  sentences: StoredSentence[];
  quantities: Full["quantities"];
  discrepancies: Full["discrepancies"];
};
export type Overrun = { reason: "too_many_sentences" | "too_many_figures" | "too_complex"; limit: number; found?: number };
export type LimitedAnalysis = { ok: true; analysis: CompactAnalysis } | { ok: false; overrun: Overrun };

/** Analyses a body and keeps only what an article may store, or says which limit it passes. */
export function analyzeWithinLimits(body: string, language: string | null | undefined): LimitedAnalysis {
  const a = analyze(body, { language });
  if (a.sentences.length > MAX_SENTENCES) return { ok: false, overrun: { reason: "too_many_sentences", limit: MAX_SENTENCES, found: a.sentences.length } };
  if (a.quantities.length > MAX_FIGURES) return { ok: false, overrun: { reason: "too_many_figures", limit: MAX_FIGURES, found: a.quantities.length } };
  return {
    ok: true,
    analysis: {
      language: a.language,
      direction: a.direction,
      sentences: a.sentences.map((s) => ({ index: s.index, start: s.start, end: s.end, boilerplate: s.boilerplate === true })),
      quantities: a.quantities,
      discrepancies: a.discrepancies.slice(0, MAX_CONTRADICTIONS),
    },
  };
}
