import { describe, expect, it } from "vitest";
import { extractQuantities, type Quantity } from "../../../lib/text";

const figs = (input: string) => extractQuantities(input).map((q) => [q.text, q.value, q.kind]);
const one = (input: string): Quantity => {
  const all = extractQuantities(input);
  expect(all, JSON.stringify(all.map((q) => q.text))).toHaveLength(1);
  const q = all[0];
  if (q === undefined) throw new Error("no figure");
  return q;
};

describe("extractQuantities: Arabic numbers", () => {
  it("reads scale words in their forms", () => {
    expect(figs("حرّرنا 7 ملايين شخص و110 آلاف كم")).toEqual([
      ["7 ملايين شخص", 7_000_000, "count"],
      ["110 آلاف كم", 110_000, "measure"],
    ]);
    expect(figs("أنفقت 43.3 مليار دولار و3 ألف شخص و20 ألفا من الجنود")).toEqual([
      ["43.3 مليار دولار", 43_300_000_000, "money"],
      ["3 ألف شخص", 3000, "count"],
      ["20 ألفا", 20_000, "count"],
    ]);
    expect(figs("قدّم 2 بليون يورو")).toEqual([["2 بليون يورو", 2_000_000_000, "money"]]);
  });

  it("reads a dot before three digits as thousands, but as a decimal before a scale word", () => {
    expect(one("حررنا 110.000 كيلومتر مربع").value).toBe(110_000);
    expect(one("حررنا 7.7 مليون شخصا").value).toBe(7_700_000);
    expect(one("خصصت 1.500 مليون دولار").value).toBe(1_500_000);
    expect(one("تخرّج 3.500 طالب").value).toBe(3500);
  });

  it("reads Arabic-Indic and Persian digits with ٫ and ٬", () => {
    expect(figs("استقبل ١٢٠٠ مريض و٧٫٧ مليون زائر و٢٬٥٠٠ شخص و۱۵ طفلا")).toEqual([
      ["١٢٠٠ مريض", 1200, "count"],
      ["٧٫٧ مليون زائر", 7_700_000, "count"],
      ["٢٬٥٠٠ شخص", 2500, "count"],
      ["۱۵ طفلا", 15, "count"],
    ]);
  });

  it("keeps glued proclitics out of the span", () => {
    const input = "إضافة لـ 110 آلاف كم وبـ45 شخصا و110 آلاف طن";
    const got = extractQuantities(input);
    expect(got.map((q) => q.text)).toEqual(["110 آلاف كم", "45 شخصا", "110 آلاف طن"]);
    for (const q of got) expect(input.slice(q.start, q.end)).toBe(q.text);
  });

  it("reads percentages in all spellings", () => {
    expect(figs("بينهم 32% و١٥٪ و20 في المئة و5 بالمئة و%40")).toEqual([
      ["32%", 32, "percent"],
      ["١٥٪", 15, "percent"],
      ["20 في المئة", 20, "percent"],
      ["5 بالمئة", 5, "percent"],
      ["%40", 40, "percent"],
    ]);
  });

  it("reads currencies and units", () => {
    const qs = extractQuantities("دفع 500 ليرة سورية و20 دينارا أردنيا و100$ و30 مليون جنيه مصري و2.4 مليون هكتار و500 دونم و5 أطنان");
    expect(qs.map((q) => [q.text, q.kind, q.unit])).toEqual([
      ["500 ليرة سورية", "money", "Syrian pounds"],
      ["20 دينارا أردنيا", "money", "Jordanian dinars"],
      ["100$", "money", "dollars"],
      ["30 مليون جنيه مصري", "money", "Egyptian pounds"],
      ["2.4 مليون هكتار", "measure", "hectares"],
      ["500 دونم", "measure", "dunams"],
      ["5 أطنان", "measure", "tons"],
    ]);
  });

  it("reads dual and digit-less scale words", () => {
    expect(figs("نزح نحو مليوني شخص وثلاثة ملايين لاجئ ونصف مليون طفل وألفي جندي")).toEqual([
      ["مليوني شخص", 2_000_000, "count"],
      ["ثلاثة ملايين لاجئ", 3_000_000, "count"],
      ["نصف مليون طفل", 500_000, "count"],
      ["ألفي جندي", 2000, "count"],
    ]);
    // Plural scale words alone are vague: "thousands of people" is no figure.
    expect(figs("شارك آلاف الأشخاص وملايين المتابعين")).toEqual([]);
  });

  it("normalizes the counted noun", () => {
    const nouns = extractQuantities("قتل 5 أشخاص و15 شخصا و200 شخص و3 ملايين من السوريين").map((q) => q.noun);
    expect(nouns).toEqual(["شخص", "شخص", "شخص", "سوري"]);
    expect(extractQuantities("أنقذنا 7 ملايين شخص")[0]?.unit).toBe("people");
  });

  it("records hedges", () => {
    const q = extractQuantities("تمكن من تحرير نحو 7 ملايين شخص وأكثر من 3 ملايين سوري وأقل من 5%");
    expect(q.map((x) => x.qualifier)).toEqual(["approx", "over", "under"]);
  });
});

