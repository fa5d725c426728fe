// Abbreviations, in one list shared by the sentence segmenter and the figure reader.
// Lower-cased, without the final dot.

// English abbreviations, lower-cased, without the final dot.
// Titles are always followed by a name, so the dot never ends a sentence.
export const TITLES = new Set([
  "mr", "mrs", "ms", "mx", "dr", "prof", "st", "mt", "ft", "gen", "lt", "col", "maj", "capt", "cmdr",
  "sgt", "adm", "gov", "sen", "rep", "rev", "hon", "pres", "supt", "insp", "det", "cpl", "pvt", "brig",
  "fr", "messrs", "mme", "mlle", "vs", "v", "cf", "approx", "ca", "viz", "sr", "jr",
]);
// Abbreviations that precede a number ("No. 5", "p. 4", "ص. 4"): the segmenter does not end
// a sentence after them, and the figure reader does not read the number after them as an amount.
export const NUMBER_ABBREVIATIONS: Set<string> = new Set([
  "no", "nos", "nr", "vol", "vols", "fig", "figs", "p", "pp", "art", "ch", "sec", "para", "op", "tel", "ext",
  "ص", "ت",
]);
// Month abbreviations before a day ("Jan. 12"): a date, so the figure reader reads them.
export const MONTH_ABBREVIATIONS: Set<string> = new Set(["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]);

// Abbreviations that may also close a sentence ("… Apple Inc. The company …").
export const MAY_END = new Set(["inc", "ltd", "co", "corp", "bros", "etc", "al", "plc", "llc", "ave", "rd", "blvd", "dept", "univ"]);

// Words that start English sentences; after an ambiguous abbreviation ("U.S.", "Inc.",
// "a.m.") a following word from this list means the abbreviation closed the sentence.
export const STARTERS = new Set([
  "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "but", "and", "or", "so", "yet", "in",
  "on", "at", "as", "after", "before", "when", "while", "if", "however", "meanwhile", "also",
  "according", "this", "that", "these", "those", "there", "here", "his", "her", "their", "its", "our",
  "my", "your", "last", "earlier", "later", "since", "despite", "although", "though", "many", "some",
  "most", "other", "officials", "police", "what", "why", "how", "who", "where", "for", "with",
  "without", "by", "from", "to", "today", "yesterday", "now", "then", "still", "only", "both", "all",
  "no", "not", "such", "each", "every", "one", "two", "three", "several", "more", "few", "under",
]);
