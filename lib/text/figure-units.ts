// Units written with a figure: a currency before or after it ("$4.2", "USD 40", "Rs 45",
// "مليون دولار أمريكي"), a unit of measure or time after it ("كيلومتر مربع", "km2"), and
// percent signs and words ("%", "في المئة", "percent").
import { isLetter, isSpace } from "./chars";
import { CURRENCY_SYMBOLS, CURRENCY_WORDS, EN_CURRENCY_ADJECTIVES, PERCENT_PHRASES, UNIT_WORDS, type Currency, type UnitEntry } from "./lexicon";
import { nextWord, nextWords, type Word } from "./words";

function matchPhrase(words: readonly Word[], phrase: readonly string[]): boolean {
  if (words.length < phrase.length) return false;
  for (let k = 0; k < phrase.length; k++) if ((words[k]?.f ?? "") !== phrase[k]) return false;
  return true;
}

export function currencyWordAt(text: string, pos: number, limit: number): { currency: Currency; end: number } | null {
  const w = nextWord(text, pos, limit);
  if (w === null) return null;
  const entry = CURRENCY_WORDS.get(w.f);
  if (entry !== undefined) {
    let currency: Currency = entry.code !== undefined ? { unit: entry.unit, code: entry.code } : { unit: entry.unit };
    let end = w.end;
    const adj = nextWord(text, w.end, limit);
    if (adj !== null && entry.adjectives !== undefined) {
      // "سورية", "سوري", "أردنيا" (accusative): the adjective in any of its endings.
      const refined = entry.adjectives[adj.f] ?? entry.adjectives[adj.f.replace(/[هيا]$/, "")] ?? entry.adjectives[adj.f.replace(/ا$/, "")];
      if (refined !== undefined) {
        currency = refined;
        end = adj.end;
      }
    }
    return { currency, end };
  }
  const viaAdjective = EN_CURRENCY_ADJECTIVES.get(w.f);
  if (viaAdjective !== undefined) {
    const cw = nextWord(text, w.end, limit);
    if (cw !== null && CURRENCY_WORDS.has(cw.f)) return { currency: viaAdjective, end: cw.end };
  }
  const code = CURRENCY_SYMBOLS.get(w.raw);
  if (code !== undefined && w.raw.length === 3) return { currency: code, end: w.end };
  return null;
}

export function currencySymbolAfter(text: string, pos: number, limit: number): { currency: Currency; end: number } | null {
  let p = pos;
  if (p < limit && text.charCodeAt(p) === 0x20) p++;
  if (p >= limit) return null;
  const sym = CURRENCY_SYMBOLS.get(text.charAt(p));
  if (sym === undefined) return null;
  return { currency: sym, end: p + 1 };
}

/** "$4.2", "US$ 5", "€3", "USD 40": a currency written before the amount. */
export function currencyBefore(text: string, i: number, floor: number): { currency: Currency; start: number } | null {
  let p = i;
  if (p - 1 >= floor && text.charCodeAt(p - 1) === 0x20) p--;
  if (p - 1 < floor) return null;
  const one = CURRENCY_SYMBOLS.get(text.charAt(p - 1));
  if (one !== undefined) {
    if (text.charAt(p - 1) === "$" && p - 3 >= floor && text.slice(p - 3, p) === "US$") return { currency: one, start: p - 3 };
    return { currency: one, start: p - 1 };
  }
  // "Rs 45 crore", "Rs. 300": rupees.
  for (const abbr of ["Rs.", "Rs", "INR"]) {
    const at = p - abbr.length;
    if (at >= floor && text.startsWith(abbr, at) && (at === floor || !isLetter(text.charCodeAt(at - 1)))) return { currency: { unit: "rupees", code: "INR" }, start: at };
  }
  if (p - 3 >= floor) {
    const code = text.slice(p - 3, p);
    const c = CURRENCY_SYMBOLS.get(code);
    if (c !== undefined && code.length === 3 && (p - 4 < floor || !isLetter(text.charCodeAt(p - 4)))) return { currency: c, start: p - 3 };
  }
  return null;
}

export function unitAfter(text: string, pos: number, limit: number): { entry: UnitEntry; end: number } | null {
  const ws = nextWords(text, pos, limit, 3);
  for (let n = Math.min(3, ws.length); n >= 1; n--) {
    const key = ws.slice(0, n).map((w) => w.f).join(" ");
    const entry = UNIT_WORDS.get(key);
    const last = ws[n - 1];
    if (entry !== undefined && last !== undefined) {
      // "كم²", "km2": a superscript or digit two glued to the unit makes it an area.
      const after = last.end < limit ? text.charCodeAt(last.end) : 0;
      if ((after === 0xb2 || after === 0x32) && n === 1) {
        const area = UNIT_WORDS.get(key + text.charAt(last.end));
        if (area !== undefined) return { entry: area, end: last.end + 1 };
      }
      return { entry, end: last.end };
    }
  }
  return null;
}

export function percentAfter(text: string, pos: number, limit: number): number {
  let p = pos;
  if (p < limit && isSpace(text.charCodeAt(p))) p++;
  if (p < limit) {
    const c = text.charCodeAt(p);
    if (c === 0x25 || c === 0x66a) return p + 1;
  }
  const ws = nextWords(text, pos, limit, 2);
  for (const phrase of PERCENT_PHRASES) if (matchPhrase(ws, phrase)) return ws[phrase.length - 1]?.end ?? -1;
  return -1;
}
