import { describe, expect, it } from "vitest";
import { analyze, valuesAgree, type Quantity } from "../../../lib/text";

/** The flagged conflicts as "text a | text b". */
function flagged(input: string): string[] {
  const r = analyze(input);
  return r.discrepancies.filter((d) => d.type === "conflict").map((d) => `${r.quantities[d.a]?.text} | ${r.quantities[d.b]?.text}`);
}

/** The updates as "older -> newer". */
function updates(input: string): string[] {
  const r = analyze(input);
  return r.discrepancies.filter((d) => d.type === "update").map((d) => `${r.quantities[d.from ?? -1]?.text} -> ${r.quantities[d.to ?? -1]?.text}`);
}

describe("findDiscrepancies: flags", () => {
  it("the seed article's 7 million against 7.7 million, once, from the first mention", () => {
    const input =
      "التحالف الدولي: حرّرنا 7 ملايين شخص من داعش\n\nتمكن التحالف من تحرير نحو 7 ملايين شخص.\n\nوقال: “حررنا 7.7 مليون شخصا”.";
    const r = analyze(input);
    expect(r.discrepancies).toHaveLength(1);
    const d = r.discrepancies[0];
    expect(d && [d.a, d.b]).toEqual([0, 2]);
    expect(d?.reason).toMatch(/^headline: 7 ملايين شخص \(7,000,000 people\); sentence 3: 7\.7 مليون شخصا \(7,700,000 people\)/);
  });

  it("a hedged figure that still misses by more than rounding", () => {
    expect(flagged("قال إنهم حرروا نحو 7 ملايين شخص.\n\nوقال لاحقا إنهم حرروا 7.7 مليون شخص.")).toEqual([
      "7 ملايين شخص | 7.7 مليون شخص",
    ]);
  });

  it("measures and counts that disagree", () => {
    expect(flagged("غمرت الفيضانات 2.4 مليون هكتار. وقالت الوزارة إن المساحة 4.2 مليون هكتار؟")).toEqual([
      "2.4 مليون هكتار | 4.2 مليون هكتار",
    ]);
    expect(flagged("The UN delivered 2.5 million meals. Its data show 1.9 million meals were delivered.")).toEqual([
      "2.5 million meals | 1.9 million meals",
    ]);
  });

  it("scale slips in money", () => {
    expect(flagged("The budget was $4.2 billion. Later, officials cited a $4.2 million budget.")).toEqual([
      "$4.2 billion | $4.2 million",
    ]);
  });

  it("Arabic noun forms and broken plurals as the same noun", () => {
    expect(flagged("قتل 5 أشخاص في القصف. وقال الدفاع المدني إن 15 شخصا قتلوا.")).toEqual(["5 أشخاص | 15 شخصا"]);
    expect(flagged("بلغ عدد القتلى 45 قتيلا. وقالت الوزارة إن عدد القتلى 54.")).toEqual(["45 قتيلا | 54"]);
  });

  it("percentages of the same thing", () => {
    expect(flagged("نسبة البطالة 12 في المئة. وقال الوزير إن نسبة البطالة 15%.")).toEqual(["12 في المئة | 15%"]);
  });
});

describe("findDiscrepancies: does not flag", () => {
  it("the same figure written two ways", () => {
    expect(flagged("حررنا 110 آلاف كم.\n\nوحررنا 110.000 كيلومتر مربع.")).toEqual([]);
    expect(flagged("Sales were 1.5 million units. The firm said 1,500,000 units were sold.")).toEqual([]);
    expect(flagged("استقبل المستشفى ١٢٠٠ مريض. وأكد المدير أن العدد بلغ 1200 مريض.")).toEqual([]);
    expect(flagged("The city planted 12,000 trees. Officials said 12 thousand trees were planted.")).toEqual([]);
  });

  it("figures within rounding, or within a hedge", () => {
    expect(flagged("نحو 1000 طالب تخرجوا. وقالت الجامعة إن 1005 طالب تخرجوا.")).toEqual([]);
    expect(flagged("More than 3 million Syrians were reached. The agency said 3.2 million Syrians were reached.")).toEqual([]);
    expect(flagged("Nearly 2 million people fled. Officials said 1.95 million people fled.")).toEqual([]);
  });

  it("different things counted", () => {
    expect(flagged("حرروا 7 ملايين شخص. وتوعية أكثر من 3 ملايين سوري.")).toEqual([]);
    expect(flagged("قتل 5 أشخاص وأصيب 20 شخصا. وقالت مصادر إن 7 أشخاص قتلوا.")).toEqual(["5 أشخاص | 7 أشخاص"]);
    expect(flagged("The US gave more than $31 million in aid. Since 2012 the coalition gave $43.3 billion in aid.")).toEqual([]);
  });

  it("figures in one sentence, earlier values and different years", () => {
    expect(flagged("Between 5 and 10 people died, police said, and 7 people were hurt.")).toEqual([]);
    expect(flagged("Unemployment rose to 12% this year, up from 9%. Unemployment is 12%.")).toEqual([]);
    expect(flagged("In 2019 the firm hired 500 workers. In 2020 it hired 700 workers.")).toEqual([]);
    expect(flagged("ارتفع عدد النازحين من 200 ألف نازح إلى 350 ألف نازح. وبلغ عددهم 350 ألف نازح.")).toEqual([]);
  });

  it("reports an earlier value followed by a later one as an update", () => {
    expect(updates("Unemployment rose to 12% this year, up from 9%. Unemployment is 12%.")).toEqual(["9% -> 12%"]);
    expect(updates("ارتفع عدد النازحين من 200 ألف نازح إلى 350 ألف نازح.")).toEqual(["200 ألف نازح -> 350 ألف نازح"]);
  });

  it("dates and percentages without a matching noun", () => {
    expect(flagged("في أيلول 2014 تأسس التحالف. وفي 22 أيلول 2014 بدأت الغارات. وفي كانون الثاني 2015 تحررت كوباني.")).toEqual([]);
    expect(flagged("Turnout was 65%. Inflation hit 12%.")).toEqual([]);
  });

  it("boilerplate lines", () => {
    expect(flagged("قتل 5 أشخاص.\n\nاقرأ أيضا: مقتل 9 أشخاص في حلب")).toEqual([]);
  });
});

