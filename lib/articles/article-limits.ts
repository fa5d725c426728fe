// What one article may hold, checked at import. A long real report (a 300-page UN or World Bank
// report is about 1 MB of text: some 10,000 sentences and 5,000 to 8,000 figures, years
// included) stays far below; an article made to stall the server does not get in.
import { analyze, analyzeWithin } from "../text";
import type { RowCollector } from "./suggestion-rows";

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
  // Counted before the costly steps: a body over a limit is refused for the price of its segmentation.
  const a = analyzeWithin(body, { language }, { sentences: MAX_SENTENCES, figures: MAX_FIGURES });
  if ("over" in a) {
    const reason = a.over === "sentences" ? "too_many_sentences" : "too_many_figures";
    return { ok: false, overrun: { reason, limit: a.over === "sentences" ? MAX_SENTENCES : MAX_FIGURES, found: a.found } };
  }
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

/** What the import keeps of an analysis besides its rows. */
export type AnalysedArticle = { ok: true; language: string; direction: Full["direction"] } | { ok: false; overrun: Overrun };

/** Analyses a body within the limits and adds its rows to `rows` as article `articleId`'s. */
export function analyzeInto(rows: RowCollector, articleId: string, body: string, language: string | null | undefined): AnalysedArticle {
  const limited = analyzeWithinLimits(body, language);
  if (!limited.ok) return limited;
  rows.addArticle(articleId, limited.analysis);
  return { ok: true, language: limited.analysis.language, direction: limited.analysis.direction };
}
