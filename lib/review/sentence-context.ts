export type SentenceContext = { before: string; text: string; after: string; whole: boolean };

type Sentence = { index: number; start: number; end: number };
export type QuotedClaim = { start: number; end: number; text: string; sentenceIndexes: number[]; quote: { prefix: string; suffix: string } };

/**
 * The sentence (or run of sentences) a claim sits in, cut around the claim. Offsets are string
 * indices into the body; a claim with no known sentence falls back to its stored quote.
 */
export function sentenceContext(body: string, sentences: Sentence[], claim: QuotedClaim): SentenceContext {
  const own = sentences.filter((s) => claim.sentenceIndexes.includes(s.index));
  const inBody = claim.end <= body.length && body.slice(claim.start, claim.end) === claim.text;
  if (own.length === 0 || !inBody) return { before: claim.quote.prefix, text: claim.text, after: claim.quote.suffix, whole: false };
  const start = Math.min(claim.start, ...own.map((s) => s.start));
  const end = Math.max(claim.end, ...own.map((s) => s.end));
  return { before: body.slice(start, claim.start), text: claim.text, after: body.slice(claim.end, end), whole: true };
}
