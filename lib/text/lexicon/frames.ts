// Word lists that give a figure its frame: what is measured, who says so, when, and
// whether it is a part of a larger figure. Entries are written as in text and folded
// (see normalize.ts) when the module loads.
import { fold } from "../normalize";

function foldAll(words: readonly string[]): string[] {
  return words.map(fold);
}

/**
 * Measure classes. `exact` words match whole (after a proclitic and the article are
 * dropped); `stems` are Arabic stems that may carry up to three letters of inflection
 * after them ("قتلوا", "حررنا", "أصيبوا"). English words are matched whole.
 */
type MeasureEntry = { exact: readonly string[]; stems?: readonly string[] };

const MEASURES: Record<string, MeasureEntry> = {
  deaths: {
    exact: [
      "قتلى", "قتيل", "قتيلا", "مقتل", "حتفهم", "حتفه", "حتفها", "وفاة", "وفيات", "الوفيات", "توفي", "توفوا", "موتى",
      "شهيد", "شهيدا", "شهداء", "جثة", "جثث", "جثمان", "جثامين", "ضحايا", "ضحية", "حصيلة", "الحصيلة", "حصيله",
      "killed", "kill", "kills", "killing", "dead", "deaths", "death", "died", "die", "fatalities", "fatality",
      "bodies", "body", "toll", "perished", "lives", "victims",
    ],
    stems: ["قتل", "استشهد", "توف", "جثث", "جثه"],
  },
  injuries: {
    exact: [
      "جرحى", "جريح", "جريحا", "إصابة", "إصابات", "مصاب", "مصابا", "مصابين", "جروح",
      "injured", "injuring", "injuries", "injury", "wounded", "wounding", "hurt",
    ],
    stems: ["أصيب", "جرح", "اصيب"],
  },
  missing: { exact: ["مفقود", "مفقودا", "مفقودين", "missing", "unaccounted"], stems: ["فقد"] },
  arrests: {
    exact: [
      "معتقل", "معتقلا", "معتقلين", "محتجز", "محتجزا", "محتجزين", "موقوف", "موقوفين", "القبض",
      "arrested", "arrests", "arrest", "detained", "detainees", "detainee", "detentions", "held",
    ],
    stems: ["اعتقل", "احتجز", "أوقف", "اوقف", "توقيف"],
  },
  displaced: {
    exact: ["نازح", "نازحا", "نازحين", "مهجر", "مهجرين", "مشرد", "مشردين", "displaced", "fled", "flee", "fleeing", "homeless", "uprooted"],
    stems: ["نزح", "نزوح", "هجر", "تهجير", "شرد", "فروا"],
  },
  refugees: { exact: ["لاجئ", "لاجئا", "لاجئين", "refugees", "refugee", "asylum"], stems: ["لاجئ", "لجوء"] },
  freed: {
    exact: ["سراح", "freed", "liberated", "released", "release", "freeing"],
    stems: ["حرر", "تحرير", "أفرج", "افرج", "الإفراج", "محرر"],
  },
  rescued: { exact: ["rescued", "saved", "rescue"], stems: ["أنقذ", "انقذ", "إنقاذ", "انقاذ"] },
  evacuated: { exact: ["evacuated", "evacuation", "evacuate"], stems: ["أجلي", "اجلي", "إجلاء", "اجلاء"] },
  need: {
    exact: ["بحاجة", "حاجة", "need", "needs", "needed", "require", "requires", "required", "requirement", "seeks", "seek", "sought", "appeal", "appeals", "appealed", "requested", "request", "asks", "asked"],
    stems: ["يحتاج", "تحتاج", "محتاج", "احتياج", "تطلب", "يطلب", "نداء", "تحتاجه", "يتطلب", "تتطلب"],
  },
  targeted: { exact: ["targeted", "target", "targets", "reach", "aims"], stems: ["يستهدف", "تستهدف", "مستهدف", "استهداف"] },
  affected: { exact: ["affected", "متضرر", "متضررين", "المتضررين"], stems: ["تضرر", "متضرر"] },
  pledged: { exact: ["pledged", "pledges", "pledge", "promised", "pledging"], stems: ["تعهد", "تبرع", "تعهدات"] },
  raised: { exact: ["raised", "received", "funded", "collected", "secured"], stems: ["جمع", "تلقى", "تلقت", "حصل"] },
  spent: { exact: ["spent", "cost", "costs", "costing", "spending"], stems: ["أنفق", "انفق", "إنفاق", "انفاق", "تكلف", "كلف"] },
  losses: { exact: ["losses", "damage", "damages", "خسائر", "أضرار"], stems: ["خسائر", "اضرار"] },
  unemployed: { exact: ["unemployed", "jobless", "unemployment", "المتعطلين", "العاطلين", "البطالة", "بطالة"], stems: ["متعطل", "عاطل", "بطال"] },
  employed: { exact: ["employed", "المشتغلين", "المشتغلون", "employment"], stems: ["مشتغل"] },
  labourForce: { exact: ["workforce", "labour-force"], stems: [] },
  population: { exact: ["population", "inhabitants", "residents", "نسمة", "سكان", "السكان", "نسمه"], stems: [] },
  cases: { exact: ["cases", "infections", "infected"], stems: [] },
  budget: { exact: ["budget", "budgets", "ميزانية", "الميزانية", "موازنة", "الموازنة"], stems: [] },
  aid: { exact: ["aid", "assistance", "مساعدات", "المساعدات", "كمساعدات", "للمساعدات"], stems: [] },
};

