// Folding for search and matching, the same as sanad_fold() in the search migration (a test
// compares the two): both sides of every comparison are folded the same way, so spellings of
// one word meet. Pure; safe in the browser.

const LETTERS: Record<string, string> = {
  "\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627", // أ إ آ ٱ -> ا
  "\u0649": "\u064A", // ى -> ي
  "\u0629": "\u0647", // ة -> ه
  "\u066B": ".", "\u066C": ",", // Arabic decimal and thousands separators
};
for (let d = 0; d < 10; d++) {
  LETTERS[String.fromCharCode(0x660 + d)] = String(d);
  LETTERS[String.fromCharCode(0x6f0 + d)] = String(d);
}

const DROPPED = /[\u064B-\u065F\u0670\u0640\u200C\u200D]/g;
const MAPPED = /[\u0623\u0625\u0622\u0671\u0649\u0629\u066B\u066C\u0660-\u0669\u06F0-\u06F9]/g;
// The definite article, with a glued conjunction or preposition, before a word of 3+ letters.
const ARTICLE = /(^|[^\u0621-\u064A])(وبال|وال|فال|بال|كال|لل|ال)(?=[\u0621-\u064A]{3})/g;

export function foldText(text: string): string {
  return text
    .replace(MAPPED, (c) => LETTERS[c] ?? c)
    .toLowerCase()
    .replace(DROPPED, "")
    .replace(ARTICLE, "$1");
}
