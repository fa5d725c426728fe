// Lexicon entries are written as they appear in text and folded (see normalize.ts) when
// the module loads, so lookups never depend on harakat, hamza forms or ta marbuta.
import { fold } from "../normalize";

export function foldedSet(words: readonly string[]): Set<string> {
  return new Set(words.map(fold));
}

export function foldedMap<T>(entries: Record<string, T>): Map<string, T> {
  const m = new Map<string, T>();
  for (const [k, v] of Object.entries(entries)) m.set(fold(k), v);
  return m;
}
