import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/auth/login-form";
import { AuthPageHead } from "@/components/ui/auth-page-head";
import { oidcEnabled, oidcName } from "@/lib/accounts/oidc-provider";
import { getEnv } from "@/lib/env";
import { publicBaseUrl } from "@/lib/public-url";
import { sameOriginPath } from "@/lib/http/safe-redirect";

export const metadata = { title: "Sign in · Sanad" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams;
  const t = await getTranslations("auth");
  const tsso = await getTranslations("accounts.sso");
  // Only same-origin paths, as the browser would parse them: an open redirect after sign-in is
  // a phishing aid (lib/http/safe-redirect.ts).
  const next = sameOriginPath(callbackUrl, publicBaseUrl());
  return (
    <main id="main" className="login card">
      <AuthPageHead title={t("title")} intro={t("intro")} />
      {/* next-auth sends a failed single sign-on exchange (a forged or stale state, a provider error) here. */}
      {error && /^(OAuth|Callback)/.test(error) && <p role="alert" className="error" data-testid="sso-failed">{tsso("failedExchange")}</p>}
      <LoginForm next={next} password={getEnv().SANAD_PASSWORD_LOGIN !== "0"} sso={oidcEnabled() ? (oidcName() ?? tsso("defaultName")) : null} />
    </main>
  );
}