describe("extractQuantities: dates", () => {
  it("reads Levantine, Gulf/Egyptian and Maghrebi months and bare years", () => {
    const qs = extractQuantities(
      "منذ تأسيسه في أيلول 2014 ومنذ 10 أيلول 2014 وفي كانون الثاني 2015 وفي 12 مارس 2020 و5 جانفي 2019 و3 أفريل وفي 1 جويلية 2021 ومنذ عام 2012",
    );
    expect(qs.map((q) => [q.text, q.kind, q.value, q.unit])).toEqual([
      ["أيلول 2014", "date", 201409, "yyyymm"],
      ["10 أيلول 2014", "date", 20140910, "yyyymmdd"],
      ["كانون الثاني 2015", "date", 201501, "yyyymm"],
      ["12 مارس 2020", "date", 20200312, "yyyymmdd"],
      ["5 جانفي 2019", "date", 20190105, "yyyymmdd"],
      ["3 أفريل", "date", 403, "mmdd"],
      ["1 جويلية 2021", "date", 20210701, "yyyymmdd"],
      ["2012", "date", 2012, "yyyy"],
    ]);
  });

  it("reads double month names and calendar marks", () => {
    expect(figs("في 10 أيلول/سبتمبر 2014 وفي تشرين الأول (أكتوبر) 2019 وعام 2021م وسنة 1441 هـ")).toEqual([
      ["10 أيلول/سبتمبر 2014", 20140910, "date"],
      ["تشرين الأول (أكتوبر) 2019", 201910, "date"],
      ["2021م", 2021, "date"],
      ["1441", 1441, "date"],
    ]);
  });

  it("reads English and numeric dates", () => {
    expect(figs("On 12 March 2020, March 12, 2020, in March 2020, on 10/09/2014 and 2014-09-10.")).toEqual([
      ["12 March 2020", 20200312, "date"],
      ["March 12, 2020", 20200312, "date"],
      ["March 2020", 202003, "date"],
      ["10/09/2014", 20141009, "date"],
      ["2014-09-10", 20140910, "date"],
    ]);
    expect(figs("في 10/09/2014")).toEqual([["10/09/2014", 20140910, "date"]]);
  });

  it("tells a year from a count", () => {
    expect(figs("تخرج 2015 طالبا")).toEqual([["2015 طالبا", 2015, "count"]]);
    expect(figs("In 2019, 2000 students protested. The 2019 report was late.")).toEqual([
      ["2019", 2019, "date"],
      ["2000 students", 2000, "count"],
      ["2019", 2019, "date"],
    ]);
  });
});

describe("extractQuantities: English", () => {
  it("reads separators, scales and currencies", () => {
    expect(figs("It cost $4.2 billion, 1,500,000 people moved, 1.5 million stayed, 12 thousand trees, 40 million dollars and 65%.")).toEqual([
      ["$4.2 billion", 4_200_000_000, "money"],
      ["1,500,000 people", 1_500_000, "count"],
      ["1.5 million", 1_500_000, "count"],
      ["12 thousand trees", 12_000, "count"],
      ["40 million dollars", 40_000_000, "money"],
      ["65%", 65, "percent"],
    ]);
    expect(figs("Revenue hit £3m, €2.5bn and US$ 5 and 40 million US dollars.")).toEqual([
      ["£3m", 3_000_000, "money"],
      ["€2.5bn", 2_500_000_000, "money"],
      ["US$ 5", 5, "money"],
      ["40 million US dollars", 40_000_000, "money"],
    ]);
  });

  it("reads the head noun after adjectives and word scales", () => {
    const q = one("UNHCR counts 5 million Syrian refugees.");
    expect([q.text, q.noun]).toEqual(["5 million Syrian refugees", "refugee"]);
    expect(figs("half a million people and two million refugees")).toEqual([
      ["half a million people", 500_000, "count"],
      ["two million refugees", 2_000_000, "count"],
    ]);
  });

  it("reads measures and durations", () => {
    const qs = extractQuantities("A 120 square kilometres area, 5km of road, 30 hectares, 45°C heat, for 12 years.");
    expect(qs.map((q) => [q.text, q.kind, q.unit])).toEqual([
      ["120 square kilometres", "measure", "km²"],
      ["5km", "measure", "km"],
      ["30 hectares", "measure", "hectares"],
      ["45°C", "measure", "°C"],
      ["12 years", "duration", "years"],
    ]);
  });
});

