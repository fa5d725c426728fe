import { getTranslations } from "next-intl/server";

export const metadata = { title: "Sign-in refused · Sanad" };

const REASONS = ["unverified", "no_email", "unknown", "deactivated", "conflict"] as const;

/** Where single sign-on ends when Sanad will not let the identity in, or the exchange failed. */
export default async function SsoRefusedPage({ searchParams }: { searchParams: Promise<{ reason?: string; error?: string }> }) {
  const { reason, error } = await searchParams;
  const t = await getTranslations("accounts.sso");
  const c = await getTranslations("common");
  const known = REASONS.find((r) => r === reason);
  return (
    <main id="main" className="login card stack">
      <h1>{c("brand")} · {t("refusedTitle")}</h1>
      <p role="alert" data-testid="sso-refused" data-reason={known ?? (error ? "error" : "unknown")}>
        {known ? t(`reasons.${known}`) : error ? t("failedExchange") : t("reasons.unknown")}
      </p>
      <p><a href="/login">{t("backToLogin")}</a></p>
    </main>
  );
}
