"use client";

import { useEffect } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";

/**
 * Keeps a form's unsent values in localStorage under `key`, so a reload (or a crash) does not
 * lose a rationale half written. Cleared when the form is sent.
 */
export function useDraft<T extends FieldValues>(key: string | null, form: UseFormReturn<T>) {
  useEffect(() => {
    if (!key) return;
    const saved = window.localStorage.getItem(key);
    if (saved) {
      try {
        form.reset({ ...form.getValues(), ...JSON.parse(saved) });
      } catch {
        window.localStorage.removeItem(key);
      }
    }
    const sub = form.watch((values) => window.localStorage.setItem(key, JSON.stringify(values)));
    return () => sub.unsubscribe();
    // The form object is stable for the component's life; re-run only when the key changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return () => {
    if (key) window.localStorage.removeItem(key);
  };
}
