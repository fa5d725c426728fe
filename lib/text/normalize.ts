// Word normalization for matching, not for display: two spellings of the same word
// (with or without harakat, hamza forms, ta marbuta, tanween alif, the article ال)
// must compare equal, so "شخصا", "الأشخاص" and "شخص" land on one key.

/** Arabic orthographic folding plus Latin lower-casing. Called for every word read
 *  near a figure, so the common case (nothing to change) returns without allocating. */
export function fold(word: string): string {
  let changed = false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c > 0x7f) {
      if (
        (c >= 65 && c <= 90) || (c >= 0x64b && c <= 0x65f) || c === 0x670 || c === 0x640 ||
        c === 0x622 || c === 0x623 || c === 0x625 || c === 0x671 || c === 0x649 || c === 0x629 ||
        c === 0x200c || c === 0x200d || (c >= 0xc0 && c <= 0xde)
      ) {
        changed = true;
        break;
      }
    }
  }
  if (!changed) return word;
  let out = "";
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if ((c >= 0x64b && c <= 0x65f) || c === 0x670 || c === 0x640 || c === 0x200c || c === 0x200d) continue;
    if (c === 0x622 || c === 0x623 || c === 0x625 || c === 0x671) out += "\u0627";
    else if (c === 0x649) out += "\u064A";
    else if (c === 0x629) out += "\u0647";
    else out += word.charAt(i);
  }
  return out.toLowerCase();
}

const ARTICLE_PREFIXES = ["وبال", "وال", "فال", "بال", "كال", "لل", "ال"];

/** Drops the definite article with any proclitic glued before it. */
export function stripArticle(folded: string): string {
  for (const p of ARTICLE_PREFIXES) {
    if (folded.startsWith(p) && folded.length - p.length >= 2) {
      // "لل" stands for ل + ال: "للمساعدات" is "المساعدات" with ل.
      return folded.slice(p.length);
    }
  }
  return folded;
}

export function isDefinite(folded: string): boolean {
  for (const p of ARTICLE_PREFIXES) {
    if (folded.startsWith(p) && folded.length - p.length >= 2) return true;
  }
  return false;
}

// Broken plurals (and a few irregular singular spellings) folded to one singular key.
// Numbers 3–10 take the plural in Arabic and larger ones the singular, so the same
// count is routinely written both ways.
const AR_PLURALS: Record<string, string> = {
  "أشخاص": "شخص", "ناس": "شخص", "أفراد": "فرد", "طلاب": "طالب", "طلبة": "طالب",
  "مرضى": "مريض", "أطفال": "طفل", "قتلى": "قتيل", "جرحى": "جريح", "أسرى": "أسير",
  "جنود": "جندي", "عناصر": "عنصر", "منازل": "منزل", "بيوت": "بيت", "مساكن": "مسكن",
  "أسر": "أسرة", "عائلات": "عائلة", "عوائل": "عائلة", "مدارس": "مدرسة", "مستشفيات": "مستشفى",
  "دول": "دولة", "أطنان": "طن", "نساء": "امرأة", "نسوة": "امرأة", "رجال": "رجل",
  "عمال": "عامل", "شهداء": "شهيد", "ضحايا": "ضحية", "سكان": "ساكن", "قرى": "قرية",
  "مدن": "مدينة", "أميال": "ميل", "أمتار": "متر", "أيام": "يوم", "أعوام": "عام",
  "سنين": "سنة", "شهور": "شهر", "أشهر": "شهر", "أسابيع": "أسبوع", "ساعات": "ساعة",
  "دقائق": "دقيقة", "ثوان": "ثانية", "عقود": "عقد", "صواريخ": "صاروخ", "قذائف": "قذيفة",
  "طائرات": "طائرة", "غارات": "غارة", "شاحنات": "شاحنة", "سيارات": "سيارة",
  "وجبات": "وجبة", "سلال": "سلة", "أشجار": "شجرة", "رؤوس": "رأس", "مواطنين": "مواطن",
  "لاجئين": "لاجئ", "نازحين": "نازح", "مدنيين": "مدني", "معتقلين": "معتقل",
  "مقاتلين": "مقاتل", "موظفين": "موظف", "مسلحين": "مسلح", "مهاجرين": "مهاجر",
  "أطباء": "طبيب", "معلمين": "معلم", "خريجين": "خريج", "خريجو": "خريج",
  "دولارات": "دولار", "ليرات": "ليرة", "جنيهات": "جنيه", "دنانير": "دينار", "دراهم": "درهم",
  "ريالات": "ريال", "هكتارات": "هكتار", "دونمات": "دونم", "أفدنة": "فدان",
  "كيلومترات": "كيلومتر", "براميل": "برميل", "لترات": "لتر", "فصائل": "فصيل",
  "مصابين": "مصاب", "مفقودين": "مفقود", "موتى": "ميت", "أموات": "ميت", "وفيات": "وفاة",
  "إصابات": "إصابة", "حالات": "حالة", "مساعدات": "مساعدة", "أسلحة": "سلاح",
};

