// Language and writing direction. Only the two languages Sanad analyses are told apart;
// text with no letters at all is taken as Arabic, the product's first language.
import { isArabicLetter, isLatinLetter } from "./chars";
import type { Direction } from "./types";

const SAMPLE_WINDOWS = 64;
const WINDOW = 4096;

export function detectLanguage(text: string): "ar" | "en" {
  if (typeof text !== "string" || text.length === 0) return "ar";
  let ar = 0;
  let la = 0;
  const count = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (isArabicLetter(c)) ar++;
      else if (isLatinLetter(c)) la++;
    }
  };
  if (text.length <= SAMPLE_WINDOWS * WINDOW) count(0, text.length);
  else {
    // Evenly spaced windows: enough to tell the script of a 50 MB text in constant time.
    const step = Math.floor(text.length / SAMPLE_WINDOWS);
    for (let w = 0; w < SAMPLE_WINDOWS; w++) count(w * step, Math.min(text.length, w * step + WINDOW));
  }
  return la > ar ? "en" : "ar";
}

const RTL = new Set(["ar", "arc", "ckb", "dv", "fa", "he", "iw", "ku-arab", "ps", "sd", "syr", "ug", "ur", "yi", "prs", "pnb"]);

export function directionOf(lang: string): Direction {
  if (typeof lang !== "string") return "ltr";
  const tag = lang.trim().toLowerCase().replace(/_/g, "-");
  if (/-arab(?:-|$)/.test(tag) || /-hebr(?:-|$)/.test(tag)) return "rtl";
  const primary = tag.split("-")[0] ?? "";
  return RTL.has(primary) ? "rtl" : "ltr";
}
