import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from "@/lib/i18n/locales";

// One file a feature, so that features can be worked on apart; merged per request.
const NAMESPACES = ["common", "auth", "projects", "workspace", "review", "dashboard", "settings", "search", "collab", "accounts", "errors"] as const;

async function loadMessages(locale: Locale) {
  const parts = await Promise.all(NAMESPACES.map(async (ns) => [ns, (await import(`./messages/${locale}/${ns}.json`)).default] as const));
  return Object.fromEntries(parts);
}

// The interface language: the user's choice (a cookie, set with their profile), else the
// browser's preference between Arabic and English, else Arabic.
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  let locale: Locale = DEFAULT_LOCALE;
  if (isLocale(chosen)) {
    locale = chosen;
  } else {
    const accept = (await headers()).get("accept-language") ?? "";
    const first = accept.split(",").map((p) => p.trim().slice(0, 2).toLowerCase()).find((p) => p === "ar" || p === "en");
    if (first && isLocale(first)) locale = first;
  }
  return { locale, messages: await loadMessages(locale), timeZone: "UTC" };
});
