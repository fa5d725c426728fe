// Word lists for quantity extraction. Entries are written as they appear in text and
// folded (see normalize.ts) when the module loads, so lookups never depend on harakat,
// hamza forms or ta marbuta.
import { fold, nounKey } from "../normalize";

function foldedSet(words: readonly string[]): Set<string> {
  return new Set(words.map(fold));
}

function foldedMap<T>(entries: Record<string, T>): Map<string, T> {
  const m = new Map<string, T>();
  for (const [k, v] of Object.entries(entries)) m.set(fold(k), v);
  return m;
}

// ---------------------------------------------------------------------------------
// Scale words. `form` matters only when no digit precedes: a dual ("مليوني شخص") is
// two of the scale, a singular ("مليون لاجئ") one, and a plural ("آلاف") is vague.
export type ScaleForm = "singular" | "dual" | "dualOrSingular" | "plural";
export type ScaleWord = { exp: number; form: ScaleForm };

export const SCALE_WORDS: Map<string, ScaleWord> = foldedMap<ScaleWord>({
  "ألف": { exp: 3, form: "singular" },
  "ألفا": { exp: 3, form: "dualOrSingular" },
  "ألفي": { exp: 3, form: "dual" },
  "ألفين": { exp: 3, form: "dual" },
  "آلاف": { exp: 3, form: "plural" },
  "الاف": { exp: 3, form: "plural" },
  "ألوف": { exp: 3, form: "plural" },
  "مليون": { exp: 6, form: "singular" },
  "مليونا": { exp: 6, form: "dualOrSingular" },
  "مليوني": { exp: 6, form: "dual" },
  "مليونين": { exp: 6, form: "dual" },
  "ملايين": { exp: 6, form: "plural" },
  "مليار": { exp: 9, form: "singular" },
  "مليارا": { exp: 9, form: "dualOrSingular" },
  "ملياري": { exp: 9, form: "dual" },
  "مليارين": { exp: 9, form: "dual" },
  "مليارات": { exp: 9, form: "plural" },
  "بليون": { exp: 9, form: "singular" },
  "بليونا": { exp: 9, form: "dualOrSingular" },
  "بليوني": { exp: 9, form: "dual" },
  "بلايين": { exp: 9, form: "plural" },
  "تريليون": { exp: 12, form: "singular" },
  "ترليون": { exp: 12, form: "singular" },
  "تريليونا": { exp: 12, form: "dualOrSingular" },
  "تريليونات": { exp: 12, form: "plural" },
  "ترليونات": { exp: 12, form: "plural" },
  thousand: { exp: 3, form: "singular" },
  million: { exp: 6, form: "singular" },
  billion: { exp: 9, form: "singular" },
  trillion: { exp: 12, form: "singular" },
  mln: { exp: 6, form: "plural" },
  // A common misspelling in wire copy, and the South Asian scales.
  millon: { exp: 6, form: "singular" },
  lakh: { exp: 5, form: "singular" }, lakhs: { exp: 5, form: "plural" },
  crore: { exp: 7, form: "singular" }, crores: { exp: 7, form: "plural" },
  bln: { exp: 9, form: "plural" },
});

/** Arabic words sometimes written glued to the digits after them ("حوالى180 ألفا"). */
export const GLUED_BEFORE_DIGITS: Set<string> = foldedSet([
  "حوالى", "حوالي", "نحو", "قرابة", "زهاء", "بنحو", "بحوالي", "بحوالى", "في", "من", "إلى", "الى", "على", "عن", "حتى", "بين",
]);

/** Abbreviated scales glued to a figure ("$4.2bn", "£3m", "$50k"): only read as scales
 *  next to a currency, since "5m" alone is five metres. */
export const SCALE_SUFFIXES: Map<string, number> = new Map([
  ["k", 3], ["m", 6], ["mn", 6], ["mln", 6], ["b", 9], ["bn", 9], ["bln", 9], ["tn", 12], ["trn", 12],
]);