describe("valuesAgree", () => {
  const q = (value: number, qualifier?: Quantity["qualifier"]): Quantity => {
    const base: Quantity = { start: 0, end: 1, text: "x", value, kind: "count", sentence: 0 };
    if (qualifier !== undefined) base.qualifier = qualifier;
    return base;
  };
  it("allows 2% plain, 5% hedged, and bounds for more/less than", () => {
    expect(valuesAgree(q(100), q(101.9))).toBe(true);
    expect(valuesAgree(q(100), q(103))).toBe(false);
    expect(valuesAgree(q(100, "approx"), q(104))).toBe(true);
    expect(valuesAgree(q(7_000_000, "approx"), q(7_700_000))).toBe(false);
    expect(valuesAgree(q(3_000_000, "over"), q(3_200_000))).toBe(true);
    expect(valuesAgree(q(3_000_000, "over"), q(2_500_000))).toBe(false);
    expect(valuesAgree(q(2_000_000, "under"), q(1_950_000))).toBe(true);
    expect(valuesAgree(q(2_000_000, "under"), q(2_500_000))).toBe(false);
  });
});

describe("findDiscrepancies: news conventions", () => {
  it("does not compare a change with a total", () => {
    expect(flagged("يعاني 12 مليون شخص من الجوع، بزيادة قدرها 4.5 مليون شخص. وقال البرنامج إن 12 مليون شخص بحاجة للمساعدة.")).toEqual([]);
    expect(flagged("Prices rose by 5% this year. Prices are up 15%, the agency said.")).toEqual([]);
  });

  it("does not compare an earlier period or a forecast with a report", () => {
    expect(flagged("يعاني 12 مليون شخص من الجوع. وكان البرنامج قد قدّر في شباط الماضي عدد المحتاجين بـ 9.3 مليون شخص.")).toEqual([]);
    expect(flagged("The firm hired 500 workers. Last year it hired 450 workers.")).toEqual([]);
    expect(flagged("Temperatures reached 48 degrees Celsius. Forecasters had predicted 45 degrees Celsius.")).toEqual([]);
  });

  it("matches people counted by what happened to them", () => {
    expect(flagged("قالت الشرطة إن 25 شخصا اعتقلوا. لكن ناشطين أكدوا أن عدد المعتقلين تجاوز 250 معتقلا.")).toEqual([
      "25 شخصا | 250 معتقلا",
    ]);
    expect(flagged("قتل 5 أشخاص في القصف. وقال الدفاع المدني إن 15 قتيلا سقطوا. وأصيب 20 شخصا.")).toEqual(["5 أشخاص | 15 قتيلا"]);
  });

  it("pairs a figure with the nearest value it contradicts, once", () => {
    expect(flagged("أنتجت مصر نحو 9 ملايين طن من القمح. وقال الوزير إن الإنتاج بلغ 10 ملايين طن. وقال آخر إن الإنتاج 10 ملايين طن.")).toEqual([
      "9 ملايين طن | 10 ملايين طن",
    ]);
    expect(flagged("قتل 5 أشخاص في القصف. وقال الدفاع المدني إن 15 قتيلا سقطوا. وقال آخرون إن 7 أشخاص قتلوا.")).toEqual([
      "5 أشخاص | 15 قتيلا",
      "5 أشخاص | 7 أشخاص",
    ]);
  });
});

describe("findDiscrepancies: parts and totals", () => {
  it("does not compare a part with the total", () => {
    expect(flagged("The earthquake killed more than 50,000 people in Turkey and Syria. In Syria alone, 5,900 people were killed.")).toEqual([]);
  });

  it("compares parts of the same kind", () => {
    expect(flagged("أفاد المرصد بمقتل 13 مدنيا بينهم 4 أطفال. وقال الدفاع المدني إن 13 مدنيا قتلوا بينهم 5 أطفال.")).toEqual([
      "4 أطفال | 5 أطفال",
    ]);
  });
});
