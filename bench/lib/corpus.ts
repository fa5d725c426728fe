// Realistic Arabic news text for the benchmarks: the SY24 report (seeds/sy24-coalition.txt)
// cut into sentences and recombined, with its figures, places and names varied, so that no
// two articles are equal (the import dedupes by body) and the analysis meets figures,
// Arabic-Indic digits, quotes and web furniture as it does in real copy. Deterministic.
import { readFileSync } from "node:fs";
import path from "node:path";

export type BenchArticle = { title: string; body: string; language: "ar"; outlet: string; sourceUrl: string; publishedAt: string };

/** mulberry32: a tiny seeded generator, so every run benchmarks the same text. */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CITIES = ["الحسكة", "دير الزور", "الرقة", "حلب", "إدلب", "درعا", "حمص", "القامشلي", "منبج", "البوكمال", "الموصل", "الأنبار"];
const NAMES = ["كاكينز", "ريتشاردسون", "الحسن", "المصري", "ماركوس", "العلي", "دونوفان", "الخطيب"];
const OUTLETS = ["SY24", "عنب بلدي", "الجزيرة نت", "سوريا على طول", "المدن", "العربي الجديد"];
const MONTHS = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"];
const FURNITURE = ["Facebook", "WhatsApp", "Telegram", "مقالات ذات صلة"];
const INDIC = "٠١٢٣٤٥٦٧٨٩";

export class Corpus {
  private readonly headline: string;
  private readonly sentences: string[];
  private readonly random: () => number;
  private serial = 0;

  constructor(seed = 24) {
    const text = readFileSync(path.join(process.cwd(), "seeds", "sy24-coalition.txt"), "utf8");
    const lines = text.split("\n").map((l) => l.trim());
    this.headline = lines[0];
    const paragraphs = lines.filter((l) => l.length > 80);
    // Sentence-sized pieces: split after a full stop (Latin or Arabic) or a question mark.
    this.sentences = paragraphs.flatMap((p) => p.split(/(?<=[.!؟?])\s+(?=\S)/u)).filter((s) => s.length > 20);
    this.random = rng(seed);
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)];
  }

  /** A sentence of the pool with its figures, places, names and months changed. */
  sentence(indicDigits = false): string {
    let s = this.pick(this.sentences);
    s = s.replace(/\d+(?:[.,]\d+)*/g, (n) => this.number(n));
    for (const city of CITIES) if (s.includes(city)) s = s.replaceAll(city, this.pick(CITIES));
    if (s.includes("كاكينز")) s = s.replaceAll("كاكينز", this.pick(NAMES));
    for (const month of MONTHS) if (s.includes(month)) s = s.replaceAll(month, this.pick(MONTHS));
    if (indicDigits) s = s.replace(/[0-9]/g, (d) => INDIC[Number(d)]);
    return s;
  }

  private number(n: string): string {
    const plain = n.replace(/[.,]/g, "");
    if (/^(19|20)\d\d$/.test(n)) return String(2010 + Math.floor(this.random() * 15));
    if (n.includes(".") || n.includes(",")) {
      // Keep the shape: "7.7" stays a decimal, "110.000" stays a grouped thousand.
      return n.replace(/\d/g, (d, i) => (i === 0 ? String(1 + Math.floor(this.random() * 9)) : String(Math.floor(this.random() * 10))));
    }
    const digits = Math.max(1, plain.length);
    const first = 1 + Math.floor(this.random() * 9);
    let out = String(first);
    for (let i = 1; i < digits; i++) out += String(Math.floor(this.random() * 10));
    return out;
  }

  paragraph(indicDigits = false): string {
    const count = 1 + Math.floor(this.random() * 3);
    const parts: string[] = [];
    for (let i = 0; i < count; i++) parts.push(this.sentence(indicDigits));
    return parts.join(" ");
  }

  /** One news article: a headline, sometimes share-button furniture, a dateline, 7-13 paragraphs. */
  article(paragraphs = 7 + Math.floor(this.random() * 7)): BenchArticle {
    const n = ++this.serial;
    const indic = this.random() < 0.1;
    const outlet = this.pick(OUTLETS);
    const parts: string[] = [];
    if (this.random() < 0.3) parts.push(FURNITURE.slice(0, 3).join("\n"));
    parts.push(`خاص – ${outlet}`);
    for (let i = 0; i < paragraphs; i++) parts.push(this.paragraph(indic));
    if (this.random() < 0.3) parts.push(FURNITURE[3]);
    const title = this.headline.replace(/\d+/g, (d) => this.number(d)) + ` (${n})`;
    const day = 1 + (n % 28);
    return {
      title,
      body: parts.join("\n\n"),
      language: "ar",
      outlet,
      sourceUrl: `https://news.example/${n}`,
      publishedAt: `2024-${String(1 + (n % 12)).padStart(2, "0")}-${String(day).padStart(2, "0")}T08:00:00Z`,
    };
  }

  /** Articles, separated by blank lines, until the text holds `bytes` of UTF-8. */
  paragraphsText(bytes: number): { text: string; articles: string[] } {
    const articles: string[] = [];
    let size = 0;
    while (size < bytes) {
      const a = this.article();
      const piece = `${a.title}\n\n${a.body}`;
      articles.push(piece);
      size += Buffer.byteLength(piece, "utf8") + 2;
    }
    return { text: articles.join("\n\n"), articles };
  }

  /** One paragraph, no line break at all, of at least `bytes` of UTF-8. */
  oneParagraph(bytes: number): string {
    const parts: string[] = [];
    let size = 0;
    while (size < bytes) {
      const s = this.sentence();
      parts.push(s);
      size += Buffer.byteLength(s, "utf8") + 1;
    }
    return parts.join(" ");
  }
}
