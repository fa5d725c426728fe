// The worst article the import can be sent: ~6 MiB of short sentences, each with figures, written
// here by code (English and Arabic, Western and Arabic-Indic digits, numbers varied so no two
// sentences are alike). `figureSentences` caps how many sentences carry figures; the rest are
// sentences of about `plainLength` characters without any figure, so the same size can be made
// just under the import's limits.

const AR_DIGITS = "٠١٢٣٤٥٦٧٨٩";
const arabicDigits = (s: string) => s.replace(/[0-9]/g, (d) => AR_DIGITS[Number(d)]);
const grouped = (n: number) => n.toLocaleString("en-US");

/** A sentence with two figures (a district number is not a figure; the count and the money are). */
function figureSentence(i: number): string {
  const people = 1_000 + ((i * 7919) % 900_000);
  const dollars = 10 + ((i * 104_729) % 9_000);
  switch (i % 4) {
    case 0:
      return `In district ${i}, ${grouped(people)} people were counted and ${dollars} dollars spent.`;
    case 1:
      return `Ward ${i} reported ${grouped(people)} households and ${(dollars / 10).toFixed(1)}% unemployment.`;
    case 2:
      return `في الحي ${i} أحصي ${grouped(people)} شخصا وأنفق ${dollars} دولار.`;
    default:
      return `وفي القرية ${arabicDigits(String(i))} سجل ${arabicDigits(String(people))} نازحا و${arabicDigits(String(dollars))} خيمة.`;
  }
}

// Made-up words without digits, one per index: sentences that carry no figure at all.
const SYLLABLES = ["ba", "ko", "mi", "de", "lu", "sa", "ti", "ne", "ro", "fa", "gu", "pe", "zo", "hi", "ya", "we"];
const AR_SYLLABLES = ["با", "كو", "مي", "دي", "لو", "سا", "تي", "ني", "رو", "فا", "غو", "بي", "زو", "هي", "يا", "وي"];
function word(i: number, syllables: string[]) {
  let w = "";
  do {
    w += syllables[i % 16];
    i = Math.floor(i / 16);
  } while (i > 0);
  return w;
}

/** A sentence without figures, about `length` characters long. */
function plainSentence(i: number, length: number): string {
  const arabic = i % 2 === 1;
  const words: string[] = [arabic ? "واستمر العد في" : "The tally went on in", word(i, arabic ? AR_SYLLABLES : SYLLABLES)];
  let size = words.join(" ").length;
  for (let k = 1; size < length - 1; k++) {
    const w = word(i * 7 + k, arabic ? AR_SYLLABLES : SYLLABLES);
    words.push(k % 5 === 0 ? `و${w}` : w);
    size += w.length + 1;
  }
  return words.join(" ") + (arabic ? "." : ".");
}

export type HostileArticle = { title: string; body: string; bytes: number; chars: number; figureSentences: number; sentences: number };

/**
 * A body of at most `maxBytes` of UTF-8 (the JSON request, escapes and all, stays under the
 * import's 6 MiB) and `maxChars` UTF-16 units (the body's limit),
 * sentences separated by spaces, a paragraph break every 20 sentences.
 */
export function hostileArticle({ maxBytes = 6 * 1024 * 1024 - 64 * 1024, maxChars = 5_000_000, figureSentences = Infinity, plainLength = 40, seed = 0 } = {}): HostileArticle {
  const parts: string[] = [];
  let bytes = 0;
  let chars = 0;
  let withFigures = 0;
  for (let i = 0; ; i++) {
    const n = seed * 1_000_003 + i;
    const sentence = (withFigures < figureSentences ? figureSentence(n) : plainSentence(n, plainLength)) + (i % 20 === 19 ? "\n\n" : " ");
    const b = Buffer.byteLength(sentence);
    if (bytes + b > maxBytes || chars + sentence.length > maxChars) break;
    parts.push(sentence);
    bytes += b;
    chars += sentence.length;
    if (withFigures < figureSentences) withFigures++;
  }
  const body = parts.join("").trimEnd();
  return { title: `Hostile article ${seed}: ${parts.length} sentences`, body, bytes: Buffer.byteLength(body), chars: body.length, figureSentences: withFigures, sentences: parts.length };
}
