"use client";

import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";

/** Switches the interface language; signed in, the choice is kept with the user's profile. */
export function LocaleSwitcher({ signedIn }: { signedIn: boolean }) {
  const locale = useLocale();
  const t = useTranslations("common");
  const [pending, start] = useTransition();
  const next = locale === "ar" ? "en" : "ar";
  const change = () =>
    start(async () => {
      if (signedIn) {
        await fetch("/api/v1/me/locale", { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ locale: next }) });
      } else {
        document.cookie = `${LOCALE_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
      }
      window.location.reload();
    });
  return (
    <button type="button" className="secondary" onClick={change} disabled={pending} lang={next} aria-label={`${t("language")}: ${t("switchTo")}`} data-testid="locale-switch">
      {t("switchTo")}
    </button>
  );
}
