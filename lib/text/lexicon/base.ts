// Context words around figures: years, identifiers, ranks, telephone words, hedges,
// comparisons and changes, stopwords and the adjectives between a figure and its noun.
import { foldedSet } from "./util";
import { fold } from "../normalize";

// ---------------------------------------------------------------------------------
// Context words.
export const YEAR_STRONG: Set<string> = foldedSet([
  "عام", "العام", "لعام", "بعام", "وعام", "سنة", "السنة", "لسنة", "منذ", "ومنذ", "مطلع", "أواخر",
  "أوائل", "منتصف", "نهاية", "بداية", "ربيع", "صيف", "خريف", "شتاء", "موسم",
  "year", "since", "early", "late", "mid", "spring", "summer", "autumn", "fall", "winter",
  "class", "fiscal",
]);
export const YEAR_WEAK: Set<string> = foldedSet([
  "في", "وفي", "خلال", "حتى", "قبل", "بعد", "من", "إلى", "الى", "لغاية", "وحتى",
  "in", "during", "until", "till", "by", "before", "after", "from", "to", "of", "through",
]);
export const YEAR_SUFFIXES: Set<string> = foldedSet(["م", "هـ", "ه", "ميلادي", "للميلاد", "هجري", "ad", "bc", "ce", "bce"]);

/** A figure right after these is an identifier, not an amount ("القرار 2254", "No. 5"). */
export const IDENTIFIER_WORDS: Set<string> = foldedSet([
  "رقم", "الرقم", "برقم", "القرار", "قرار", "المادة", "مادة", "الفقرة", "الفصل", "البند", "الصفحة",
  "صفحة", "ص", "الطريق", "طريق", "الرحلة", "رحلة", "الغرفة", "الحافلة", "الخط", "الإصدار", "نسخة",
  "الدورة", "دورة", "النسخة", "الحلقة", "الجلسة", "edition", "session",
  "no", "no.", "nos", "number", "resolution", "article", "page", "pages", "chapter", "section",
  "flight", "route", "room", "item", "paragraph", "clause", "version", "model", "bus", "highway",
  "interstate", "gate", "platform", "channel", "episode", "season", "pp", "p", "vol", "volume",
  "tel", "code", "zip", "unit", "building", "floor", "apartment", "suite", "box", "lot",
]);
/** Ranks and levels: kept as figures of kind "other". */
export const RANK_WORDS: Set<string> = foldedSet([
  "المرتبة", "مرتبة", "المركز", "المستوى", "مستوى", "الدرجة", "المرحلة", "الجولة", "الأسبوع",
  "rank", "ranked", "ranking", "place", "level", "grade", "stage", "phase", "round", "week", "day",
  "category", "tier", "step",
]);
export const PHONE_WORDS: Set<string> = foldedSet([
  "هاتف", "الهاتف", "هاتفه", "تلفون", "جوال", "الجوال", "موبايل", "واتساب", "فاكس", "الخط الساخن",
  "phone", "telephone", "tel", "call", "fax", "hotline", "mobile", "whatsapp", "cell",
]);

