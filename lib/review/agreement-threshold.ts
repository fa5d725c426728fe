/**
 * Below this many compared claims (claims rated by at least two reviewers; for a pair, claims both
 * rated) an agreement figure says more about chance than about the desk: the dashboard shows the
 * count and leaves the figure out. Stated in the dashboard and the README.
 */
export const MIN_COMPARED_CLAIMS = 10;

/** The figure when there are enough compared claims, otherwise null (shown as "not enough yet"). */
export function figureIfEnough(value: number | null, compared: number): number | null {
  return compared >= MIN_COMPARED_CLAIMS ? value : null;
}
