"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState, type KeyboardEvent } from "react";
import { moveEdge, sentencesSpan, type Edge, type Span } from "@/components/workspace/span";

/**
 * The selected claim's span, adjustable word by word (buttons, or Shift+arrows while it has focus:
 * Shift+arrow moves the end, Shift+Alt+arrow the start; the arrow pointing along the reading
 * direction grows the span). "Whole sentence" widens a figure to its statement.
 * The draft shows in the article as it changes; nothing is saved until "Save span".
 */
export function SpanEditor({ text, sentences, span, direction, locked, onDraft, onSave }: {
  text: string;
  sentences: Span[];
  span: Span;
  direction: "rtl" | "ltr";
  /** Why the span cannot change now (verified or retracted), or null. */
  locked: string | null;
  onDraft: (span: Span | null) => void;
  onSave: (span: Span, widened: boolean) => Promise<void>;
}) {
  const t = useTranslations("workspace");
  const [draft, setDraft] = useState<Span>(span);
  const [widened, setWidened] = useState(false);
  const [saving, setSaving] = useState(false);
  const changed = draft.start !== span.start || draft.end !== span.end;
  // Only as far as the article is loaded: a span past it is left as it is.
  const editable = !locked && span.end <= text.length;

  useEffect(() => {
    setDraft(span);
    setWidened(false);
  }, [span]);
  useEffect(() => {
    onDraft(changed ? draft : null);
  }, [changed, draft, onDraft]);
  useEffect(() => () => onDraft(null), [onDraft]);

  const move = (edge: Edge, grow: boolean) => setDraft((d) => moveEdge(text, d, edge, grow));
  const widen = () => {
    const whole = sentencesSpan(text, sentences, draft);
    if (whole) {
      setDraft(whole);
      setWidened(true);
    }
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (!editable || !e.shiftKey || (e.key !== "ArrowLeft" && e.key !== "ArrowRight")) return;
    e.preventDefault();
    e.stopPropagation();
    // Along the reading direction: right in English, left in Arabic.
    const forward = (e.key === "ArrowRight") === (direction === "ltr");
    if (e.altKey) move("start", !forward);
    else move("end", forward);
  };
  const save = async () => {
    setSaving(true);
    try {
      await onSave(draft, widened);
    } catch {
      // The reader was told; the draft stays to try again.
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="span-editor" role="group" aria-label={t("span.title")} tabIndex={editable ? 0 : -1} onKeyDown={onKeyDown} data-testid="span-editor" aria-describedby="span-help">
      <p className="quote" dir={direction}><bdi data-testid="span-draft">{text.slice(draft.start, draft.end)}</bdi></p>
      {editable ? (
        <>
          <p id="span-help" className="muted small">{t("span.help")}</p>
          <div className="row wrap">
            <button type="button" className="secondary" onClick={() => move("start", true)}>{t("span.growStart")}</button>
            <button type="button" className="secondary" onClick={() => move("start", false)}>{t("span.shrinkStart")}</button>
            <button type="button" className="secondary" onClick={() => move("end", false)}>{t("span.shrinkEnd")}</button>
            <button type="button" className="secondary" onClick={() => move("end", true)}>{t("span.growEnd")}</button>
            <button type="button" className="secondary" onClick={widen} data-testid="span-widen">{t("span.widen")}</button>
          </div>
          <div className="row">
            <button type="button" onClick={() => void save()} disabled={!changed || saving} data-testid="span-save">{t("span.save")}</button>
            <button type="button" className="secondary" onClick={() => { setDraft(span); setWidened(false); }} disabled={!changed || saving}>{t("span.reset")}</button>
          </div>
        </>
      ) : (
        <p id="span-help" className="muted small">{locked ?? t("span.notLoaded")}</p>
      )}
    </div>
  );
}
