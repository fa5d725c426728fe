import { getTranslations } from "next-intl/server";
import { pageActor } from "@/lib/pages/guard";
import { TwoFactorSetup } from "@/components/accounts/two-factor-setup";
import { SignOutButton } from "@/components/auth/sign-out-button";

export const dynamic = "force-dynamic";

/** Where a session is sent when two-factor is required and the account has none yet. */
export default async function TwoFactorPage() {
  const actor = await pageActor();
  const t = await getTranslations("accounts.twoFactor");
  const c = await getTranslations("common");
  return (
    <main id="main" className="login card stack">
      <h1>{c("brand")} · {t("title")}</h1>
      {actor.mustEnrol && <p role="status" data-testid="two-factor-required">{t("requiredIntro")}</p>}
      {actor.twoFactor ? <p>{t("on")} <a href="/">{t("continue")}</a></p> : <TwoFactorSetup doneHref="/" />}
      <div><SignOutButton label={c("signOut")} /></div>
    </main>
  );
}
