"use client";

import { createContext, createElement, useContext, useEffect, useMemo, type ReactNode } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";

/**
 * Unsent drafts live in this browser's localStorage, one key per person and form:
 * `sanad:draft:<userId>:<form>`. A browser is shared at a desk, so a draft belongs to whoever
 * wrote it: no one else signed in on the same browser sees it, and signing out wipes them all.
 */
const PREFIX = "sanad:draft:";
const DraftOwner = createContext<string | null>(null);

function keysOf(storage: Storage, keep: (key: string) => boolean) {
  const found: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(PREFIX) && !keep(key)) found.push(key);
  }
  return found;
}

/** Wipes every draft in this browser (sign-out). */
export function clearAllDrafts() {
  for (const key of keysOf(window.localStorage, () => false)) window.localStorage.removeItem(key);
}

/**
 * Wraps the signed-in pages. On mount it wipes drafts that are not this person's: left by someone
 * whose session ended without a sign-out, or by versions of Sanad that kept drafts per form only.
 */
export function DraftOwnerProvider({ userId, children }: { userId: string; children: ReactNode }) {
  useEffect(() => {
    const mine = `${PREFIX}${userId}:`;
    for (const key of keysOf(window.localStorage, (k) => k.startsWith(mine))) window.localStorage.removeItem(key);
  }, [userId]);
  return createElement(DraftOwner.Provider, { value: userId }, children);
}

/** Get, set and remove the signed-in person's drafts by form name; without a person, nothing is kept. */
export function useDraftStorage() {
  const userId = useContext(DraftOwner);
  return useMemo(() => {
    const full = (name: string) => (userId ? `${PREFIX}${userId}:${name}` : null);
    return {
      get: (name: string) => {
        const key = full(name);
        return key ? window.localStorage.getItem(key) : null;
      },
      set: (name: string, value: string) => {
        const key = full(name);
        if (key) window.localStorage.setItem(key, value);
      },
      remove: (name: string) => {
        const key = full(name);
        if (key) window.localStorage.removeItem(key);
      },
    };
  }, [userId]);
}

/**
 * Keeps a form's unsent values as the signed-in person's draft `name` (e.g. `verdict:<claimId>`),
 * so a reload (or a crash) does not lose a rationale half written. Cleared when the form is sent.
 */
export function useDraft<T extends FieldValues>(name: string | null, form: UseFormReturn<T>) {
  const drafts = useDraftStorage();
  useEffect(() => {
    if (!name) return;
    const saved = drafts.get(name);
    if (saved) {
      try {
        form.reset({ ...form.getValues(), ...JSON.parse(saved) });
      } catch {
        drafts.remove(name);
      }
    }
    const sub = form.watch((values) => drafts.set(name, JSON.stringify(values)));
    return () => sub.unsubscribe();
    // The form object is stable for the component's life; re-run only when the draft's owner or name changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [name, drafts]);
  return () => {
    if (name) drafts.remove(name);
  };
}