// Number words before a scale word ("ثلاثة ملايين", "two million", "half a million").
// Small number words on their own are not read as figures: they are mostly prose
// ("قبل ستة أعوام"), and newsrooms write the figures that matter in digits.
export const NUMBER_WORDS: Map<string, number> = foldedMap<number>({
  "واحد": 1, "واحدة": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2,
  "ثلاث": 3, "ثلاثة": 3, "أربع": 4, "أربعة": 4, "خمس": 5, "خمسة": 5, "ست": 6, "ستة": 6,
  "سبع": 7, "سبعة": 7, "ثمان": 8, "ثماني": 8, "ثمانية": 8, "تسع": 9, "تسعة": 9,
  "عشر": 10, "عشرة": 10, "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30,
  "أربعون": 40, "أربعين": 40, "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60,
  "سبعون": 70, "سبعين": 70, "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90,
  "مئة": 100, "مائة": 100, "مئتا": 200, "مئتي": 200, "مائتا": 200, "مائتي": 200,
  "مئتين": 200, "مائتين": 200, "ثلاثمئة": 300, "ثلاثمائة": 300, "أربعمئة": 400,
  "أربعمائة": 400, "خمسمئة": 500, "خمسمائة": 500, "ستمئة": 600, "ستمائة": 600,
  "سبعمئة": 700, "سبعمائة": 700, "ثمانمئة": 800, "ثمانمائة": 800, "ثمانيمائة": 800,
  "تسعمئة": 900, "تسعمائة": 900, "نصف": 0.5, "ربع": 0.25,
  a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40,
  fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, half: 0.5,
  quarter: 0.25,
});

// ---------------------------------------------------------------------------------
// Currencies. `words` are the folded words of the name as written after a figure;
// a following nationality adjective may refine the unit.
export type Currency = { unit: string; code?: string };
type CurrencyEntry = Currency & { adjectives?: Record<string, Currency> };

const PER_DOLLAR: Record<string, Currency> = {
  "أمريكي": { unit: "dollars", code: "USD" }, "أميركي": { unit: "dollars", code: "USD" },
  "كندي": { unit: "Canadian dollars", code: "CAD" }, "أسترالي": { unit: "Australian dollars", code: "AUD" },
};
const PER_LIRA: Record<string, Currency> = {
  "سورية": { unit: "Syrian pounds", code: "SYP" }, "سوري": { unit: "Syrian pounds", code: "SYP" },
  "تركية": { unit: "Turkish liras", code: "TRY" }, "تركي": { unit: "Turkish liras", code: "TRY" },
  "لبنانية": { unit: "Lebanese pounds", code: "LBP" }, "لبناني": { unit: "Lebanese pounds", code: "LBP" },
};
const PER_POUND: Record<string, Currency> = {
  "مصري": { unit: "Egyptian pounds", code: "EGP" }, "إسترليني": { unit: "pounds sterling", code: "GBP" },
  "استرليني": { unit: "pounds sterling", code: "GBP" }, "سوداني": { unit: "Sudanese pounds", code: "SDG" },
};
const PER_RIYAL: Record<string, Currency> = {
  "سعودي": { unit: "Saudi riyals", code: "SAR" }, "قطري": { unit: "Qatari riyals", code: "QAR" },
  "عماني": { unit: "Omani rials", code: "OMR" }, "يمني": { unit: "Yemeni rials", code: "YER" },
  "إيراني": { unit: "Iranian rials", code: "IRR" },
};
const PER_DIRHAM: Record<string, Currency> = {
  "إماراتي": { unit: "UAE dirhams", code: "AED" }, "مغربي": { unit: "Moroccan dirhams", code: "MAD" },
};
const PER_DINAR: Record<string, Currency> = {
  "عراقي": { unit: "Iraqi dinars", code: "IQD" }, "أردني": { unit: "Jordanian dinars", code: "JOD" },
  "كويتي": { unit: "Kuwaiti dinars", code: "KWD" }, "ليبي": { unit: "Libyan dinars", code: "LYD" },
  "تونسي": { unit: "Tunisian dinars", code: "TND" }, "جزائري": { unit: "Algerian dinars", code: "DZD" },
  "بحريني": { unit: "Bahraini dinars", code: "BHD" },
};

function withAdjectives(c: Currency, adjectives: Record<string, Currency>): CurrencyEntry {
  const folded: Record<string, Currency> = {};
  for (const [k, v] of Object.entries(adjectives)) folded[fold(k)] = v;
  return { ...c, adjectives: folded };
}

const DOLLAR = withAdjectives({ unit: "dollars", code: "USD" }, PER_DOLLAR);
const LIRA = withAdjectives({ unit: "liras" }, PER_LIRA);
const POUND_AR = withAdjectives({ unit: "pounds" }, PER_POUND);
const RIYAL = withAdjectives({ unit: "riyals" }, PER_RIYAL);
const DIRHAM = withAdjectives({ unit: "dirhams" }, PER_DIRHAM);
const DINAR = withAdjectives({ unit: "dinars" }, PER_DINAR);
const EURO: CurrencyEntry = { unit: "euros", code: "EUR" };
const POUND_EN: CurrencyEntry = { unit: "pounds sterling", code: "GBP", adjectives: { sterling: { unit: "pounds sterling", code: "GBP" } } };

