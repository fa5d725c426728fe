"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { signInSchema, type SignInInput } from "@/lib/validation/auth";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";
import { sameOriginUrl } from "@/lib/http/safe-redirect";
import { Field, FieldError } from "@/components/ui/field";

// What the credentials step answers when the password is right and a code is needed
// (lib/auth/options.ts).
const TWO_FACTOR_REQUIRED = "TwoFactorRequired";

export function LoginForm({ next, password = true, sso = null }: { next: string; password?: boolean; sso?: string | null }) {
  const t = useTranslations("auth");
  const a = useTranslations("accounts");
  const [failure, setFailure] = useState<string | null>(null);
  const [needCode, setNeedCode] = useState(false);
  const { register, handleSubmit, formState, setFocus } = useForm<SignInInput>({ resolver: zodResolver(signInSchema) });

  const onSubmit = async (values: SignInInput) => {
    setFailure(null);
    const result = await signIn("credentials", { ...values, code: needCode ? (values.code ?? "") : "", redirect: false });
    if (result?.ok && !result.error) {
      // The interface follows the language kept with the user's profile.
      const session = await fetch("/api/auth/session").then((r) => r.json()).catch(() => null);
      if (isLocale(session?.user?.locale)) document.cookie = `${LOCALE_COOKIE}=${session.user.locale}; path=/; max-age=31536000; samesite=lax`;
      // Checked again where it is used, against the origin the browser is really on.
      window.location.assign(sameOriginUrl(next, window.location.origin) ?? "/");
    } else if (result?.status === 429) {
      setFailure(t("tooMany"));
    } else if (result?.error === TWO_FACTOR_REQUIRED) {
      setNeedCode(true);
      setTimeout(() => setFocus("code"), 0);
    } else {
      setFailure(needCode ? a("twoFactor.signInWrong") : t("wrong"));
    }
  };

  return (
    <div className="stack">
      {sso && (
        <div>
          <button type="button" data-testid="sso-sign-in" onClick={() => void signIn("oidc", { callbackUrl: next })}>
            {a.rich("sso.signInWith", { name: sso, bdi: (chunks) => <bdi>{chunks}</bdi> })}
          </button>
        </div>
      )}
      {password && (
        <form onSubmit={handleSubmit(onSubmit)} noValidate aria-label={t("title")}>
          <Field id="email" label={t("email")} error={formState.errors.email && t("invalidEmail")}>
            <input type="email" dir="ltr" autoComplete="username" readOnly={needCode} {...register("email")} />
          </Field>
          <Field id="password" label={t("password")} error={formState.errors.password && t("missingPassword")}>
            <input type="password" dir="ltr" autoComplete="current-password" readOnly={needCode} {...register("password")} />
          </Field>
          {needCode && (
            <Field id="code" label={a("twoFactor.signInCode")} hint={a("twoFactor.signInHint")}>
              <input dir="ltr" inputMode="text" autoComplete="one-time-code" data-testid="sign-in-code" {...register("code")} />
            </Field>
          )}
          <FieldError>{failure}</FieldError>
          <button type="submit" disabled={formState.isSubmitting}>{formState.isSubmitting ? t("submitting") : t("submit")}</button>
        </form>
      )}
    </div>
  );
}