/** Two-word measures, keyed by "first second" (folded). */
const MEASURE_PHRASES: Record<string, string> = {
  "قوة العمل": "labourForce", "قوه العمل": "labourForce", "القوى العاملة": "labourForce",
  "labour force": "labourForce", "labor force": "labourForce",
  "in need": "need", "لقي حتفه": "deaths", "لقوا حتفهم": "deaths", "أطلق سراح": "freed",
  "death toll": "deaths", "casualty toll": "deaths",
};

export const MEASURE_EXACT: Map<string, string> = new Map();
export const MEASURE_STEMS: Map<string, string> = new Map();
for (const [cls, entry] of Object.entries(MEASURES)) {
  for (const w of foldAll(entry.exact)) if (!MEASURE_EXACT.has(w)) MEASURE_EXACT.set(w, cls);
  for (const s of foldAll(entry.stems ?? [])) if (!MEASURE_STEMS.has(s)) MEASURE_STEMS.set(s, cls);
}
export const MEASURE_PHRASE: Map<string, string> = new Map(Object.entries(MEASURE_PHRASES).map(([k, v]) => [k.split(" ").map(fold).join(" "), v]));

/** Counted nouns that name who, not what happened: a qualifier of the measure. */
export const SUBGROUP_NOUNS: Set<string> = new Set(
  foldAll([
    "طفل", "امرأه", "مدني", "جندي", "عسكري", "شرطي", "مسلح", "مقاتل", "اجنبي", "صحفي", "طبيب", "مسعف", "عامل",
    "تلميذ", "طالب", "مهاجر", "سائح", "عنصر", "ضابط", "رجل", "مسن",
    "child", "woman", "civilian", "soldier", "police", "policeman", "officer", "fighter", "militant",
    "foreigner", "journalist", "doctor", "medic", "worker", "student", "migrant", "tourist", "troop", "man",
  ]),
);

/** Generic person nouns: they say nothing of the measure on their own. */
export const GENERIC_COUNT_NOUNS: Set<string> = new Set(
  foldAll(["شخص", "فرد", "نسمه", "مواطن", "انسان", "ساكن", "person", "individual", "people", "human", "other", "اخر", "others"]),
);

/** Words right before a figure that make it a part of a figure given before it. */
export const PART_BEFORE: Set<string> = new Set(
  foldAll(["بينهم", "بينهن", "منهم", "منهن", "بينها", "منها", "including", "includes", "include"]),
);
export const PART_PHRASES_BEFORE: readonly (readonly string[])[] = [
  ["من", "بينهم"], ["من", "بينهن"], ["among", "them"], ["among", "those"], ["of", "whom"], ["of", "them"],
  ["of", "which"], ["على", "الأقل", "منهم"],
].map(foldAll);
/** Words anywhere in the clause that make a figure a part: "in Syria alone". */
export const PART_WORDS: Set<string> = new Set(foldAll(["alone", "وحدها", "وحده", "لوحدها", "لوحده", "بمفرده", "بمفردها"]));

