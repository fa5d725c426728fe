import { describe, expect, it } from "vitest";
import { segmentSentences } from "../../../lib/text";

const texts = (input: string) => segmentSentences(input).map((s) => s.text);

describe("segmentSentences: Arabic", () => {
  it("ends at . ! ? ؟ … and keeps the closing quote with its sentence", () => {
    expect(texts("قال الوزير: “لن نتراجع.” وأضاف أن الحكومة مستمرة.")).toEqual([
      "قال الوزير: “لن نتراجع.”",
      "وأضاف أن الحكومة مستمرة.",
    ]);
    expect(texts("هل تعلم؟ نعم! لا… ربما.")).toEqual(["هل تعلم؟", "نعم!", "لا…", "ربما."]);
    expect(texts("قال: «لقد انتهى الأمر.» ثم غادر.")).toEqual(["قال: «لقد انتهى الأمر.»", "ثم غادر."]);
  });

  it("does not end at ، or ؛", () => {
    expect(texts("وصل الوفد، ثم بدأ الاجتماع؛ وانتهى مساء.")).toEqual(["وصل الوفد، ثم بدأ الاجتماع؛ وانتهى مساء."]);
  });

  it("does not end inside decimals, thousands, URLs or e-mail addresses", () => {
    expect(texts("بلغت النسبة 7.7 بالمئة، و٧٫٧ مليون، و110.000 كيلومتر و1,500 شخص. انتهى.")).toEqual([
      "بلغت النسبة 7.7 بالمئة، و٧٫٧ مليون، و110.000 كيلومتر و1,500 شخص.",
      "انتهى.",
    ]);
    expect(texts("راجع https://sy24.net/news/2020.html?id=5 أو info@sy24.net للمزيد. شكرا.")).toEqual([
      "راجع https://sy24.net/news/2020.html?id=5 أو info@sy24.net للمزيد.",
      "شكرا.",
    ]);
  });

  it("does not end after Arabic abbreviations", () => {
    expect(texts("زار د. أحمد المستشفى ثم غادر. وأكد أ.د. خالد ذلك.")).toEqual([
      "زار د. أحمد المستشفى ثم غادر.",
      "وأكد أ.د. خالد ذلك.",
    ]);
    expect(texts("العنوان: ص.ب. 1234، دمشق. اتصل بنا.")).toEqual(["العنوان: ص.ب. 1234، دمشق.", "اتصل بنا."]);
    expect(texts("القاهرة (أ.ف.ب.) - قتل 5 أشخاص. وأصيب 10.")).toEqual(["القاهرة (أ.ف.ب.) - قتل 5 أشخاص.", "وأصيب 10."]);
  });

  it("ends after a calendar mark that follows a year", () => {
    expect(texts("صدر القرار عام 2020 م. وبعد ذلك تغير كل شيء.")).toEqual(["صدر القرار عام 2020 م.", "وبعد ذلك تغير كل شيء."]);
  });

  it("treats a headline line and each paragraph as sentences", () => {
    expect(texts("عنوان الخبر بلا نقطة\n\nالفقرة الأولى. الجملة الثانية.\nفقرة بعد سطر واحد.")).toEqual([
      "عنوان الخبر بلا نقطة",
      "الفقرة الأولى.",
      "الجملة الثانية.",
      "فقرة بعد سطر واحد.",
    ]);
  });

  it("keeps list numbers with their item", () => {
    expect(texts("١. البند الأول.\n٢. البند الثاني.")).toEqual(["١. البند الأول.", "٢. البند الثاني."]);
  });

  it("marks web furniture as boilerplate", () => {
    const out = segmentSentences("عنوان\n\nFacebook\nWhatsApp\nTelegram\nTwitter\n\nخاص – SY24\n\nنص الخبر.\n\nمقالات ذات صلة\nاقرأ أيضا: خبر آخر");
    expect(out.map((s) => [s.text, s.boilerplate === true])).toEqual([
      ["عنوان", false],
      ["Facebook", true],
      ["WhatsApp", true],
      ["Telegram", true],
      ["Twitter", true],
      ["خاص – SY24", true],
      ["نص الخبر.", false],
      ["مقالات ذات صلة", true],
      ["اقرأ أيضا: خبر آخر", true],
    ]);
  });
});

