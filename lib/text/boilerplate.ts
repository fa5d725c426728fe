// Web furniture that survives copy-and-paste from a news site: share buttons, bylines,
// "related articles" headers, copyright and timestamp lines. They stay sentences (the
// offsets must cover the whole body) but are flagged so they are never offered as
// claims and yield no figures.
import { fold } from "./normalize";

function key(s: string): string {
  // Letters and digits only, single-spaced, folded: "خاص – SY24" → "خاص sy24".
  const f = fold(s);
  let out = "";
  let space = false;
  for (let i = 0; i < f.length; i++) {
    const c = f.charCodeAt(i);
    const keep =
      (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 0x620 && c <= 0x64a) ||
      (c >= 0x660 && c <= 0x669) || (c >= 0x671 && c <= 0x6d3) || (c >= 0xe0 && c <= 0x24f);
    if (keep) {
      if (space && out.length > 0) out += " ";
      out += f.charAt(i);
      space = false;
    } else space = true;
  }
  return out;
}

const PLATFORMS = new Set(
  [
    "facebook", "whatsapp", "telegram", "twitter", "x", "linkedin", "pinterest", "reddit", "email",
    "e", "mail", "print", "messenger", "tumblr", "vk", "viber", "instagram", "youtube", "tiktok",
    "snapchat", "copy", "link", "share", "tweet", "pocket", "flipboard", "sms", "threads", "bluesky",
    "فيسبوك", "فيس", "بوك", "واتساب", "واتس", "اب", "تلغرام", "تيليجرام", "تليجرام", "تويتر", "لينكدإن",
    "انستغرام", "انستجرام", "يوتيوب", "طباعة", "مشاركة", "شارك", "شاركوا", "البريد", "الإلكتروني",
    "ماسنجر", "نسخ", "الرابط", "إكس",
  ].map(key),
);
// Filler that may sit beside platform names on a share line.
const SHARE_FILLER = new Set(
  ["on", "this", "article", "story", "via", "the", "to", "with", "على", "عبر", "المقال", "الخبر", "هذا", "هذه", "في"].map(key),
);

const EXACT = new Set(
  [
    "related articles", "related", "related posts", "related stories", "related news", "read more",
    "read also", "see also", "more on this", "more on this story", "you may also like", "recommended",
    "advertisement", "sponsored", "most read", "trending", "tags", "share this", "share this article",
    "share this story", "follow us", "subscribe", "sign up", "all rights reserved", "comments",
    "leave a comment", "leave a reply", "newsletter", "skip to content", "top stories",
    "مقالات ذات صلة", "أخبار ذات صلة", "مواضيع ذات صلة", "مقالات مشابهة", "أخبار متعلقة", "اقرأ أيضا",
    "اقرأ أيضاً", "اقرأ المزيد", "المزيد", "الأكثر قراءة", "الأكثر مشاهدة", "إعلان", "إعلانات", "الوسوم",
    "كلمات مفتاحية", "تابعنا", "تابعونا", "اشترك", "جميع الحقوق محفوظة", "التعليقات", "شارك الخبر",
    "شارك المقال", "اترك تعليقا", "اترك تعليقاً", "النشرة البريدية", "خاص",
  ].map(key),
);

const PREFIXES = [
  "read more", "read also", "see also", "related", "اقرأ أيضا", "اقرأ ايضا", "اقرأ المزيد", "اقرأ كذلك",
  "شاهد أيضا", "لمزيد من", "تابعونا على", "تابعنا على", "follow us on", "copyright", "حقوق النشر",
].map(key);

const BYLINE_HEADS = new Set(
  [
    "بقلم", "كتب", "كتبه", "كتبت", "إعداد", "تحرير", "ترجمة", "تقرير", "المصدر", "مصدر", "متابعات",
    "وكالات", "تصوير", "الصورة", "صورة", "by", "source", "photo", "image", "credit", "reporting",
    "editing", "writing", "additional", "compiled", "staff",
  ].map(key),
);

// News agencies and outlets that make a short "City – Agency" line a dateline.
const AGENCIES = new Set(
  [
    "رويترز", "فرانس", "برس", "اف", "ب", "أ", "ف", "الأناضول", "سانا", "وكالات", "خاص", "واس", "وام", "قنا",
    "كونا", "بترا", "الأسوشيتد", "د", "reuters", "afp", "ap", "dpa", "anadolu", "xinhua", "sana", "efe",
    "bloomberg", "wam", "spa", "kuna", "qna", "mena", "upi",
  ].map(key),
);

const TIMESTAMP_HEADS = [
  "published", "updated", "last updated", "posted", "نشر", "نشر في", "تاريخ النشر", "آخر تحديث", "تم النشر",
  "تحديث", "نشر بتاريخ",
].map(key);

function startsWithPhrase(k: string, phrase: string): boolean {
  return k === phrase || k.startsWith(phrase + " ");
}

/** Whether a whole line of text is site furniture rather than article prose. */
export function isBoilerplateLine(line: string): boolean {
  if (line.length > 200) return false;
  // Prose lines are long; counting spaces first spares building the key for them.
  let spaces = 0;
  for (let i = 0; i < line.length && spaces <= 20; i++) if (line.charCodeAt(i) === 32) spaces++;
  if (spaces > 20) return false;
  const k = key(line);
  if (k.length === 0) return false;
  if (EXACT.has(k)) return true;
  const words = k.split(" ");
  if (line.indexOf("©") >= 0 || /\bcopyright\b/i.test(line)) return words.length <= 16;

  // Share bars: nothing but platform names and filler.
  if (words.length <= 12) {
    let platforms = 0;
    let other = 0;
    for (const w of words) {
      if (PLATFORMS.has(w)) platforms++;
      else if (!SHARE_FILLER.has(w)) other++;
    }
    if (platforms > 0 && other === 0) return true;
  }

  if (words.length <= 20) {
    for (const p of PREFIXES) if (startsWithPhrase(k, p) && /[:：\-–—]|^\s*\S+\s+\S+\s*$/.test(line)) return true;
  }

  // Bylines and datelines of agencies: "خاص – SY24", "حلب – خاص", "By Jane Doe", "المصدر: وكالات".
  if (words.length <= 6) {
    const hasDash = /[–—-]/.test(line);
    if (hasDash && words.indexOf(key("خاص")) >= 0) return true;
    // Datelines: "جنيف – رويترز", "KHARTOUM (Reuters)" alone on a line.
    if ((hasDash || /[()]/.test(line)) && words.length <= 5 && words.some((w) => AGENCIES.has(w)) && !/[.!?؟]\s*$/.test(line)) {
      if (!/\d|[\u0660-\u0669]/.test(line)) return true;
    }
    const head = words[0] ?? "";
    if (BYLINE_HEADS.has(head)) {
      if (head === key("by")) {
        // "By Jane Doe": the rest capitalized names.
        const rest = line.trim().split(/\s+/).slice(1);
        return rest.length >= 1 && rest.length <= 5 && rest.every((w) => /^[A-Z\u00C0-\u00DE]/.test(w) || /^(?:and|&|in|,)$/.test(w));
      }
      return /[:：\-–—]/.test(line) || words.length <= 3;
    }
  }

  if (words.length <= 10) {
    for (const h of TIMESTAMP_HEADS) if (startsWithPhrase(k, h) && /\d|[\u0660-\u0669]/.test(line)) return true;
  }
  return false;
}
