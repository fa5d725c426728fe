/**
 * Agreement between reviewers on *where* the claims are in an article, as precision/recall/F1 over claim spans.
 *
 * Convention: a ratio whose denominator is zero is `null`, never 0 or 1. In particular F1 between two empty
 * sets is null: two reviewers who each marked nothing have not shown agreement on anything, and reporting 1
 * would let claim-free articles inflate an averaged score. When only one side is empty, F1 is 0 (one reviewer
 * saw claims the other did not), and whichever of precision or recall would divide by the empty side is null.
 */
import { byCodeUnit, raterPairs } from "@/lib/review/agreement";

/** Character offsets into the article body, end exclusive. Extra fields (e.g. a whole claim) are ignored. */
export type Span = { start: number; end: number };

export type SpanMatchMode = "exact" | "overlap";

export type SpanScore = {
  /** Share of b's spans matched to a span of a; null when b is empty. */
  precision: number | null;
  /** Share of a's spans matched to a span of b; null when a is empty. */
  recall: number | null;
  /** 2 * matched / (|a| + |b|); null when both are empty. */
  f1: number | null;
  /** Number of one-to-one matched pairs. */
  matched: number;
};

export type PairSpanAgreement = {
  a: string;
  b: string;
  exactF1: number | null;
  overlapF1: number | null;
};

function overlapLength(x: Span, y: Span): number {
  return Math.min(x.end, y.end) - Math.max(x.start, y.start);
}

function exactMatches(a: Span[], b: Span[]): number {
  // Counted as multisets so a span one reviewer entered twice can match at most as many copies as the other has.
  const remaining = new Map<string, number>();
  for (const span of b) {
    const key = `${span.start}:${span.end}`;
    remaining.set(key, (remaining.get(key) ?? 0) + 1);
  }
  let matched = 0;
  for (const span of a) {
    const key = `${span.start}:${span.end}`;
    const left = remaining.get(key) ?? 0;
    if (left > 0) {
      remaining.set(key, left - 1);
      matched += 1;
    }
  }
  return matched;
}

function overlapMatches(a: Span[], b: Span[]): number {
  const candidates: Array<{ i: number; j: number; overlap: number; union: number }> = [];
  a.forEach((x, i) => {
    b.forEach((y, j) => {
      const overlap = overlapLength(x, y);
      // Spans that merely touch ([0,5) and [5,9)) share no character, so they are not the same claim.
      if (overlap > 0) candidates.push({ i, j, overlap, union: Math.max(x.end, y.end) - Math.min(x.start, y.start) });
    });
  });
  // Largest overlap first. On equal overlap the tighter pair (smaller union, i.e. higher Jaccard) goes first:
  // a long span that straddles two short ones then does not steal a partner that only one of them can use.
  // Index order last, so the result never depends on sort stability.
  candidates.sort((p, q) => q.overlap - p.overlap || p.union - q.union || p.i - q.i || p.j - q.j);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  for (const { i, j } of candidates) {
    if (usedA.has(i) || usedB.has(j)) continue;
    usedA.add(i);
    usedB.add(j);
  }
  return usedA.size;
}

/**
 * Scores b's spans against a's, taking a as the reference.
 * "exact": same start and end. "overlap": at least one shared character, matched one-to-one greedily by
 * largest overlap so a single span cannot account for two on the other side. Greedy matching is not always a
 * maximum matching, but it is deterministic and mirrors how an editor would pair claims by eye.
 * Spans are assumed well formed (start < end), as claim creation enforces; an empty span never overlaps anything.
 */
export function spanF1(a: Span[], b: Span[], mode: SpanMatchMode): SpanScore {
  const matched = mode === "exact" ? exactMatches(a, b) : overlapMatches(a, b);
  return {
    precision: b.length === 0 ? null : matched / b.length,
    recall: a.length === 0 ? null : matched / a.length,
    f1: a.length + b.length === 0 ? null : (2 * matched) / (a.length + b.length),
    matched,
  };
}

/**
 * Span F1 for every pair of raters, a < b by UTF-16 code unit, with a as the reference. Every key counts as a
 * rater, including one with no spans: having reviewed the article and marked nothing is itself a judgement.
 */
export function pairwiseSpanAgreement(byRater: Record<string, Span[]>): PairSpanAgreement[] {
  return raterPairs(Object.keys(byRater).sort(byCodeUnit)).map(([a, b]) => ({
    a,
    b,
    exactF1: spanF1(byRater[a], byRater[b], "exact").f1,
    overlapF1: spanF1(byRater[a], byRater[b], "overlap").f1,
  }));
}
