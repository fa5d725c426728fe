import "@/components/review/review.css";

export type SentenceContext = { before: string; text: string; after: string; whole: boolean };

type Sentence = { index: number; start: number; end: number };

/**
 * The sentence (or run of sentences) a claim sits in, cut around the claim. Offsets are string
 * indices into the body; a claim with no known sentence falls back to its stored quote.
 */
export function sentenceContext(
  body: string,
  sentences: Sentence[],
  claim: { start: number; end: number; text: string; sentenceIndexes: number[]; quote: { prefix: string; suffix: string } },
): SentenceContext {
  const own = sentences.filter((s) => claim.sentenceIndexes.includes(s.index));
  const inBody = claim.end <= body.length && body.slice(claim.start, claim.end) === claim.text;
  if (own.length === 0 || !inBody) return { before: claim.quote.prefix, text: claim.text, after: claim.quote.suffix, whole: false };
  const start = Math.min(claim.start, ...own.map((s) => s.start));
  const end = Math.max(claim.end, ...own.map((s) => s.end));
  return { before: body.slice(start, claim.start), text: claim.text, after: body.slice(claim.end, end), whole: true };
}

/** The sentence as text, the claim in it marked. Nothing here is parsed as HTML. */
export function ClaimInSentence({ context, dir, label }: { context: SentenceContext; dir: "rtl" | "ltr"; label: string }) {
  return (
    <p className="in-sentence quote" dir={dir} data-testid="claim-in-sentence">
      {!context.whole && <span className="muted" aria-hidden="true">…</span>}
      {context.before}
      <mark><span className="visually-hidden">{label}: </span><bdi>{context.text}</bdi></mark>
      {context.after}
      {!context.whole && <span className="muted" aria-hidden="true">…</span>}
    </p>
  );
}