describe("segmentSentences: English", () => {
  it("does not end after titles, initials and dotted acronyms inside a sentence", () => {
    expect(texts("Mr. Smith said the U.N. agency delivered 2.5 million meals in March. The agency agreed.")).toEqual([
      "Mr. Smith said the U.N. agency delivered 2.5 million meals in March.",
      "The agency agreed.",
    ]);
    expect(texts("Dr. Jones met John F. Kennedy Jr. at No. 10 on Jan. 5 in the U.S. capital.")).toHaveLength(1);
  });

  it("ends after an acronym that closes a sentence", () => {
    expect(texts("He moved to the U.S. The next day he left.")).toEqual(["He moved to the U.S.", "The next day he left."]);
    expect(texts("Shares of Apple Inc. rose. Apple Inc. The company grew.")).toEqual([
      "Shares of Apple Inc. rose.",
      "Apple Inc.",
      "The company grew.",
    ]);
  });

  it("keeps quotes and continues after a lower-case word", () => {
    expect(texts("“Why?” he asked. “Because.” She left.")).toEqual(["“Why?” he asked.", "“Because.”", "She left."]);
    expect(texts('She said "It\'s over." Then she left.')).toEqual(['She said "It\'s over."', "Then she left."]);
    expect(texts("It was cheap... but fine. Really?! Yes.")).toEqual(["It was cheap... but fine.", "Really?!", "Yes."]);
  });

  it("keeps list numbers and e.g./i.e. inside", () => {
    expect(texts("1. First item here.\n2. Second item here.")).toEqual(["1. First item here.", "2. Second item here."]);
    expect(texts("Some fruit, e.g. apples, i.e. red ones. Done.")).toEqual(["Some fruit, e.g. apples, i.e. red ones.", "Done."]);
  });

  it("joins a hard-wrapped line that continues in lower case or after a comma", () => {
    const input = "The minister said that\nthe budget, which was approved,\nwould grow. Next.";
    expect(texts(input)).toEqual(["The minister said that\nthe budget, which was approved,\nwould grow.", "Next."]);
  });

  it("marks English furniture as boilerplate", () => {
    expect(segmentSentences("Share this\nRelated articles\nBy Jane Doe\nReal news here.").map((s) => s.boilerplate === true)).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });
});

describe("segmentSentences: offsets", () => {
  it("excludes surrounding whitespace and keeps slice equality", () => {
    const input = "  \u00a0 أولا.   ثانيا!\t\r\n\r\n  ثالثا؟  ";
    const out = segmentSentences(input);
    expect(out.map((s) => s.text)).toEqual(["أولا.", "ثانيا!", "ثالثا؟"]);
    for (const s of out) {
      expect(input.slice(s.start, s.end)).toBe(s.text);
      expect(s.text.trim()).toBe(s.text);
    }
    expect(out.map((s) => s.index)).toEqual([0, 1, 2]);
  });

  it("ignores lines of punctuation or symbols alone", () => {
    expect(texts("***\n\nنص.\n\n—\n\n🙂")).toEqual(["نص."]);
  });

  it("returns nothing for empty or blank input", () => {
    expect(segmentSentences("")).toEqual([]);
    expect(segmentSentences(" \n\t\u00a0\u2029 ")).toEqual([]);
  });

  it("handles CRLF and Unicode line and paragraph separators", () => {
    expect(texts("Headline\r\n\r\nOne. Two.\r\nThree.\u2029Four.")).toEqual(["Headline", "One.", "Two.", "Three.", "Four."]);
  });
});

describe("segmentSentences: copy without spaces after stops", () => {
  it("ends at a stop glued between words, but not inside abbreviations", () => {
    expect(texts("ستنفق 5 مليارات دولار.وأضاف أن المشروع سينتهي قريبا؟ثم غادر.")).toEqual([
      "ستنفق 5 مليارات دولار.",
      "وأضاف أن المشروع سينتهي قريبا؟",
      "ثم غادر.",
    ]);
    expect(texts("زار د.محمد المستشفى وقالت (أ.ف.ب) ذلك.")).toHaveLength(1);
    expect(texts("Five people died.The rest fled. He holds a Ph.D. from Yale.")).toEqual([
      "Five people died.",
      "The rest fled.",
      "He holds a Ph.D. from Yale.",
    ]);
  });

  it("marks a City – Agency dateline as boilerplate", () => {
    const out = segmentSentences("عنوان الخبر\n\nجنيف – رويترز\n\nقال البرنامج إن الوضع سيئ.");
    expect(out.map((s) => s.boilerplate === true)).toEqual([false, true, false]);
  });
});