export type Qualifier = "approx" | "over" | "under";
/** Qualifier phrases, matched against the words right before a figure. */
export const QUALIFIERS: readonly { words: readonly string[]; q: Qualifier }[] = (
  [
    [["نحو"], "approx"], [["حوالي"], "approx"], [["حوالى"], "approx"], [["قرابة"], "approx"],
    [["زهاء"], "approx"], [["يقارب"], "approx"], [["ما", "يقارب"], "approx"], [["ما", "يقرب", "من"], "approx"],
    [["يناهز"], "approx"], [["ما", "يناهز"], "approx"], [["تقريبا"], "approx"], [["قرابه"], "approx"],
    [["أكثر", "من"], "over"], [["ما", "يزيد", "عن"], "over"], [["ما", "يزيد", "على"], "over"],
    [["يزيد", "عن"], "over"], [["يزيد", "على"], "over"], [["أزيد", "من"], "over"], [["فوق"], "over"],
    [["يتجاوز"], "over"], [["ما", "يتجاوز"], "over"], [["تجاوز"], "over"], [["يربو", "على"], "over"], [["يفوق"], "over"], [["لا", "يقل", "عن"], "over"],
    [["أقل", "من"], "under"], [["ما", "دون"], "under"], [["دون"], "under"], [["يقل", "عن"], "under"],
    [["ما", "يقل", "عن"], "under"], [["لا", "يزيد", "عن"], "under"], [["لا", "يزيد", "على"], "under"],
    [["حتى"], "under"], [["أقل"], "under"],
    [["about"], "approx"], [["around"], "approx"], [["approximately"], "approx"], [["roughly"], "approx"],
    [["some"], "approx"], [["circa"], "approx"], [["approx."], "approx"], [["approx"], "approx"],
    [["an", "estimated"], "approx"], [["estimated"], "approx"], [["an", "approximate"], "approx"],
    [["more", "than"], "over"], [["over"], "over"], [["above"], "over"], [["at", "least"], "over"],
    [["upwards", "of"], "over"], [["in", "excess", "of"], "over"], [["exceeding"], "over"],
    [["less", "than"], "under"], [["fewer", "than"], "under"], [["under"], "under"], [["below"], "under"],
    [["up", "to"], "under"], [["nearly"], "under"], [["almost"], "under"], [["just", "under"], "under"],
    [["no", "more", "than"], "under"],
  ] as const
).map(([words, q]) => ({ words: words.map(fold), q }));

/** Words after a figure meaning "approximately". */
export const APPROX_AFTER: Set<string> = foldedSet(["تقريبا", "تقريباً", "approximately", "or so"]);

/** Words before a figure that make it a past or compared value, not a claim about now. */
export const COMPARISON_BEFORE: readonly (readonly string[])[] = [
  ["مقارنة"], ["مقارنة", "ب"], ["مقارنة", "مع"], ["بالمقارنة", "مع"], ["مقابل"], ["بعد", "أن", "كان"],
  ["بعد", "أن", "كانت"], ["بعدما", "كان"], ["بعدما", "كانت"], ["بدلا", "من"], ["عوضا", "عن"],
  ["up", "from"], ["down", "from"], ["compared", "with"], ["compared", "to"], ["versus"], ["vs"],
  ["vs."], ["instead", "of"], ["rather", "than"], ["previously"],
  ["higher", "than"], ["lower", "than"], ["أعلى", "من"], ["أدنى", "من"],
].map((p) => p.map(fold));

/** Words before a figure that make it a change, not a total: "بزيادة قدرها 4.5 مليون",
 *  "up by 5%", "an increase of 300". */
export const CHANGE_BEFORE: readonly (readonly string[])[] = [
  ["بزيادة"], ["بزيادة", "قدرها"], ["زيادة", "قدرها"], ["بارتفاع"], ["بارتفاع", "قدره"], ["بانخفاض"],
  ["بانخفاض", "قدره"], ["بتراجع"], ["بنقص"], ["بمقدار"], ["قدرها"], ["قدره"], ["بفارق"],
  ["up", "by"], ["down", "by"], ["rose", "by"], ["fell", "by"], ["increased", "by"], ["decreased", "by"],
  ["grew", "by"], ["dropped", "by"], ["declined", "by"], ["jumped", "by"], ["increase", "of"],
  ["decrease", "of"], ["rise", "of"], ["drop", "of"], ["fall", "of"], ["jump", "of"], ["decline", "of"],
  ["gain", "of"], ["loss", "of"], ["another"], ["additional"], ["آخرين"], ["إضافيين"],
].map((p) => p.map(fold));


export const PERSON_NOUNS: Set<string> = foldedSet(["شخص", "نسمه", "فرد", "person", "individual"]);

