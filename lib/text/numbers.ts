// Reading one written number (digits with separators) at a position. Scale words,
// units and context are the caller's business; this file only decides what the
// digits and separators say, which in Arabic news depends on one convention: a dot
// followed by exactly three digits ("110.000") groups thousands, unless a scale word
// follows ("7.700 مليون" is 7.7 million).
import { digitValue, isDigit } from "./chars";

export type ParsedNumber = {
  ok: true;
  end: number;
  /** ASCII decimal string of the value, e.g. "110000" or "7.7". */
  mantissa: string;
  /** The other reading of an ambiguous "d.ddd" (decimal when `mantissa` is thousands). */
  decimalMantissa?: string;
  /** No separators at all: a candidate year, day or list number. */
  plain: boolean;
  /** Digits before the first separator (or all digits when plain). */
  leadDigits: number;
};
export type RejectedNumber = { ok: false; end: number };

const COMMA = 0x2c;
const DOT = 0x2e;
const AR_THOUSANDS = 0x66c; // ٬
const AR_DECIMAL = 0x66b; // ٫
const AR_COMMA = 0x60c; // ، (some writers use it as a decimal comma)

function isSpaceGroupSep(c: number): boolean {
  return c === 0xa0 || c === 0x202f || c === 0x2009;
}

function readDigits(text: string, i: number, limit: number): number {
  let j = i;
  while (j < limit && isDigit(text.charCodeAt(j))) j++;
  return j;
}

function ascii(text: string, from: number, to: number): string {
  let s = "";
  for (let k = from; k < to; k++) s += String.fromCharCode(48 + digitValue(text.charCodeAt(k)));
  return s;
}

function stripLeadingZeros(s: string): string {
  let k = 0;
  while (k < s.length - 1 && s.charCodeAt(k) === 48) k++;
  return k === 0 ? s : s.slice(k);
}

// More than 15 significant digits cannot be a figure a person wrote as an amount, and
// would lose precision as a double; such runs are identifiers.
const MAX_DIGITS = 15;

/**
 * Reads the number starting at `i` (a digit). `arabic` selects the Arabic reading of a
 * single "d.ddd" (thousands). `allowArabicCommaDecimal` lets "٧،٥" be 7.5, which the
 * caller permits only when a scale word follows.
 */
export function parseNumber(
  text: string,
  i: number,
  limit: number,
  arabic: boolean,
  allowArabicCommaDecimal: boolean,
): ParsedNumber | RejectedNumber {
  let j = readDigits(text, i, limit);
  const groups: string[] = [ascii(text, i, j)];
  const seps: number[] = [];
  while (j < limit && groups.length < 12) {
    const c = text.charCodeAt(j);
    const isSep =
      c === COMMA || c === DOT || c === AR_THOUSANDS || c === AR_DECIMAL || isSpaceGroupSep(c) ||
      (c === AR_COMMA && allowArabicCommaDecimal && seps.length === 0);
    if (!isSep || j + 1 >= limit || !isDigit(text.charCodeAt(j + 1))) break;
    const k = readDigits(text, j + 1, limit);
    if (isSpaceGroupSep(c) && k - (j + 1) !== 3) break;
    seps.push(c);
    groups.push(ascii(text, j + 1, k));
    j = k;
  }
  const g0 = groups[0] ?? "";
  const totalDigits = groups.reduce((n, g) => n + g.length, 0);
  if (stripLeadingZeros(groups.join("")).length > MAX_DIGITS + 4 || totalDigits > 40) {
    return { ok: false, end: j };
  }
  if (seps.length === 0) {
    if (g0.length > MAX_DIGITS) return { ok: false, end: j };
    return { ok: true, end: j, mantissa: stripLeadingZeros(g0), plain: true, leadDigits: g0.length };
  }

  const rest = groups.slice(1);
  const first = seps[0] ?? 0;
  const allSame = seps.every((s) => s === first);
  const restAreTriples = rest.every((g) => g.length === 3);
  const leadOk = g0.length <= 3 && !(g0.length > 1 && g0.charCodeAt(0) === 48);
  const thousands = (gs: readonly string[]) => stripLeadingZeros(gs.join(""));

  if (allSame) {
    if (first === AR_DECIMAL || first === AR_COMMA) {
      if (seps.length !== 1) return { ok: false, end: j };
      return decimal(j, g0, rest[0] ?? "0");
    }
    if (seps.length === 1) {
      const g1 = rest[0] ?? "";
      if (first === DOT) {
        if (g1.length === 3 && leadOk && g0 !== "0") {
          // "110.000": thousands in Arabic news, a decimal in English.
          return arabic
            ? { ok: true, end: j, mantissa: thousands(groups), decimalMantissa: g0 + "." + g1, plain: false, leadDigits: g0.length }
            : decimal(j, g0, g1);
        }
        return decimal(j, g0, g1);
      }
      if (first === COMMA) {
        if (g1.length === 3 && leadOk && g0 !== "0") return thousandsNumber(j, groups, g0.length);
        return decimal(j, g0, g1); // "1,5 مليون" in Maghrebi usage
      }
      // ٬ or a no-break space: thousands only
      if (g1.length === 3 && leadOk) return thousandsNumber(j, groups, g0.length);
      return { ok: false, end: j };
    }
    // "1.500.000", "1,500,000", "1 500 000"
    if (restAreTriples && leadOk) return thousandsNumber(j, groups, g0.length);
    return { ok: false, end: j }; // versions, IP addresses, dotted dates
  }

  // Thousands separators of one kind, then one decimal separator of another:
  // "1,234.56" or "1.234,56".
  const last = seps[seps.length - 1] ?? 0;
  const body = seps.slice(0, -1);
  const bodySame = body.every((s) => s === first);
  const bodyGroups = rest.slice(0, -1);
  if (
    bodySame &&
    last !== first &&
    (last === DOT || last === COMMA || last === AR_DECIMAL) &&
    bodyGroups.every((g) => g.length === 3) &&
    leadOk
  ) {
    const intPart = thousands([g0, ...bodyGroups]);
    return decimal(j, intPart, rest[rest.length - 1] ?? "0");
  }
  return { ok: false, end: j };
}

