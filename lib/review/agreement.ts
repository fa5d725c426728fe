/**
 * Inter-rater agreement on claim ratings, treated as nominal categories ("1".."5", "unverifiable").
 * The scale is deliberately not treated as ordinal: "unverifiable" has no place on it, and a 2-vs-3 split
 * is reported as a disagreement just like 1-vs-5.
 *
 * Convention shared by every statistic here: `null` means "undefined for this data", never "zero". A statistic
 * is undefined when there is nothing to compare (no item rated twice) or when chance agreement is already
 * perfect (everyone used one and the same category), because the chance-corrected ratio is then 0/0.
 * In that second case percentAgreement still reports 1, so a reader can tell "all agreed on one category"
 * from "no data".
 */

/** One object per item (claim): rater id -> category. A rater who did not rate the item is simply absent. */
export type Ratings = Array<Record<string, string>>;

export type AgreementSummary = {
  raters: number;
  items: number;
  percentAgreement: number | null;
  cohenKappa: number | null;
  krippendorffAlpha: number | null;
};

export type PairAgreement = {
  a: string;
  b: string;
  items: number;
  percentAgreement: number | null;
  cohenKappa: number | null;
};

type Rated = Array<[rater: string, value: string]>;

// Ratings usually arrive from JSON or a database join, where "not rated" can surface as null or an empty
// form value rather than an absent key; counting those as a category would invent agreement.
function ratingsOf(item: Record<string, string>): Rated {
  return Object.entries(item).filter(([, value]) => typeof value === "string" && value !== "");
}

/** Only items rated at least twice carry information about agreement. */
function comparableItems(items: Ratings): Rated[] {
  return items.map(ratingsOf).filter((rated) => rated.length >= 2);
}

