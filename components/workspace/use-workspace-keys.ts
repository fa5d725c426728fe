"use client";

import { useEffect, useRef } from "react";
import { actionFor, type KeyAction } from "@/components/workspace/keys";

const TEXT_FIELD = "input, textarea, select, [contenteditable=true]";

/**
 * The workspace's keys (the table in keys.ts), on the whole page: not while a dialog is open or
 * a text field has focus, where Escape instead leaves the field for the focused sentence.
 */
export function useWorkspaceKeys(actions: Record<KeyAction, () => void>, focusedSentence: number) {
  // The latest actions, read at the key press: the listener itself is added once.
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (target.closest("[role=dialog]")) return;
      if (target.closest(TEXT_FIELD)) {
        if (e.key === "Escape") {
          e.preventDefault();
          target.blur();
          document.getElementById(`sentence-${focusedSentence}`)?.focus({ preventScroll: true });
        }
        return;
      }
      const action = actionFor(e);
      if (action) {
        e.preventDefault();
        latest.current[action]();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [focusedSentence]);
}
