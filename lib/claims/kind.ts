// The kind a new claim gets when none is chosen: a span holding a whole figure is a figure,
// anything else a statement. Pure and client-safe: the server (insertClaim) and the workspace's
// flag form (its preselected kind) use the same rule.
type Range = { start: number; end: number };

export function defaultClaimKind(holdsFigure: boolean): "figure" | "statement" {
  return holdsFigure ? "figure" : "statement";
}

/** Does the span hold one of these figures whole? */
export function holdsFigure(figures: Iterable<Range>, span: Range): boolean {
  for (const q of figures) if (q.start >= span.start && q.end <= span.end) return true;
  return false;
}