function decimal(end: number, intPart: string, frac: string): ParsedNumber {
  const f = frac.replace(/0+$/, "");
  const ip = stripLeadingZeros(intPart);
  return { ok: true, end, mantissa: f.length > 0 ? ip + "." + f : ip, plain: false, leadDigits: intPart.length };
}

function thousandsNumber(end: number, groups: readonly string[], lead: number): ParsedNumber {
  return { ok: true, end, mantissa: stripLeadingZeros(groups.join("")), plain: false, leadDigits: lead };
}

/** mantissa × 10^exp without the binary rounding of a multiplication (7.7 × 10⁶ is exact). */
export function scaled(mantissa: string, exp: number): number {
  return exp === 0 ? Number(mantissa) : Number(mantissa + "e" + String(exp));
}

export type NumericDate = { end: number; year: number; month: number; day: number };

/**
 * "10/09/2014", "10.09.2014", "10-09-2014", "2014-09-10": day first outside English,
 * month first in English unless the first field cannot be a month.
 */
export function parseNumericDate(text: string, i: number, limit: number, english: () => boolean): NumericDate | null {
  const a1 = readDigits(text, i, limit);
  const la = a1 - i;
  if (la < 1 || la > 4 || a1 >= limit) return null;
  const sep = text.charCodeAt(a1);
  if (sep !== 0x2f && sep !== DOT && sep !== 0x2d) return null;
  const b0 = a1 + 1;
  const b1 = readDigits(text, b0, limit);
  const lb = b1 - b0;
  if (lb < 1 || lb > 2 || b1 >= limit || text.charCodeAt(b1) !== sep) return null;
  const c0 = b1 + 1;
  const c1 = readDigits(text, c0, limit);
  const lc = c1 - c0;
  if (lc < 1 || lc > 4) return null;
  if (c1 < limit && (isDigit(text.charCodeAt(c1)) || (text.charCodeAt(c1) === sep && c1 + 1 < limit && isDigit(text.charCodeAt(c1 + 1))))) return null;
  const A = Number(ascii(text, i, a1));
  const B = Number(ascii(text, b0, b1));
  const C = Number(ascii(text, c0, c1));
  let year: number;
  let month: number;
  let day: number;
  if (la === 4) {
    if (lc > 2) return null;
    year = A;
    month = B;
    day = C;
  } else {
    if (la > 2) return null;
    if (lc === 4) year = C;
    else if (lc === 2 && sep === 0x2f) year = C < 50 ? 2000 + C : 1900 + C;
    else return null;
    if (A <= 12 && B <= 12 ? english() : B > 12) {
      month = A;
      day = B;
    } else {
      day = A;
      month = B;
    }
    if (month > 12 && day <= 12) {
      const t = month;
      month = day;
      day = t;
    }
  }
  if (year < 1000 || year > 2199 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  return { end: c1, year, month, day };
}
