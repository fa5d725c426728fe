// Folding for search and matching, the same as sanad_fold() in the search migration (a test
// compares the two): both sides of every comparison are folded the same way, so spellings of
// one word meet. The letters are folded as the text analysis folds a word (lib/text/normalize.ts);
// search adds digits and separators, lower-cases every script, and drops the definite article.
// Pure; safe in the browser.
import { asciiDigits, fold } from "@/lib/text/normalize";

const SEPARATORS = /[\u066B\u066C]/g; // Arabic decimal and thousands separators
// The definite article, with a glued conjunction or preposition, before a word of 3+ letters.
const ARTICLE = /(^|[^\u0621-\u064A])(وبال|وال|فال|بال|كال|لل|ال)(?=[\u0621-\u064A]{3})/g;

export function foldText(text: string): string {
  return asciiDigits(fold(text).toLowerCase())
    .replace(SEPARATORS, (c) => (c === "\u066B" ? "." : ","))
    .replace(ARTICLE, "$1");
}
