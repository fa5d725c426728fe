"use client";

import { useCallback, useState } from "react";

export type Undo = { label: string; run: () => Promise<void> };

/** The workspace's undo stack: the last action taken is the first undone. */
export function useUndo() {
  const [stack, setStack] = useState<Undo[]>([]);
  const push = useCallback((undo: Undo) => setStack((s) => [...s, undo]), []);
  /** Takes the last undo off the stack (null when there is none); the caller runs it. */
  const pop = useCallback((): Undo | null => {
    const last = stack.at(-1) ?? null;
    if (last) setStack((s) => s.slice(0, -1));
    return last;
  }, [stack]);
  return { canUndo: stack.length > 0, push, pop };
}