export const CURRENCY_WORDS: Map<string, CurrencyEntry> = foldedMap<CurrencyEntry>({
  "دولار": DOLLAR, "دولارا": DOLLAR, "دولارات": DOLLAR, "دولاراً": DOLLAR,
  "يورو": EURO, "ليرة": LIRA, "ليرات": LIRA, "ليره": LIRA,
  "جنيه": POUND_AR, "جنيها": POUND_AR, "جنيهات": POUND_AR,
  "ريال": RIYAL, "ريالا": RIYAL, "ريالات": RIYAL,
  "درهم": DIRHAM, "درهما": DIRHAM, "دراهم": DIRHAM,
  "دينار": DINAR, "دينارا": DINAR, "دنانير": DINAR,
  "شيكل": { unit: "shekels", code: "ILS" }, "شيقل": { unit: "shekels", code: "ILS" },
  "تومان": { unit: "tomans", code: "IRR" }, "يوان": { unit: "yuan", code: "CNY" },
  "روبل": { unit: "rubles", code: "RUB" },
  dollar: DOLLAR, dollars: DOLLAR, euro: EURO, euros: EURO, pound: POUND_EN, pounds: POUND_EN,
  yen: { unit: "yen", code: "JPY" }, yuan: { unit: "yuan", code: "CNY" },
  renminbi: { unit: "yuan", code: "CNY" }, rupee: { unit: "rupees", code: "INR" },
  rupees: { unit: "rupees", code: "INR" }, riyal: { unit: "Saudi riyals", code: "SAR" },
  riyals: { unit: "Saudi riyals", code: "SAR" }, dirham: { unit: "UAE dirhams", code: "AED" },
  dirhams: { unit: "UAE dirhams", code: "AED" }, dinar: { unit: "dinars" }, dinars: { unit: "dinars" },
  lira: { unit: "Turkish liras", code: "TRY" }, liras: { unit: "Turkish liras", code: "TRY" },
  lire: { unit: "Turkish liras", code: "TRY" }, shekel: { unit: "shekels", code: "ILS" },
  shekels: { unit: "shekels", code: "ILS" }, francs: { unit: "francs" }, franc: { unit: "francs" },
  rubles: { unit: "rubles", code: "RUB" }, roubles: { unit: "rubles", code: "RUB" },
});

/** "US dollars", "Syrian pounds": an English adjective before the currency word. */
export const EN_CURRENCY_ADJECTIVES: Map<string, Currency> = new Map<string, Currency>([
  ["us", { unit: "dollars", code: "USD" }], ["u.s.", { unit: "dollars", code: "USD" }],
  ["american", { unit: "dollars", code: "USD" }], ["canadian", { unit: "Canadian dollars", code: "CAD" }],
  ["australian", { unit: "Australian dollars", code: "AUD" }], ["syrian", { unit: "Syrian pounds", code: "SYP" }],
  ["egyptian", { unit: "Egyptian pounds", code: "EGP" }], ["lebanese", { unit: "Lebanese pounds", code: "LBP" }],
  ["turkish", { unit: "Turkish liras", code: "TRY" }], ["british", { unit: "pounds sterling", code: "GBP" }],
]);

/** Currency symbols and ISO codes written before or after the amount. */
export const CURRENCY_SYMBOLS: Map<string, Currency> = new Map<string, Currency>([
  ["$", { unit: "dollars", code: "USD" }], ["US$", { unit: "dollars", code: "USD" }],
  ["€", { unit: "euros", code: "EUR" }], ["£", { unit: "pounds sterling", code: "GBP" }],
  ["¥", { unit: "yen", code: "JPY" }], ["₺", { unit: "Turkish liras", code: "TRY" }],
  ["₪", { unit: "shekels", code: "ILS" }], ["₹", { unit: "rupees", code: "INR" }],
  ["USD", { unit: "dollars", code: "USD" }], ["EUR", { unit: "euros", code: "EUR" }],
  ["GBP", { unit: "pounds sterling", code: "GBP" }], ["SAR", { unit: "Saudi riyals", code: "SAR" }],
  ["AED", { unit: "UAE dirhams", code: "AED" }], ["EGP", { unit: "Egyptian pounds", code: "EGP" }],
  ["SYP", { unit: "Syrian pounds", code: "SYP" }], ["TRY", { unit: "Turkish liras", code: "TRY" }],
  ["LBP", { unit: "Lebanese pounds", code: "LBP" }], ["JOD", { unit: "Jordanian dinars", code: "JOD" }],
  ["IQD", { unit: "Iraqi dinars", code: "IQD" }], ["KWD", { unit: "Kuwaiti dinars", code: "KWD" }],
  ["QAR", { unit: "Qatari riyals", code: "QAR" }],
]);

