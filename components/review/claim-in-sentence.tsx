import type { SentenceContext } from "@/lib/review/sentence-context";
import "@/components/review/review.css";

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
