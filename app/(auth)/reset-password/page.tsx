import { getTranslations } from "next-intl/server";
import { ResetPasswordForm } from "@/components/accounts/reset-password-form";
import { LocaleSwitcher } from "@/components/settings/locale-switcher";

export const metadata = { title: "New password · Sanad" };

export default async function ResetPasswordPage() {
  const t = await getTranslations("accounts.reset");
  const c = await getTranslations("common");
  return (
    <main id="main" className="login card">
      <div className="login-head">
        <h1>{c("brand")} · {t("title")}</h1>
        <LocaleSwitcher signedIn={false} />
      </div>
      <p className="muted">{t("intro")}</p>
      <ResetPasswordForm />
    </main>
  );
}