export const STOPWORDS: Set<string> = foldedSet([
  "في", "من", "إلى", "الى", "على", "عن", "مع", "حتى", "منذ", "خلال", "بين", "عند", "لدى", "نحو", "حول",
  "قبل", "بعد", "ضد", "دون", "عبر", "وفق", "ثم", "أو", "او", "لكن", "بل", "قد", "لقد", "لا", "لم", "لن", "ما",
  "أن", "إن", "ان", "أنه", "إنه", "أنها", "إنها", "أنهم", "هذا", "هذه", "ذلك", "تلك", "هو", "هي", "هم", "هن",
  "كل", "بعض", "التي", "الذي", "الذين", "كما", "إذا", "اذا", "لو", "كان", "كانت", "يكون", "تكون", "فقط",
  "أيضا", "ايضا", "تقريبا", "أكثر", "أقل", "منهم", "منها", "منه", "منهن", "فيها", "فيه", "عليها", "عليه",
  "لها", "له", "لهم", "به", "بها", "أي", "إلا", "سوى", "غير", "مثل", "ضمن", "إثر", "جراء", "بسبب",
  "لصالح", "حيث", "بينما", "بينهم", "عدا", "وهو", "وهي", "وهم", "الآن", "اليوم", "أمس", "فيما", "مما",
  "كذلك", "ولا", "وقد", "وفي", "ومن", "وإلى", "وعلى", "عدد", "نسبة", "بنسبة", "قيمة", "بقيمة", "مبلغ", "بمبلغ",
  "إجمالي", "مجموع", "وذلك", "هناك", "هنا", "أمام", "وراء", "تحت", "فوق", "لأن", "كي", "لكي",
  "of", "in", "on", "at", "to", "from", "by", "with", "for", "and", "or", "but", "nor", "the", "a", "an",
  "were", "was", "are", "is", "be", "been", "being", "have", "has", "had", "that", "which", "who", "whom",
  "whose", "this", "these", "those", "per", "than", "more", "less", "last", "next", "each", "every", "as",
  "into", "over", "under", "about", "around", "after", "before", "during", "since", "until", "while", "if",
  "so", "not", "no", "also", "only", "just", "some", "any", "all", "both", "its", "their", "his", "her",
  "our", "your", "my", "it", "they", "he", "she", "we", "i", "you", "there", "here", "what", "when",
  "where", "why", "how", "can", "could", "will", "would", "may", "might", "must", "shall", "should", "do",
  "does", "did", "said", "says", "say", "according", "including", "up", "down", "out", "off", "through",
  "against", "between", "among", "across", "within", "without", "again", "then", "now", "yet", "still",
  "even", "ago", "earlier", "later", "already", "total", "approximately", "roughly", "nearly", "almost",
  "or", "them", "whom", "whereas", "because", "although", "though", "too", "very", "such",
]);

/** English words that sit between a figure and the noun it counts ("5 million Syrian refugees"). */
export const EN_ADJECTIVES: Set<string> = new Set([
  "more", "other", "additional", "new", "old", "young", "displaced", "internally", "registered",
  "local", "foreign", "civilian", "military", "armed", "unaccompanied", "small", "large", "extra",
  "further", "fewer", "separate", "different", "individual", "daily", "annual", "monthly",
  "hot", "free", "emergency", "medical", "humanitarian", "food", "school", "health", "aid",
]);

/** Arabic nouns that begin with و and are not the conjunction و + a word. */
export const WAW_NOUNS: Set<string> = foldedSet([
  "وحدة", "وحدات", "وجبة", "وجبات", "وفاة", "وفيات", "ولاية", "ولايات", "وثيقة", "وثائق", "وظيفة",
  "وظائف", "وزير", "وزراء", "وكالة", "وكالات", "وسيلة", "وسائل", "وقود", "ورقة", "أوراق", "ولادة",
  "ولادات", "وافد", "وافدين", "وحدة", "وزارة", "وزارات", "وديعة", "ودائع",
]);
