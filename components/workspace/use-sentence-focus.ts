"use client";

import { useCallback, useEffect, useRef, useState } from "react";

/**
 * Where the reader is in the article: the focused sentence (keyboard), loading pages on as far
 * as a sentence asked for, a figure jumped to (scrolled to and marked), and the next page loaded
 * as the reader nears the end of what is loaded (`moreRef` marks that end).
 */
export function useSentenceFocus({ total, loaded, next, loadMore, fail }: {
  total: number;
  loaded: number;
  next: number | null;
  loadMore: () => Promise<void>;
  fail: (e: unknown) => void;
}) {
  const [focusedSentence, setFocusedSentence] = useState(0);
  const [wantSentence, setWantSentence] = useState<number | null>(null);
  const [jump, setJump] = useState<{ sentence: number; start: number } | null>(null);
  const moreRef = useRef<HTMLDivElement>(null);

  const focusSentence = useCallback((index: number) => {
    const clamped = Math.max(0, Math.min(total - 1, index));
    // Past the loaded text: load on, and focus it when it is there.
    if (clamped >= loaded && next !== null) {
      setWantSentence(clamped);
      void loadMore().catch(fail);
      return;
    }
    const target = Math.min(clamped, loaded - 1);
    setFocusedSentence(target);
    document.getElementById(`sentence-${target}`)?.focus();
  }, [total, fail, loadMore, next, loaded]);

  useEffect(() => {
    if (wantSentence === null) return;
    if (wantSentence < loaded || next === null) {
      setWantSentence(null);
      focusSentence(wantSentence);
    } else {
      void loadMore().catch(fail);
    }
  }, [fail, focusSentence, loadMore, next, loaded, wantSentence]);

  // More of the article as the reader nears the end of what is loaded.
  useEffect(() => {
    const sentinel = moreRef.current;
    if (!sentinel || next === null) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) void loadMore().catch(fail);
    }, { rootMargin: "1200px 0px" });
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [fail, loadMore, next]);

  // A figure chosen (ledger, suggestion): its sentence is focused (loading pages up to it), then
  // the figure itself is scrolled to and marked.
  const jumpTo = useCallback((place: { sentence: number; start: number }) => {
    setJump(place);
    focusSentence(place.sentence);
  }, [focusSentence]);
  useEffect(() => {
    if (!jump) return;
    const row = document.getElementById(`sentence-${jump.sentence}`);
    if (!row) return;
    const spans = [...row.querySelectorAll<HTMLElement>("[data-start]")];
    const span = spans.find((e) => Number(e.dataset.start) === jump.start) ?? spans.filter((e) => Number(e.dataset.start) <= jump.start).at(-1) ?? row;
    document.querySelectorAll(".jumped").forEach((e) => e.classList.remove("jumped"));
    span.classList.add("jumped");
    span.scrollIntoView({ block: "center" });
    setJump(null);
  }, [jump, loaded]);

  /** After a form is sent, focus goes back to the claim in the article (its first sentence). */
  const focusClaim = useCallback((claim: { sentenceIndexes: number[] }) => {
    const sentence = claim.sentenceIndexes[0];
    if (sentence === undefined) return;
    setFocusedSentence(sentence);
    document.getElementById(`sentence-${sentence}`)?.focus({ preventScroll: true });
  }, []);

  return { focusedSentence, setFocusedSentence, focusSentence, jumpTo, focusClaim, moreRef };
}
