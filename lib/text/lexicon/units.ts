// Currencies, units of measure and time, percent words and month names.
import { foldedMap } from "./util";
import { fold } from "../normalize";

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