/** Region nouns in the plural: "in four provinces", "في ثلاث محافظات" narrow a figure. */
export const REGION_PLURALS: Set<string> = new Set(
  foldAll(["provinces", "regions", "districts", "governorates", "states", "محافظات", "مناطق", "ولايات", "أقاليم", "مقاطعات"]),
);
/** "nationwide", "across the country", "في أنحاء البلاد": the whole. */
export const NATIONAL_WORDS: Set<string> = new Set(foldAll(["nationwide", "countrywide", "أنحاء", "عموم"]));

/** Attribution verbs: the subject after them (Arabic) or before them (English) is the source. */
export const SOURCE_VERBS_AR: Set<string> = new Set(
  foldAll([
    "قال", "قالت", "أفاد", "أفادت", "ذكر", "ذكرت", "أعلن", "أعلنت", "أكد", "أكدت", "نقلت", "نقل", "أوضح", "أوضحت",
    "صرح", "صرحت", "كشف", "كشفت", "أشار", "أشارت", "أحصى", "أحصت", "وثق", "وثقت", "قدر", "قدرت", "أورد", "أوردت",
    "تقول", "يقول", "أضاف", "أضافت", "تابع", "تابعت", "أظهرت", "أظهر", "أبلغ", "أبلغت", "نشرت", "نشر",
  ]),
);
export const SOURCE_VERBS_EN: Set<string> = new Set([
  "said", "says", "told", "reported", "reports", "announced", "stated", "estimated", "estimates", "put", "puts",
  "counted", "confirmed", "added", "according", "claimed", "recorded", "tallied", "documented", "showed", "show",
]);
/** Prepositions of attribution followed by the source: "بحسب", "according to". */
export const SOURCE_PREPS: Set<string> = new Set(foldAll(["بحسب", "حسب", "وفق", "وفقا", "طبقا", "نقلا", "بناء"]));
/** Words that end an Arabic subject ("قال رئيس البلدية إن ..."). */
export const SOURCE_STOP_AR: Set<string> = new Set(
  foldAll(["إن", "أن", "ان", "إنه", "أنه", "انه", "إنها", "أنها", "عن", "في", "على", "إلى", "الى", "يوم", "أمس", "اليوم", "مساء", "صباح", "خلال", "بعد", "قبل", "بأن", "بان", "ل", "أيضا", "كذلك", "لاحقا", "عنه", "عنها", "فيما", "بينما", "حيث", "مضيفا", "مضيفة", "من", "عدد", "حصيلة", "الحصيلة", "قوله", "قولها", "لكن", "ولكن", "قد", "لقد", "كان", "كانت", "وكان", "وكانت", "فيما", "وقد", "إنها", "إنهم", "أنهم"]),
);
export const SOURCE_STOP_EN: Set<string> = new Set([
  "and", "but", "while", "whereas", "that", "which", "who", "on", "in", "at", "as", "after", "before", "when",
  "later", "earlier", "also", "had", "has", "have", "was", "were", "is", "are", "it", "then", "yesterday", "today",
  "tuesday", "monday", "wednesday", "thursday", "friday", "saturday", "sunday", "said", "the", "a", "an",
]);