// ---------------------------------------------------------------------------------
// Units of measure and of time. Keys are space-joined folded words; the longest match
// wins, so "كيلومتر مربع" is an area and "كيلومتر" a length.
export type UnitEntry = { kind: "measure" | "duration"; unit: string };

function m(unit: string): UnitEntry {
  return { kind: "measure", unit };
}
function d(unit: string): UnitEntry {
  return { kind: "duration", unit };
}

const KM2 = m("km²");
const M2 = m("m²");
export const UNIT_WORDS: Map<string, UnitEntry> = foldedMap<UnitEntry>({
  "كم مربع": KM2, "كم مربعا": KM2, "كلم مربع": KM2, "كيلومتر مربع": KM2, "كيلومترا مربعا": KM2,
  "كيلومترات مربعة": KM2, "كيلو متر مربع": KM2, "كم²": KM2, "كم2": KM2,
  "square kilometres": KM2, "square kilometers": KM2, "square kilometre": KM2, "square kilometer": KM2,
  "sq km": KM2, "km2": KM2, "km²": KM2,
  "كم": m("km"), "كلم": m("km"), "كيلومتر": m("km"), "كيلومترا": m("km"), "كيلومترات": m("km"),
  "كيلو متر": m("km"), km: m("km"), kilometres: m("km"), kilometers: m("km"), kilometre: m("km"), kilometer: m("km"),
  "متر مربع": M2, "مترا مربعا": M2, "أمتار مربعة": M2, "م²": M2, "م2": M2,
  "square metres": M2, "square meters": M2, "sq m": M2, "m2": M2, "m²": M2,
  "متر مكعب": m("m³"), "مترا مكعبا": m("m³"), "أمتار مكعبة": m("m³"), "م³": m("m³"),
  "cubic metres": m("m³"), "cubic meters": m("m³"), "m3": m("m³"), "m³": m("m³"),
  "متر": m("m"), "مترا": m("m"), "أمتار": m("m"), metres: m("m"), meters: m("m"), metre: m("m"), meter: m("m"),
  "سم": m("cm"), "سنتيمتر": m("cm"), "سنتيمترا": m("cm"), cm: m("cm"), centimetres: m("cm"), centimeters: m("cm"),
  "ملم": m("mm"), "مم": m("mm"), "مليمتر": m("mm"), mm: m("mm"), millimetres: m("mm"), millimeters: m("mm"),
  "ميل": m("miles"), "ميلا": m("miles"), "أميال": m("miles"), miles: m("miles"), mile: m("miles"),
  "square miles": m("square miles"), "sq mi": m("square miles"),
  feet: m("feet"), foot: m("feet"), ft: m("feet"),
  "هكتار": m("hectares"), "هكتارا": m("hectares"), "هكتارات": m("hectares"),
  hectares: m("hectares"), hectare: m("hectares"), ha: m("hectares"),
  "دونم": m("dunams"), "دونما": m("dunams"), "دونمات": m("dunams"), dunams: m("dunams"), dunums: m("dunams"),
  "فدان": m("feddans"), "فدانا": m("feddans"), "أفدنة": m("feddans"), feddans: m("feddans"),
  acres: m("acres"), acre: m("acres"),
  "طن": m("tons"), "طنا": m("tons"), "أطنان": m("tons"), tonnes: m("tons"), tons: m("tons"),
  tonne: m("tons"), ton: m("tons"),
  "كغ": m("kg"), "كلغ": m("kg"), "كيلوغرام": m("kg"), "كيلوغراما": m("kg"), "كيلوجرام": m("kg"),
  "كيلوجراما": m("kg"), "كيلو": m("kg"), kg: m("kg"), kilograms: m("kg"), kilogrammes: m("kg"), kilos: m("kg"),
  "غرام": m("g"), "غراما": m("g"), "جرام": m("g"), "جراما": m("g"), grams: m("g"), grammes: m("g"),
  "لتر": m("liters"), "لترا": m("liters"), "لترات": m("liters"), "ليتر": m("liters"),
  litres: m("liters"), liters: m("liters"),
  "برميل": m("barrels"), "برميلا": m("barrels"), "براميل": m("barrels"), barrels: m("barrels"), barrel: m("barrels"),
  "ميغاواط": m("MW"), "ميغاوات": m("MW"), "ميجاوات": m("MW"), "ميجاواط": m("MW"), megawatts: m("MW"), mw: m("MW"),
  "غيغاواط": m("GW"), "جيجاوات": m("GW"), gigawatts: m("GW"), gw: m("GW"),
  "كيلوواط": m("kW"), kilowatts: m("kW"), kw: m("kW"), kwh: m("kWh"),
  "درجة مئوية": m("°C"), "درجات مئوية": m("°C"), "degrees celsius": m("°C"), "degrees fahrenheit": m("°F"),
  "°c": m("°C"), "°f": m("°F"), mph: m("mph"), "km/h": m("km/h"),
  "سنة": d("years"), "سنوات": d("years"), "سنين": d("years"), "عام": d("years"), "أعوام": d("years"),
  "عاما": d("years"),
  "شهر": d("months"), "شهرا": d("months"), "أشهر": d("months"), "شهور": d("months"),
  "أسبوع": d("weeks"), "أسبوعا": d("weeks"), "أسابيع": d("weeks"),
  "يوم": d("days"), "يوما": d("days"), "أيام": d("days"),
  "ساعة": d("hours"), "ساعات": d("hours"), "دقيقة": d("minutes"), "دقائق": d("minutes"),
  "ثانية": d("seconds"), "ثوان": d("seconds"), "عقد": d("decades"), "عقود": d("decades"),
  year: d("years"), years: d("years"), yrs: d("years"), month: d("months"), months: d("months"),
  week: d("weeks"), weeks: d("weeks"), day: d("days"), days: d("days"), hour: d("hours"),
  hours: d("hours"), minute: d("minutes"), minutes: d("minutes"), second: d("seconds"),
  seconds: d("seconds"), decade: d("decades"), decades: d("decades"),
});

