"use client";

import { useCallback, useEffect, useState } from "react";
import { useDraftStorage } from "@/components/client/use-draft";
import { snapToWords, type Span } from "@/components/workspace/span";

/**
 * The span being flagged (the flag form is open while there is one), snapped to whole words.
 * It is kept as the signed-in person's draft, so a flag form left open comes back after a reload.
 */
export function useFlagSpan(articleId: string, text: string) {
  const drafts = useDraftStorage();
  const flagDraftKey = `flag:${articleId}`;
  const spanKey = `${flagDraftKey}:span`;
  const [pending, setPending] = useState<Span | null>(null);

  useEffect(() => {
    const saved = drafts.get(spanKey);
    if (!saved) return;
    try {
      setPending(JSON.parse(saved));
    } catch {
      drafts.remove(spanKey);
    }
  }, [drafts, spanKey]);

  /** Opens the flag form on the span (whole words); false when it holds no word. */
  const openFlag = useCallback((span: Span) => {
    const snapped = snapToWords(text, span);
    if (!snapped) return false;
    setPending(snapped);
    drafts.set(spanKey, JSON.stringify(snapped));
    return true;
  }, [drafts, spanKey, text]);

  const closeFlag = useCallback(() => {
    setPending(null);
    drafts.remove(spanKey);
  }, [drafts, spanKey]);

  return { pending, flagDraftKey, openFlag, closeFlag };
}
