// Number words and scale words ("مليون", "ألفين", "lakh", "crore").
import { foldedMap, foldedSet } from "./util";

// ---------------------------------------------------------------------------------
// Scale words. `form` matters only when no digit precedes: a dual ("مليوني شخص") is
// two of the scale, a singular ("مليون لاجئ") one, and a plural ("آلاف") is vague.
export type ScaleForm = "singular" | "dual" | "dualOrSingular" | "plural";
export type ScaleWord = { exp: number; form: ScaleForm };

export const SCALE_WORDS: Map<string, ScaleWord> = foldedMap<ScaleWord>({
  "ألف": { exp: 3, form: "singular" },
  "ألفا": { exp: 3, form: "dualOrSingular" },
  "ألفي": { exp: 3, form: "dual" },
  "ألفين": { exp: 3, form: "dual" },
  "آلاف": { exp: 3, form: "plural" },
  "الاف": { exp: 3, form: "plural" },
  "ألوف": { exp: 3, form: "plural" },
  "مليون": { exp: 6, form: "singular" },
  "مليونا": { exp: 6, form: "dualOrSingular" },
  "مليوني": { exp: 6, form: "dual" },
  "مليونين": { exp: 6, form: "dual" },
  "ملايين": { exp: 6, form: "plural" },
  "مليار": { exp: 9, form: "singular" },
  "مليارا": { exp: 9, form: "dualOrSingular" },
  "ملياري": { exp: 9, form: "dual" },
  "مليارين": { exp: 9, form: "dual" },
  "مليارات": { exp: 9, form: "plural" },
  "بليون": { exp: 9, form: "singular" },
  "بليونا": { exp: 9, form: "dualOrSingular" },
  "بليوني": { exp: 9, form: "dual" },
  "بلايين": { exp: 9, form: "plural" },
  "تريليون": { exp: 12, form: "singular" },
  "ترليون": { exp: 12, form: "singular" },
  "تريليونا": { exp: 12, form: "dualOrSingular" },
  "تريليونات": { exp: 12, form: "plural" },
  "ترليونات": { exp: 12, form: "plural" },
  thousand: { exp: 3, form: "singular" },
  million: { exp: 6, form: "singular" },
  billion: { exp: 9, form: "singular" },
  trillion: { exp: 12, form: "singular" },
  mln: { exp: 6, form: "plural" },
  // A common misspelling in wire copy, and the South Asian scales.
  millon: { exp: 6, form: "singular" },
  lakh: { exp: 5, form: "singular" }, lakhs: { exp: 5, form: "plural" },
  crore: { exp: 7, form: "singular" }, crores: { exp: 7, form: "plural" },
  bln: { exp: 9, form: "plural" },
});

/** Arabic words sometimes written glued to the digits after them ("حوالى180 ألفا"). */
export const GLUED_BEFORE_DIGITS: Set<string> = foldedSet([
  "حوالى", "حوالي", "نحو", "قرابة", "زهاء", "بنحو", "بحوالي", "بحوالى", "في", "من", "إلى", "الى", "على", "عن", "حتى", "بين",
]);

/** Abbreviated scales glued to a figure ("$4.2bn", "£3m", "$50k"): only read as scales
 *  next to a currency, since "5m" alone is five metres. */
export const SCALE_SUFFIXES: Map<string, number> = new Map([
  ["k", 3], ["m", 6], ["mn", 6], ["mln", 6], ["b", 9], ["bn", 9], ["bln", 9], ["tn", 12], ["trn", 12],
]);

// Number words before a scale word ("ثلاثة ملايين", "two million", "half a million").
// Small number words on their own are not read as figures: they are mostly prose
// ("قبل ستة أعوام"), and newsrooms write the figures that matter in digits.
export const NUMBER_WORDS: Map<string, number> = foldedMap<number>({
  "واحد": 1, "واحدة": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2,
  "ثلاث": 3, "ثلاثة": 3, "أربع": 4, "أربعة": 4, "خمس": 5, "خمسة": 5, "ست": 6, "ستة": 6,
  "سبع": 7, "سبعة": 7, "ثمان": 8, "ثماني": 8, "ثمانية": 8, "تسع": 9, "تسعة": 9,
  "عشر": 10, "عشرة": 10, "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30,
  "أربعون": 40, "أربعين": 40, "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60,
  "سبعون": 70, "سبعين": 70, "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90,
  "مئة": 100, "مائة": 100, "مئتا": 200, "مئتي": 200, "مائتا": 200, "مائتي": 200,
  "مئتين": 200, "مائتين": 200, "ثلاثمئة": 300, "ثلاثمائة": 300, "أربعمئة": 400,
  "أربعمائة": 400, "خمسمئة": 500, "خمسمائة": 500, "ستمئة": 600, "ستمائة": 600,
  "سبعمئة": 700, "سبعمائة": 700, "ثمانمئة": 800, "ثمانمائة": 800, "ثمانيمائة": 800,
  "تسعمئة": 900, "تسعمائة": 900, "نصف": 0.5, "ربع": 0.25,
  a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40,
  fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, half: 0.5,
  quarter: 0.25,
});