/** Unit abbreviations glued to digits ("5km", "20kg", "3.5%"): Latin letters only. */
export const GLUED_UNITS: Map<string, UnitEntry> = new Map<string, UnitEntry>([
  ["km", m("km")], ["km2", KM2], ["m", m("m")], ["m2", M2], ["cm", m("cm")], ["mm", m("mm")],
  ["kg", m("kg")], ["g", m("g")], ["t", m("tons")], ["ha", m("hectares")], ["mw", m("MW")],
  ["gw", m("GW")], ["kw", m("kW")], ["kwh", m("kWh")], ["ft", m("feet")], ["mph", m("mph")],
  ["l", m("liters")],
]);

// ---------------------------------------------------------------------------------
// Percent words after a figure.
export const PERCENT_PHRASES: readonly (readonly string[])[] = [
  ["في", "المئة"], ["في", "المائة"], ["في", "المية"], ["بالمئة"], ["بالمائة"], ["بالمية"],
  ["percent"], ["per", "cent"], ["pct"], ["percentage", "points"], ["percentage", "point"],
  ["نقطة", "مئوية"], ["نقاط", "مئوية"],
].map((p) => p.map(fold));

// ---------------------------------------------------------------------------------
// Months. Levantine, Gulf/Egyptian, Maghrebi (Algerian/Tunisian and Moroccan) and
// English. Two-word Levantine names are matched as pairs.
export const MONTHS: Map<string, number> = foldedMap<number>({
  "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6, "تموز": 7, "آب": 8, "أيلول": 9,
  "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "ابريل": 4, "إبريل": 4, "مايو": 5,
  "يونيو": 6, "يونيه": 6, "يوليو": 7, "يوليه": 7, "أغسطس": 8, "سبتمبر": 9, "أكتوبر": 10,
  "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
  "جانفي": 1, "فيفري": 2, "أفريل": 4, "ماي": 5, "جوان": 6, "جويلية": 7, "أوت": 8,
  "يوليوز": 7, "غشت": 8, "شتنبر": 9, "نونبر": 11, "دجنبر": 12,
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8,
  september: 9, october: 10, november: 11, december: 12, jan: 1, feb: 2, mar: 3, apr: 4,
  jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
});