/** Phrases (folded words) that mark a sentence's figures as reported earlier. */
export const EARLIER_PHRASES: readonly (readonly string[])[] = [
  ["في", "وقت", "سابق"], ["وقت", "سابق"], ["سبق", "أن"], ["سابقا"], ["previously"], ["earlier"], ["initially"],
  ["had", "put"], ["had", "said"], ["had", "reported"], ["had", "announced"], ["had", "given"], ["had", "estimated"],
  ["initial", "toll"], ["previous", "toll"], ["earlier", "toll"], ["الحصيلة", "السابقة"], ["حصيلة", "سابقة"],
  ["حصيلة", "أولية"], ["الحصيلة", "الأولية"], ["preliminary"], ["كانت", "قد"], ["كان", "قد"], ["قد", "أعلنت"],
  ["أولي"], ["أولية"], ["مبدئية"],
].map(foldAll);
/** Phrases before a figure that make it the newer value of a change: "rose to", "ارتفعت إلى". */
export const RISE_VERBS: Set<string> = new Set(
  foldAll(["rose", "risen", "climbed", "increased", "jumped", "grew", "mounted", "ارتفعت", "ارتفع", "ترتفع", "يرتفع", "قفزت", "قفز", "زادت", "زاد", "تصاعدت", "ارتفاع"]),
);
/** Sentences about another period: compared only with the same period. */
export const PREVIOUS_PERIOD_PHRASES: readonly (readonly string[])[] = [
  ["last", "year"], ["last", "year's"], ["previous", "year"], ["previous", "quarter"], ["last", "quarter"], ["prior", "year"],
  ["a", "year", "ago"], ["a", "year", "earlier"], ["the", "year", "before"], ["last", "month"], ["previous", "month"],
  ["العام", "الماضي"], ["السنة", "الماضية"], ["الشهر", "الماضي"], ["الربع", "السابق"], ["الربع", "الماضي"],
  ["العام", "السابق"], ["السنة", "السابقة"], ["الشهر", "السابق"], ["قبل", "عام"], ["قبل", "سنة"], ["الموسم", "الماضي"],
  ["الدورة", "السابقة"], ["العام", "المنصرم"], ["last", "season"], ["last", "week"], ["الأسبوع", "الماضي"],
].map(foldAll);
export const CURRENT_PERIOD_PHRASES: readonly (readonly string[])[] = [
  ["this", "year"], ["this", "quarter"], ["this", "month"], ["هذا", "العام"], ["العام", "الحالي"], ["العام", "الجاري"],
  ["هذه", "السنة"], ["الربع", "الحالي"], ["الشهر", "الحالي"], ["الشهر", "الجاري"], ["هذا", "الربع"],
].map(foldAll);
/** Projections rather than counts. */
export const PROJECTION_MARKERS: Set<string> = new Set(
  foldAll([
    "may", "might", "could", "expected", "expects", "predicted", "forecast", "forecasts", "projected", "projection",
    "estimate", "feared", "fears", "likely", "would", "will", "target", "goal", "plans", "aims",
    "يتوقع", "تتوقع", "متوقع", "المتوقع", "توقعات", "قد", "ربما", "يرجح", "ترجح", "يخشى", "مرشحة", "مرشح", "سوف", "سيصل",
    "ستصل", "يصل", "تصل", "تخطط", "يخطط", "تستهدف", "يستهدف", "تهدف", "يهدف",
  ]),
);
/** Sentences recalling another event: "a similar attack", "هجوم سابق", "in which". */
export const OTHER_EVENT_PHRASES: readonly (readonly string[])[] = [
  ["in", "which"], ["previous", "attack"], ["earlier", "attack"], ["similar", "attack"], ["another", "attack"],
  ["last", "attack"], ["هجوم", "سابق"], ["هجوم", "مماثل"], ["هجوم", "آخر"], ["تفجير", "سابق"], ["تفجير", "مماثل"],
  ["انفجار", "سابق"], ["زلزال", "سابق"], ["حادث", "سابق"], ["حادثة", "سابقة"], ["هجمات", "سابقة"], ["the", "previous"],
  ["أسفر", "آنذاك"], ["آنذاك"], ["at", "the", "time"], ["في", "حينه"], ["في", "حينها"],
].map(foldAll);
/** Sentences counting within a recent window ("overnight", "خلال الساعات الماضية"): an
 *  increment, not a running total. */
export const INCREMENT_PHRASES: readonly (readonly string[])[] = [
  ["overnight"], ["in", "the", "past", "24", "hours"], ["in", "the", "last", "24", "hours"], ["since", "yesterday"],
  ["خلال", "الساعات", "الماضية"], ["خلال", "الساعات", "الأخيرة"], ["خلال", "الـ24", "ساعة"], ["منذ", "أمس"],
  ["خلال", "ال24", "ساعة"], ["خلال", "24", "ساعة"], ["الساعات", "الـ24", "الماضية"],
].map(foldAll);
/** Measures of an event's toll: a figure with a year against one without is another event. */
export const EVENT_MEASURES: Set<string> = new Set(["deaths", "injuries", "missing", "arrests", "displaced", "evacuated", "rescued", "affected"]);
