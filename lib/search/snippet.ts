// ts_headline marks matches with two private-use characters (never HTML, which a body may
// hold as text); the API answers the snippet as parts, so no client has to parse markup.
export const HIT_START = "\uE000";
export const HIT_END = "\uE001";
export const HEADLINE_OPTIONS = `StartSel=${HIT_START}, StopSel=${HIT_END}, MaxWords=35, MinWords=12, ShortWord=1, MaxFragments=2, FragmentDelimiter=" … "`;

export type SnippetPart = { text: string; hit: boolean };

export function snippetParts(headline: string | null): SnippetPart[] {
  if (!headline) return [];
  const parts: SnippetPart[] = [];
  let rest = headline;
  while (rest.length > 0) {
    const open = rest.indexOf(HIT_START);
    if (open < 0) {
      parts.push({ text: rest, hit: false });
      break;
    }
    if (open > 0) parts.push({ text: rest.slice(0, open), hit: false });
    const close = rest.indexOf(HIT_END, open + 1);
    const end = close < 0 ? rest.length : close;
    const hit = rest.slice(open + 1, end);
    if (hit) parts.push({ text: hit, hit: true });
    rest = close < 0 ? "" : rest.slice(close + 1);
  }
  // A stray marker from the text itself never reaches the reader.
  return parts.map((p) => ({ ...p, text: p.text.replaceAll(HIT_START, "").replaceAll(HIT_END, "") })).filter((p) => p.text !== "");
}
