export const LOCALES = ["ar", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "ar";
export const LOCALE_COOKIE = "NEXT_LOCALE";
export const isLocale = (v: unknown): v is Locale => v === "ar" || v === "en";
export const directionOf = (l: string) => (l === "ar" ? "rtl" : "ltr");