function tally(values: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

export function byCodeUnit(x: string, y: string): number {
  // Locale-independent so the same data yields the same pair order on every server.
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Every pair of raters (a, b) with a before b, for raters already sorted by byCodeUnit. */
export function raterPairs(raters: string[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i < raters.length; i++) for (let j = i + 1; j < raters.length; j++) pairs.push([raters[i], raters[j]]);
  return pairs;
}

/**
 * Mean over items (rated at least twice) of the share of ordered rater pairs that agree.
 * With m ratings on an item of which n_c fall in category c, that share is sum_c n_c(n_c - 1) / (m(m - 1)).
 * Each item weighs the same whatever its number of raters, so a heavily reviewed claim does not dominate.
 */
export function percentAgreement(items: Ratings): number | null {
  const comparable = comparableItems(items);
  if (comparable.length === 0) return null;
  let total = 0;
  for (const rated of comparable) {
    const m = rated.length;
    let agreeing = 0;
    for (const n of tally(rated.map(([, value]) => value)).values()) agreeing += n * (n - 1);
    total += agreeing / (m * (m - 1));
  }
  return total / comparable.length;
}

function kappaOfPairs(pairs: Array<[string, string]>): number | null {
  const n = pairs.length;
  if (n === 0) return null;
  let agreeing = 0;
  for (const [x, y] of pairs) if (x === y) agreeing += 1;
  const first = tally(pairs.map(([x]) => x));
  const second = tally(pairs.map(([, y]) => y));
  let chance = 0;
  for (const [category, count] of first) chance += count * (second.get(category) ?? 0);
  // kappa = (po - pe) / (1 - pe), multiplied through by n^2 so the pe = 1 case is an exact integer zero
  // rather than a float that might land a hair below 1 and produce a huge spurious value.
  const denominator = n * n - chance;
  if (denominator === 0) return null;
  return (n * agreeing - chance) / denominator;
}

/**
 * Cohen's kappa, defined only when exactly two raters appear among the items rated at least twice (so every
 * such item is rated by both). Items a third person rated alone do not count and do not block the result,
 * which keeps `cohenKappa !== null` consistent with `agreementSummary(...).raters === 2`.
 *
 * Returns null when more or fewer than two raters are involved, and when both raters used one and the same
 * category on every item: expected agreement is then 1 and kappa is 0/0. We do not report 1 there because
 * kappa would claim the agreement is better than chance, which this data cannot show.
 */
export function cohenKappa(items: Ratings): number | null {
  const comparable = comparableItems(items);
  const raters = [...new Set(comparable.flatMap((rated) => rated.map(([rater]) => rater)))].sort(byCodeUnit);
  if (raters.length !== 2) return null;
  // With only two raters in play, every comparable item holds exactly their two ratings; sorting by rater id
  // lines each item's values up as (first rater, second rater).
  return kappaOfPairs(
    comparable.map((rated) => {
      const [x, y] = [...rated].sort(([r], [s]) => byCodeUnit(r, s));
      return [x[1], y[1]];
    }),
  );
}

/**
 * Krippendorff's alpha for nominal data, any number of raters, missing ratings allowed (Krippendorff 2011,
 * "Computing Krippendorff's Alpha-Reliability", section C).
 *
 * Coincidence matrix: an item with m_u pairable values contributes 1/(m_u - 1) to o_ck for each ordered pair of
 * its values (c, k) taken from different raters. With n_c = sum_k o_ck and n = sum_c n_c,
 *   alpha = 1 - (n - 1) * sum_{c != k} o_ck / sum_{c != k} n_c n_k.
 * sum_{c != k} n_c n_k is computed as n^2 - sum_c n_c^2, which stays an exact integer.
 *
 * Returns null when there are no pairable values, or when only one category was used across all of them:
 * expected disagreement is then 0 and alpha is 0/0. Reporting 1 would claim reliability that data without
 * variation cannot show.
 */
export function krippendorffAlpha(items: Ratings): number | null {
  const comparable = comparableItems(items);
  const totals = new Map<string, number>();
  let n = 0;
  let observed = 0;
  for (const rated of comparable) {
    const m = rated.length;
    const counts = tally(rated.map(([, value]) => value));
    let sameCategoryPairs = 0;
    for (const [category, count] of counts) {
      sameCategoryPairs += count * count;
      totals.set(category, (totals.get(category) ?? 0) + count);
    }
    // Off-diagonal mass of this item: ordered pairs of differing values, m^2 - sum_c n_uc^2, over m - 1.
    observed += (m * m - sameCategoryPairs) / (m - 1);
    n += m;
  }
  let sumSquares = 0;
  for (const count of totals.values()) sumSquares += count * count;
  const expected = n * n - sumSquares;
  if (expected === 0) return null;
  return 1 - ((n - 1) * observed) / expected;
}

/** `items` counts items rated at least twice; `raters` counts the distinct raters among those items. */
export function agreementSummary(items: Ratings): AgreementSummary {
  const comparable = comparableItems(items);
  const raters = new Set(comparable.flatMap((rated) => rated.map(([rater]) => rater)));
  return {
    raters: raters.size,
    items: comparable.length,
    percentAgreement: percentAgreement(items),
    cohenKappa: cohenKappa(items),
    krippendorffAlpha: krippendorffAlpha(items),
  };
}

/**
 * Agreement for every pair of raters who co-rated at least one item, each pair judged only on the items both
 * rated (other raters' ratings on those items are ignored). Pairs come ordered with a < b and sorted by (a, b),
 * comparing by UTF-16 code unit.
 */
export function pairwiseAgreement(items: Ratings): PairAgreement[] {
  const rows = items.map((item) => new Map(ratingsOf(item)));
  const raters = [...new Set(rows.flatMap((row) => [...row.keys()]))].sort(byCodeUnit);
  const result: PairAgreement[] = [];
  for (const [a, b] of raterPairs(raters)) {
    const pairs: Array<[string, string]> = [];
    for (const row of rows) {
      const x = row.get(a);
      const y = row.get(b);
      if (x !== undefined && y !== undefined) pairs.push([x, y]);
    }
    if (pairs.length === 0) continue;
    const agreeing = pairs.filter(([x, y]) => x === y).length;
    result.push({ a, b, items: pairs.length, percentAgreement: agreeing / pairs.length, cohenKappa: kappaOfPairs(pairs) });
  }
  return result;
}