describe("extractQuantities: what is not a figure", () => {
  it("skips numbers in names, ordinals, phone numbers and identifiers", () => {
    expect(figs("COVID-19 and SY24 and G20 and 5G and F-16 jets")).toEqual([]);
    expect(figs("She finished 3rd for the 21st time.")).toEqual([]);
    expect(figs("Call +963 11 2345678 or 0991234567 or 555-1234.")).toEqual([]);
    expect(figs("هاتف: 011 234 5678")).toEqual([]);
    expect(figs("قرار مجلس الأمن 2254 والمادة 5 ورقم 12 وص.ب. 1234 و#2020 وNo. 5")).toEqual([]);
    expect(figs("الساعة 10 صباحا و10:30 و3/4 و24/7")).toEqual([]);
  });

  it("skips numbers inside URLs and e-mail addresses", () => {
    expect(figs("See https://example.com/2020/05/report-7.html?id=45 or mail user2020@sy24.net or www.site123.org/7")).toEqual([]);
  });

  it("skips list numbers", () => {
    expect(figs("1. First item\n2) Second item\n٣. البند الثالث")).toEqual([]);
  });

  it("skips boilerplate lines", () => {
    expect(figs("اقرأ أيضا: مقتل 5 أشخاص في حلب\n\nنص الخبر.")).toEqual([]);
  });

  it("reads figures after emoji, inside quotes and brackets", () => {
    expect(figs("🔴 45 قتيلا. 😀12 people. “قتل 7 أشخاص” (3 أطفال) «20 شخصا»")).toEqual([
      ["45 قتيلا", 45, "count"],
      ["12 people", 12, "count"],
      ["7 أشخاص", 7, "count"],
      ["3 أطفال", 3, "count"],
      ["20 شخصا", 20, "count"],
    ]);
  });
});

describe("extractQuantities: spans", () => {
  it("keeps spans inside their sentence and in order", () => {
    const input = "الخبر الأول: 5 أشخاص.\n\nThe second: $3 million. ثالثا ٤٠٪.";
    const qs = extractQuantities(input);
    let last = -1;
    for (const q of qs) {
      expect(input.slice(q.start, q.end)).toBe(q.text);
      expect(q.start).toBeGreaterThan(last);
      last = q.end - 1;
    }
    expect(qs.map((q) => q.sentence)).toEqual([0, 1, 2]);
  });
});

describe("extractQuantities: compound and glued forms", () => {
  it("adds a smaller scale joined by و", () => {
    expect(figs("يعيش فيها مليون و200 ألف نسمة ونزح 3 ملايين وخمسمئة ألف شخص")).toEqual([
      ["مليون و200 ألف نسمة", 1_200_000, "count"],
      ["3 ملايين وخمسمئة ألف شخص", 3_500_000, "count"],
    ]);
  });

  it("reads a month pair written with a slash and an abbreviated English month", () => {
    expect(figs("ارتفعت منذ تشرين الأول/أكتوبر 2019")).toEqual([["تشرين الأول/أكتوبر 2019", 201910, "date"]]);
    expect(figs("It declared an emergency on Sept. 5.")).toEqual([["Sept. 5", 905, "date"]]);
  });

  it("reads the noun of a count from a death toll or عدد", () => {
    expect(extractQuantities("بلغ عدد القتلى 45.")[0]?.noun).toBe("قتيل");
    expect(extractQuantities("The death toll rose to 94.")[0]?.noun).toBe("death");
  });
});
