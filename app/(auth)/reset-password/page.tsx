import { getTranslations } from "next-intl/server";
import { ResetPasswordForm } from "@/components/accounts/reset-password-form";
import { AuthPageHead } from "@/components/ui/auth-page-head";

export const metadata = { title: "New password · Sanad" };

export default async function ResetPasswordPage() {
  const t = await getTranslations("accounts.reset");
  return (
    <main id="main" className="login card">
      <AuthPageHead title={t("title")} intro={t("intro")} />
      <ResetPasswordForm />
    </main>
  );
}
