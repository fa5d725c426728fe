// A search box's query, read the way people type it: words, "quoted phrases", and -words to
// exclude. The parts are plain strings; PostgreSQL turns each into lexemes (sanad_search_query),
// so tsquery operators typed by the user are only ever text.

export const MAX_QUERY_LENGTH = 500;
export const MAX_QUERY_PARTS = 32;

export type ParsedQuery = { words: string[]; phrases: string[]; excluded: string[] };

// A token: optional minus, then a quoted phrase (closing quote optional) or a run of non-space.
const TOKEN = /(-?)(?:["“”«»]([^"“”«»]*)["“”«»]?|([^\s"“”«»]+))/g;

export function parseQuery(q: string): ParsedQuery {
  const out: ParsedQuery = { words: [], phrases: [], excluded: [] };
  for (const m of q.matchAll(TOKEN)) {
    const minus = m[1] === "-";
    const phrase = m[2];
    const word = m[3];
    if (phrase !== undefined) {
      const p = phrase.trim();
      if (p === "") continue;
      if (minus) out.excluded.push(p);
      else out.phrases.push(p);
    } else if (word !== undefined) {
      // A word of only minus signs or punctuation still goes to PostgreSQL, which finds no
      // lexeme in it; "-" alone is not an exclusion.
      if (minus && word !== "") out.excluded.push(word);
      else out.words.push(word);
    } else if (minus) {
      out.words.push("-");
    }
  }
  return out;
}

export function partCount(p: ParsedQuery): number {
  return p.words.length + p.phrases.length + p.excluded.length;
}
