// Word lists of the figure reader: words around a figure that make it a time, an
// identifier or a continuation, and units written after a hyphen.
import { fold } from "../normalize";
import { PERCENT_PHRASES, type UnitEntry } from "./units";

export const TIME_BEFORE = new Set(["الساعه", "ساعه", "الساعة"].map(fold));
export const ORDINAL_SUFFIXES = new Set(["st", "nd", "rd", "th"]);
export const ARABIC_PROCLITICS = new Set(["و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "ال", "وال", "بال", "لل"]);
export const OTHERS = new Set(["اخر", "other", "others"]);

/** Singular units written after a hyphen ("30-day", "400-metre"). */
export const HYPHEN_UNITS: Map<string, UnitEntry> = new Map<string, UnitEntry>([
  ["year", { kind: "duration", unit: "years" }], ["month", { kind: "duration", unit: "months" }],
  ["week", { kind: "duration", unit: "weeks" }], ["day", { kind: "duration", unit: "days" }],
  ["hour", { kind: "duration", unit: "hours" }], ["minute", { kind: "duration", unit: "minutes" }],
  ["metre", { kind: "measure", unit: "m" }], ["meter", { kind: "measure", unit: "m" }],
  ["kilometre", { kind: "measure", unit: "km" }], ["kilometer", { kind: "measure", unit: "km" }],
  ["km", { kind: "measure", unit: "km" }], ["mile", { kind: "measure", unit: "miles" }],
  ["foot", { kind: "measure", unit: "feet" }], ["acre", { kind: "measure", unit: "acres" }],
  ["hectare", { kind: "measure", unit: "hectares" }], ["tonne", { kind: "measure", unit: "tons" }],
  ["ton", { kind: "measure", unit: "tons" }], ["megawatt", { kind: "measure", unit: "MW" }],
]);

export const TIME_AFTER = new Set(
  ["صباحا", "صباح", "مساء", "مساءا", "ظهرا", "فجرا", "ليلا", "عصرا", "am", "pm", "gmt", "utc", "بتوقيت", "o'clock"].map(fold),
);

export const PERCENT_WORDS = new Set(PERCENT_PHRASES.map((p) => p[p.length - 1] ?? ""));

export const PERCENT_SKIP = new Set(["من", "منهم", "منها", "منهن", "منه", "of", "the", "them", "those", "its", "their", "all"].map(fold));

export const MONEY_LINK = new Set(["in", "for", "of", "worth", "من", "ل", "ك"].map(fold));

export const VERBISH_EN = /(?:ed|ing)$/;

// Verbs that follow a bare figure in English ("1.5 million fled", "rose to 12%"): never
// the counted noun.
export const EN_VERBS = new Set([
  "rose", "fell", "stood", "hit", "reached", "was", "is", "be", "jumped",
  "dropped", "climbed", "grew", "left", "fled", "came", "went", "got", "took", "made", "lost", "won",
  "gave", "saw", "ran", "became", "began", "broke", "brought", "built", "bought", "caught", "chose",
  "drew", "drove", "ate", "felt", "fought", "found", "flew", "held", "hid", "hurt", "kept", "knew",
  "led", "met", "paid", "put", "sat", "sent", "set", "shot", "spent", "struck", "taught", "told",
  "thought", "threw", "wrote", "remain", "remains", "live", "lives", "work", "works", "die", "dies",
  "need", "needs", "face", "faces", "returned", "voted", "attended", "marched", "signed", "say",
  "think", "believe", "want", "are", "were", "have", "had", "will", "would", "can", "could", "may",
]);
