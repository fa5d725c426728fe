import { getTranslations } from "next-intl/server";
import { getPersonalSettings } from "@/lib/accounts/get-personal-settings";
import { pageActor } from "@/lib/pages/guard";
import { Tokens } from "@/components/settings/tokens";
import { NotificationSettings } from "@/components/collab/notification-settings";
import { ChangePassword } from "@/components/accounts/change-password";
import { TwoFactorSettings } from "@/components/accounts/two-factor-setup";

export default async function PersonalSettingsPage() {
  const actor = await pageActor();
  const t = await getTranslations("settings");
  const { twoFactor, tokens, notifications } = await getPersonalSettings({ actor });
  return (
    <div className="stack narrow">
      <h1>{t("personal.title")}</h1>
      <section className="card stack" aria-labelledby="account-title">
        <h2 id="account-title">{t("personal.account")}</h2>
        <dl className="facts">
          <dt>{t("personal.name")}</dt><dd><bdi>{actor.name}</bdi></dd>
          <dt>{t("personal.email")}</dt><dd><bdi dir="ltr">{actor.email}</bdi></dd>
        </dl>
      </section>
      {actor.method !== "oidc" && <ChangePassword />}
      <TwoFactorSettings enabled={twoFactor.enabled} recoveryCodesLeft={twoFactor.recoveryCodesLeft} required={twoFactor.required} sso={actor.method === "oidc"} />
      <Tokens initial={tokens} />
      <NotificationSettings {...notifications} />
      <p className="muted small">
        {t("personal.apiDocs")} <a href="/api/v1/openapi.json" dir="ltr">/api/v1/openapi.json</a>
      </p>
    </div>
  );
}
