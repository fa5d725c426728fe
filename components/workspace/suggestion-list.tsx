"use client";

import { useTranslations } from "next-intl";
import { Bidi } from "@/components/ui/bidi";
import { CheckedBefore } from "@/components/search/checked-before";
import { DiscrepancyReason } from "@/components/workspace/figure-ledger";
import { isDiscrepancy } from "@/components/workspace/discrepancy-text";
import { keyOf } from "@/components/workspace/keys";
import type { WorkspaceArticle, WorkspaceSuggestion } from "@/components/workspace/types";

type Quantity = WorkspaceArticle["quantities"][number];
type Sentence = WorkspaceArticle["sentences"][number];

const SNIPPET = 36;

/** Up to SNIPPET characters either side of the span, within its sentence, with the span marked. */
function snippet(text: string, sentence: Sentence | undefined, s: { start: number; end: number }) {
  const from = Math.max(sentence?.start ?? 0, s.start - SNIPPET);
  const to = Math.min(sentence?.end ?? text.length, s.end + SNIPPET, text.length);
  return { before: (from > (sentence?.start ?? 0) ? "…" : "") + text.slice(from, s.start), figure: text.slice(s.start, s.end), after: text.slice(s.end, to) + (to < (sentence?.end ?? to) ? "…" : "") };
}

/**
 * The article's suggestions: conflicts pinned first, then the plain figures (grouped, closed until
 * asked for), then those dismissed, each with its undo. Every suggestion names its sentence and
 * shows a snippet; a click on it goes to the figure in the article.
 */
export function SuggestionList({ text, sentences, quantities, suggestions, direction, focusedSuggestionId, onJump, onAccept, onDismiss, onRestore }: {
  text: string;
  sentences: Sentence[];
  quantities: Map<number, Quantity>;
  suggestions: WorkspaceSuggestion[];
  direction: "rtl" | "ltr";
  /** The suggestion `a`/`d` would act on now. */
  focusedSuggestionId: string | null;
  onJump: (place: { start: number; sentence: number }) => void;
  onAccept: (id: string) => void;
  onDismiss: (id: string) => void;
  onRestore: (id: string) => void;
}) {
  const t = useTranslations("workspace");
  const sentenceAt = (offset: number) => sentences.find((s) => s.start <= offset && s.end > offset);
  const sentenceNumber = (offset: number) => {
    const s = sentenceAt(offset);
    return s ? s.index + 1 : null;
  };
  const pending = suggestions.filter((s) => s.state === "pending");
  const conflicts = pending.filter((s) => s.type === "contradiction");
  const figures = pending.filter((s) => s.type !== "contradiction");
  const dismissed = suggestions.filter((s) => s.state === "dismissed");
  const quantityText = (i: number | null | undefined) => (i === null || i === undefined ? "" : quantities.get(i)?.text ?? "");
  const figureAt = (i: number | null | undefined) => (i === null || i === undefined ? undefined : quantities.get(i));

  const actions = (s: WorkspaceSuggestion) => (
    <div className="row">
      <button type="button" onClick={() => onAccept(s.id)} aria-keyshortcuts={s.id === focusedSuggestionId ? keyOf("accept") : undefined}>{t("suggestions.accept")}</button>
      <button type="button" className="secondary" onClick={() => onDismiss(s.id)} aria-keyshortcuts={s.id === focusedSuggestionId ? keyOf("dismiss") : undefined}>{t("suggestions.dismiss")}</button>
    </div>
  );

  const where = (offset: number) => {
    const n = sentenceNumber(offset);
    return n === null ? null : <span className="muted small">{t("sentence", { n })}</span>;
  };

  return (
    <section aria-labelledby="suggestions-title" className="suggestions-section">
      <h2 id="suggestions-title">{t("suggestions.title")} ({pending.length})</h2>
      {pending.length === 0 && <p className="muted">{t("suggestions.none")}</p>}

      {conflicts.length > 0 && (
        <ul className="plain suggestions" aria-label={t("suggestions.conflicts")}>
          {conflicts.map((s) => {
            const a = figureAt(s.quantity);
            const b = figureAt(s.otherQuantity);
            return (
              <li key={s.id} className={`suggestion suggestion-contradiction${s.id === focusedSuggestionId ? " focused" : ""}`} data-testid="suggestion-contradiction" data-suggestion={s.id}>
                <strong>{t("suggestions.contradiction")}</strong>{" "}
                <span className="muted small">{t("suggestions.sentences", { a: (a?.sentence ?? 0) + 1, b: (b?.sentence ?? 0) + 1 })}</span>
                <p dir={direction}>
                  <button type="button" className="link" onClick={() => a && onJump({ start: a.start, sentence: a.sentence })}><Bidi>{quantityText(s.quantity)}</Bidi></button>
                  {" ⟷ "}
                  <button type="button" className="link" onClick={() => b && onJump({ start: b.start, sentence: b.sentence })}><Bidi>{quantityText(s.otherQuantity)}</Bidi></button>
                </p>
                <DiscrepancyReason detail={isDiscrepancy(s.detail) ? s.detail : null} reason={s.reason} figure={(i) => quantities.get(i)?.text} />
                {actions(s)}
              </li>
            );
          })}
        </ul>
      )}

      {figures.length > 0 && (
        <details className="suggestion-group" data-testid="figure-suggestions">
          <summary>{t("suggestions.figures", { count: figures.length })}</summary>
          <ul className="plain suggestions">
            {figures.map((s) => {
              const sn = snippet(text, sentenceAt(s.start), s);
              return (
                <li key={s.id} className={`suggestion suggestion-${s.type}${s.id === focusedSuggestionId ? " focused" : ""}`} data-testid={`suggestion-${s.type}`} data-suggestion={s.id}>
                  {where(s.start)}
                  <p dir={direction} className="snippet">
                    <button type="button" className="link plain-link" onClick={() => onJump({ start: s.start, sentence: sentenceAt(s.start)?.index ?? 0 })} aria-label={t("suggestions.jump", { value: sn.figure, n: sentenceNumber(s.start) ?? 1 })}>
                      <bdi>{sn.before}<mark>{sn.figure}</mark>{sn.after}</bdi>
                    </button>
                  </p>
                  {actions(s)}
                  {s.id === focusedSuggestionId && <CheckedBefore suggestionId={s.id} canLink={false} />}
                </li>
              );
            })}
          </ul>
        </details>
      )}

      {dismissed.length > 0 && (
        <details className="suggestion-group" data-testid="dismissed-suggestions">
          <summary>{t("suggestions.dismissedList", { count: dismissed.length })}</summary>
          <ul className="plain suggestions">
            {dismissed.map((s) => (
              <li key={s.id} className="suggestion dismissed" data-testid="dismissed-suggestion" data-suggestion={s.id}>
                {where(s.start)}{" "}
                <bdi dir={direction}>{s.type === "contradiction" ? `${quantityText(s.quantity)} ⟷ ${quantityText(s.otherQuantity)}` : s.text}</bdi>{" "}
                <button type="button" className="secondary" onClick={() => onRestore(s.id)}>{t("suggestions.restore")}</button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
