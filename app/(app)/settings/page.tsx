import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getSessionActor } from "@/lib/auth/session";
import { listTokens } from "@/lib/admin/list-tokens";
import { Tokens, type TokenRow } from "@/components/settings/tokens";
import { getNotificationSettings } from "@/lib/notifications/get-notification-settings";
import { NotificationSettings } from "@/components/collab/notification-settings";
import { ChangePassword } from "@/components/accounts/change-password";
import { TwoFactorSettings } from "@/components/accounts/two-factor-setup";
import { twoFactorStatus } from "@/lib/accounts/two-factor-status";

export default async function PersonalSettingsPage() {
  const actor = await getSessionActor();
  if (!actor) redirect("/login");
  const t = await getTranslations("settings");
  const twoFactor = await twoFactorStatus({ actor });
  const tokens = JSON.parse(JSON.stringify(await listTokens({ actor }))) as TokenRow[];
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
      <NotificationSettings {...await getNotificationSettings(actor)} />
      <p className="muted small">
        {t("personal.apiDocs")} <a href="/api/v1/openapi.json" dir="ltr">/api/v1/openapi.json</a>
      </p>
    </div>
  );
}
