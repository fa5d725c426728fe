"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useCallback } from "react";

// The analysis names units in English ("people", "US dollars", "km²"); the interface says the
// common ones in its own language and keeps any other as it came (isolated by the caller).
const UNIT_KEYS: Record<string, string> = {
  people: "people",
  dollars: "usd", "US dollars": "usd", USD: "usd",
  euros: "eur", EUR: "eur",
  "pounds sterling": "gbp", GBP: "gbp",
  "Syrian pounds": "syp", SYP: "syp",
  "Egyptian pounds": "egp", EGP: "egp",
  "Lebanese pounds": "lbp", LBP: "lbp",
  "Saudi riyals": "sar", SAR: "sar",
  "Iraqi dinars": "iqd", IQD: "iqd",
  "Jordanian dinars": "jod", JOD: "jod",
  hectares: "hectares", ha: "hectares",
  km: "km", "km²": "km2", "sq km": "km2", "square kilometers": "km2", "square kilometres": "km2", "m²": "m2", "square meters": "m2", "square metres": "m2",
  tons: "tons", t: "tons", kg: "kg", barrels: "barrels", dunams: "dunams", feddans: "feddans", liters: "liters",
  years: "years", months: "months", weeks: "weeks", days: "days", hours: "hours",
};

/** A figure as the reader's language says it: its digits and, when known, its unit. */
export function useFigureText(): (figure: { value: number; unit?: string | null; percent?: boolean }) => { number: string; unit: string | null; translated: boolean } {
  const t = useTranslations("search.units");
  const format = useFormatter();
  return useCallback(
    ({ value, unit, percent }) => {
      if (percent) return { number: format.number(value / 100, { style: "percent", maximumFractionDigits: 2 }), unit: null, translated: true };
      const key = unit ? UNIT_KEYS[unit] : undefined;
      return { number: format.number(value), unit: key ? t(key) : unit ?? null, translated: key !== undefined || !unit };
    },
    [t, format],
  );
}
