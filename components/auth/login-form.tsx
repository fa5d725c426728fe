"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { signInSchema, type SignInInput } from "@/lib/validation/auth";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";
import { sameOriginUrl } from "@/lib/http/safe-redirect";

export function LoginForm({ next }: { next: string }) {
  const t = useTranslations("auth");
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<SignInInput>({ resolver: zodResolver(signInSchema) });

  const onSubmit = async (values: SignInInput) => {
    setFailure(null);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (result?.ok && !result.error) {
      // The interface follows the language kept with the user's profile.
      const session = await fetch("/api/auth/session").then((r) => r.json()).catch(() => null);
      if (isLocale(session?.user?.locale)) document.cookie = `${LOCALE_COOKIE}=${session.user.locale}; path=/; max-age=31536000; samesite=lax`;
      // Checked again where it is used, against the origin the browser is really on.
      window.location.assign(sameOriginUrl(next, window.location.origin) ?? "/");
    } else if (result?.status === 429) {
      setFailure(t("tooMany"));
    } else {
      setFailure(t("wrong"));
    }
  };

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate aria-label={t("title")}>
      <div className="field">
        <label htmlFor="email">{t("email")}</label>
        <input id="email" type="email" dir="ltr" autoComplete="username" aria-invalid={!!formState.errors.email} aria-describedby={formState.errors.email ? "email-error" : undefined} {...register("email")} />
        {formState.errors.email && <span id="email-error" className="error">{t("invalidEmail")}</span>}
      </div>
      <div className="field">
        <label htmlFor="password">{t("password")}</label>
        <input id="password" type="password" dir="ltr" autoComplete="current-password" aria-invalid={!!formState.errors.password} aria-describedby={formState.errors.password ? "password-error" : undefined} {...register("password")} />
        {formState.errors.password && <span id="password-error" className="error">{t("missingPassword")}</span>}
      </div>
      {failure && <p role="alert" className="error">{failure}</p>}
      <button type="submit" disabled={formState.isSubmitting}>{formState.isSubmitting ? t("submitting") : t("submit")}</button>
    </form>
  );
}