const EN_IRREGULAR: Record<string, string> = {
  people: "person", persons: "person", men: "man", women: "woman", children: "child",
  teeth: "tooth", feet: "foot", mice: "mouse", geese: "goose", lives: "life",
  wives: "wife", knives: "knife", data: "data", media: "media", news: "news",
  series: "series", species: "species", crises: "crisis", analyses: "analysis",
  police: "police", staff: "staff", personnel: "personnel", sheep: "sheep",
  fish: "fish", aircraft: "aircraft", casualties: "casualty",
};

// Ta marbuta (folded to ه) is dropped last, so "مساعدة" and "مساعدات" meet at "مساعد".
function finishArabic(s: string): string {
  return s.length >= 4 && s.endsWith("ه") ? s.slice(0, -1) : s;
}

const foldedPlurals = new Map<string, string>();
for (const [plural, singular] of Object.entries(AR_PLURALS)) {
  foldedPlurals.set(stripArticle(fold(plural)), finishArabic(stripArticle(fold(singular))));
}

function isArabicWord(w: string): boolean {
  const c = w.charCodeAt(0);
  return c >= 0x600 && c <= 0x6ff;
}

function singularEnglish(word: string): string {
  const w = word.replace(/['’]s?$/, "");
  const irregular = EN_IRREGULAR[w];
  if (irregular !== undefined) return irregular;
  if (w.length <= 3) return w;
  if (w.endsWith("ies") && w.length > 4) return w.slice(0, -3) + "y";
  if (/(?:ss|x|ch|sh|zz)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith("ss") || w.endsWith("us") || w.endsWith("is")) return w;
  if (w.endsWith("s")) return w.slice(0, -1);
  return w;
}

function singularArabic(w: string): string {
  let s = stripArticle(w);
  const direct = foldedPlurals.get(s);
  if (direct !== undefined) return direct;
  // Tanween alif: "شخصا" (accusative after 11–99) is "شخص".
  if (s.length >= 4 && s.endsWith("ا")) {
    const t = s.slice(0, -1);
    const viaLexicon = foldedPlurals.get(t);
    if (viaLexicon !== undefined) return viaLexicon;
    s = t;
  }
  if (s.length >= 5 && (s.endsWith("ين") || s.endsWith("ون") || s.endsWith("ات"))) {
    const t = s.slice(0, -2);
    return foldedPlurals.get(t) ?? finishArabic(t);
  }
  return finishArabic(s);
}

/** The matching key of a counted noun: folded, article-less, singular. */
export function nounKey(word: string): string {
  const f = fold(word);
  if (f.length === 0) return f;
  return isArabicWord(f) ? singularArabic(f) : singularEnglish(f);
}

/** A noun key with one proclitic (و ف ب ل ك) dropped: "كمساعدات" and "مساعدات" both
 *  carry the topic "aid"; applied to both sides of a comparison, so it stays consistent. */
export function looseKey(key: string): string {
  if (key.length >= 4 && isArabicWord(key)) {
    const c = key.charCodeAt(0);
    if (c === 0x648 || c === 0x641 || c === 0x628 || c === 0x644 || c === 0x643) {
      return singularArabic(key.slice(1));
    }
  }
  return key;
}

/** ASCII form of a digit string in any of the three digit sets. */
export function asciiDigits(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x660 && c <= 0x669) out += String.fromCharCode(c - 0x660 + 48);
    else if (c >= 0x6f0 && c <= 0x6f9) out += String.fromCharCode(c - 0x6f0 + 48);
    else out += s.charAt(i);
  }
  return out;
}