/** First word of a two-word Levantine month → second word → month. */
export const TWO_WORD_MONTHS: Map<string, Map<string, number>> = new Map([
  [fold("كانون"), foldedMap<number>({ "الثاني": 1, "ثاني": 1, "الأول": 12, "أول": 12 })],
  [fold("تشرين"), foldedMap<number>({ "الأول": 10, "أول": 10, "الثاني": 11, "ثاني": 11 })],
]);

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


/** Sentences about an earlier period ("في شباط الماضي", "last year") are not compared with
 *  sentences that are not: a figure for another period is an update, not a contradiction. */
export const PAST_PERIOD: readonly (readonly string[])[] = [
  ["العام", "الماضي"], ["السنة", "الماضية"], ["الشهر", "الماضي"], ["الموسم", "الماضي"], ["الأسبوع", "الماضي"],
  ["العام", "السابق"], ["السنة", "السابقة"], ["الموسم", "السابق"], ["الشهر", "السابق"], ["قبل", "عام"],
  ["قبل", "سنة"], ["last", "year"], ["last", "month"], ["last", "season"], ["last", "week"],
  ["previous", "year"], ["a", "year", "ago"], ["a", "year", "earlier"], ["the", "year", "before"],
  ["prior", "year"],
].map((p) => p.map(fold));

/** Predicates that tell different counts of people apart (killed vs injured). */
export const PREDICATE_CLASSES: Map<string, string> = (() => {
  const classes: Record<string, readonly string[]> = {
    dead: ["قتل", "قتلى", "قتيل", "مقتل", "قتلوا", "حتفهم", "حتفه", "وفاة", "وفيات", "توفي", "ماتوا", "موت", "شهيد", "شهداء", "استشهد", "killed", "dead", "deaths", "death", "died", "fatalities", "kill"],
    injured: ["جرح", "جرحى", "جريح", "أصيب", "إصابة", "إصابات", "مصاب", "مصابين", "injured", "wounded", "injuries", "hurt", "injuring", "wounding"],
    missing: ["مفقود", "مفقودين", "فقد", "missing"],
    arrested: ["اعتقال", "اعتقل", "معتقل", "معتقلين", "احتجاز", "محتجز", "arrested", "detained", "detainees"],
    displaced: ["نزوح", "نازح", "نازحين", "تهجير", "مهجر", "displaced"],
    rescued: ["إنقاذ", "أنقذ", "rescued", "saved"],
  };
  const mp = new Map<string, string>();
  for (const [cls, words] of Object.entries(classes)) {
    for (const w of words) {
      mp.set(fold(w), cls);
      mp.set(nounKey(w), cls); // "الوفيات" is looked up by its key, "وفا"
    }
  }
  return mp;
})();

export const PERSON_NOUNS: Set<string> = foldedSet(["شخص", "نسمه", "فرد", "person", "individual"]);

/** Nouns that name people by what happened to them; "25 شخصا اعتقلوا" and "250 معتقلا"
 *  count the same thing. Keyed by nounKey, valued by predicate class. */
export const ROLE_NOUNS: Map<string, string> = (() => {
  const roles: Record<string, readonly string[]> = {
    dead: ["قتيل", "قتلى", "شهيد", "شهداء", "ضحية", "ضحايا", "وفاة", "وفيات", "موتى", "death", "deaths", "fatality", "fatalities", "dead"],
    injured: ["جريح", "جرحى", "مصاب", "مصابين", "إصابة", "إصابات", "injury", "injuries", "injured", "wounded"],
    missing: ["مفقود", "مفقودين", "missing"],
    arrested: ["معتقل", "معتقلين", "محتجز", "محتجزين", "موقوف", "detainee", "detainees", "arrest", "arrests"],
    displaced: ["نازح", "نازحين", "مهجر", "مهجرين"],
  };
  const mp = new Map<string, string>();
  for (const [cls, words] of Object.entries(roles)) for (const w of words) mp.set(nounKey(w), cls);
  return mp;
})();

/** Sentences that project or expect rather than report ("had predicted", "من المتوقع"). */
export const PROJECTION_WORDS: Set<string> = foldedSet([
  "expected", "expects", "predicted", "predicts", "forecast", "forecasts", "forecasters", "projected",
  "projects", "projection", "projections", "target", "targets", "aims", "aim", "plans", "planned",
  "hopes", "goal", "budgeted", "anticipated", "يتوقع", "تتوقع", "متوقع", "المتوقع", "توقعات", "توقع",
  "يستهدف", "تستهدف", "تهدف", "يهدف", "تخطط", "يخطط", "خطة", "سوف", "مستهدف", "المستهدف", "يأمل", "تأمل",
]);

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
