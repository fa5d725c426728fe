"use client";

import { memo } from "react";
import type { Span, WorkspaceArticle, WorkspaceClaim } from "@/components/workspace/types";

type Mark = Span & { type: "quantity" | "claim" | "selection"; id?: string };

type Segment = { start: number; end: number; quantity: boolean; claims: string[]; selection: boolean };

/** Cuts a sentence at every mark boundary, so overlapping claims show as layered highlights. */
export function segmentsOf(sentence: Span, marks: Mark[]): Segment[] {
  const cuts = new Set([sentence.start, sentence.end]);
  const inside = marks.filter((m) => m.start < sentence.end && m.end > sentence.start);
  for (const m of inside) {
    cuts.add(Math.max(m.start, sentence.start));
    cuts.add(Math.min(m.end, sentence.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [start, end] = [points[i], points[i + 1]];
    const covering = inside.filter((m) => m.start <= start && m.end >= end);
    out.push({
      start,
      end,
      quantity: covering.some((m) => m.type === "quantity"),
      claims: covering.filter((m) => m.type === "claim").map((m) => m.id!),
      selection: covering.some((m) => m.type === "selection"),
    });
  }
  return out;
}

type SentenceProps = {
  body: string;
  sentence: WorkspaceArticle["sentences"][number];
  marks: Mark[];
  selectedClaimId: string | null;
  focused: boolean;
  onFocusSentence: (index: number) => void;
  onSelectClaim: (id: string) => void;
  label: string;
};

const SentenceRow = memo(function SentenceRow({ body, sentence, marks, selectedClaimId, focused, onFocusSentence, onSelectClaim, label }: SentenceProps) {
  // The last sentence loaded may go on past the loaded text: it shows as far as that goes.
  const segments = segmentsOf({ start: sentence.start, end: Math.min(sentence.end, body.length) }, marks);
  return (
    <div
      className={`sentence${sentence.boilerplate ? " boilerplate" : ""}${focused ? " focused" : ""}`}
      data-sentence={sentence.index}
      id={`sentence-${sentence.index}`}
      tabIndex={focused ? 0 : -1}
      role="listitem"
      aria-label={label}
      onFocus={() => onFocusSentence(sentence.index)}
    >
      <span className="num" aria-hidden="true">{sentence.index + 1}</span>
      <span className="text">
        {segments.map((s) => {
          const classes = [
            s.quantity ? "figure" : "",
            s.claims.length ? `claim depth-${Math.min(s.claims.length, 3)}` : "",
            selectedClaimId && s.claims.includes(selectedClaimId) ? "selected" : "",
            s.selection ? "pending" : "",
          ].filter(Boolean);
          return (
            <span
              key={s.start}
              data-start={s.start}
              className={classes.join(" ") || undefined}
              data-claims={s.claims.length ? s.claims.join(" ") : undefined}
              onClick={s.claims.length ? () => onSelectClaim(s.claims.includes(selectedClaimId ?? "") ? s.claims[(s.claims.indexOf(selectedClaimId!) + 1) % s.claims.length] : s.claims[0]) : undefined}
            >
              {body.slice(s.start, s.end)}
            </span>
          );
        })}
      </span>
    </div>
  );
});

export function ArticleText({
  article,
  claims,
  selection,
  selectedClaimId,
  focusedSentence,
  onFocusSentence,
  onSelectClaim,
  sentenceLabel,
}: {
  /** The article as far as it is loaded: `body` is its text from the start to there. */
  article: { body: string; sentences: WorkspaceArticle["sentences"]; quantities: WorkspaceArticle["quantities"]; direction: string; language: string };
  claims: WorkspaceClaim[];
  selection: Span | null;
  selectedClaimId: string | null;
  focusedSentence: number;
  onFocusSentence: (index: number) => void;
  onSelectClaim: (id: string) => void;
  sentenceLabel: (n: number) => string;
}) {
  const marks: Mark[] = [
    ...article.quantities.map((q) => ({ start: q.start, end: q.end, type: "quantity" as const })),
    ...claims.map((c) => ({ start: c.start, end: c.end, type: "claim" as const, id: c.id })),
    ...(selection ? [{ ...selection, type: "selection" as const }] : []),
  ];
  // Marks are handed to each sentence only where they touch it, so unchanged rows skip rendering.
  const bySentence = new Map<number, Mark[]>();
  let m = 0;
  const sorted = [...marks].sort((a, b) => a.start - b.start);
  for (const s of article.sentences) {
    const list: Mark[] = [];
    while (m < sorted.length && sorted[m].end <= s.start) m++;
    for (let k = m; k < sorted.length && sorted[k].start < s.end; k++) if (sorted[k].end > s.start) list.push(sorted[k]);
    bySentence.set(s.index, list);
  }
  return (
    <div className="article-body" dir={article.direction} lang={article.language} role="list" id="article-text">
      {article.sentences.map((s) => (
        <SentenceRow
          key={s.index}
          body={article.body}
          sentence={s}
          marks={bySentence.get(s.index)!}
          selectedClaimId={(bySentence.get(s.index) ?? []).some((x) => x.id === selectedClaimId) ? selectedClaimId : null}
          focused={s.index === focusedSentence}
          onFocusSentence={onFocusSentence}
          onSelectClaim={onSelectClaim}
          label={sentenceLabel(s.index + 1)}
        />
      ))}
    </div>
  );
}

/** The article offsets of the browser's current selection inside the article text, if any. */
export function selectionOffsets(root: HTMLElement): Span | null {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  const offsetOf = (node: Node, offset: number, edge: "start" | "end"): number | null => {
    let el: Node | null = node;
    while (el && !(el instanceof HTMLElement && el.dataset.start !== undefined)) {
      if (el === root) break;
      el = el.parentNode;
    }
    if (el instanceof HTMLElement && el.dataset.start !== undefined) {
      return Number(el.dataset.start) + (node.nodeType === Node.TEXT_NODE ? offset : 0);
    }
    // The range edge sits on a row or the number column: snap to the nearest sentence text.
    const container = node instanceof HTMLElement ? node : node.parentElement;
    const row = container?.closest("[data-sentence]");
    if (!row) return null;
    const spans = row.querySelectorAll<HTMLElement>("[data-start]");
    if (spans.length === 0) return null;
    if (edge === "start") return Number(spans[0].dataset.start);
    const last = spans[spans.length - 1];
    return Number(last.dataset.start) + (last.textContent?.length ?? 0);
  };
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  const start = offsetOf(range.startContainer, range.startOffset, "start");
  const end = offsetOf(range.endContainer, range.endOffset, "end");
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}
