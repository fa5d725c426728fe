// `@name` mentions: a member is mentioned when "@" is followed by their name (as shown) or the
// part of their email before "@", ending at a non-letter. Pure: the browser's autocomplete and
// the server share it.
export type Mentionable = { id: string; name: string; email?: string };

const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}_.-]/u.test(ch);

export function findMentions(body: string, members: Mentionable[]): string[] {
  const lower = body.toLocaleLowerCase();
  const found = new Set<string>();
  for (const m of members) {
    const handles = [m.name, m.email?.split("@")[0]].filter((h): h is string => !!h && h.trim().length > 0);
    for (const handle of handles) {
      const needle = "@" + handle.toLocaleLowerCase();
      for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + 1)) {
        if (!isWordChar(lower[at + needle.length]) && !isWordChar(lower[at - 1])) found.add(m.id);
      }
    }
  }
  return [...found];
}

/** The text after the last "@" before the caret, when the caret is in a mention being typed. */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf("@");
  if (at === -1 || isWordChar(before[at - 1])) return null;
  const query = before.slice(at + 1);
  if (query.length > 40 || /[\n@]/.test(query) || /\s\s/.test(query)) return null;
  return { start: at, query };
}

/** Splits text into plain parts and http(s) links, for rendering links as anchors and the rest as text. */
export function linkify(text: string): { text: string; href?: string }[] {
  const parts: { text: string; href?: string }[] = [];
  const re = /https?:\/\/[^\s<>"'()\u200e\u200f\u202a-\u202e\u2066-\u2069]+/giu;
  let last = 0;
  for (const m of text.matchAll(re)) {
    const url = m[0].replace(/[.,;:!?،؛]+$/u, "");
    const start = m.index!;
    if (!URL.canParse(url)) continue;
    if (start > last) parts.push({ text: text.slice(last, start) });
    parts.push({ text: url, href: url });
    last = start + url.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
