"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { changePasswordSchema } from "@/lib/validation/accounts";
import { api, ApiError } from "@/components/client/api";
import { useErrorText } from "@/components/client/error-text";
import { Field } from "@/components/ui/field";

type Values = z.infer<typeof changePasswordSchema>;

/** Current password, then the new one; the user's other sessions end. */
export function ChangePassword() {
  const t = useTranslations("accounts.password");
  const errorText = useErrorText();
  const form = useForm<Values>({ resolver: zodResolver(changePasswordSchema), defaultValues: { currentPassword: "", newPassword: "" } });
  const err = form.formState.errors;
  const submit = form.handleSubmit(async (values) => {
    try {
      await api("PUT", "/api/v1/me/password", values);
      form.reset();
      toast.success(t("changed"));
    } catch (e) {
      if (e instanceof ApiError && e.body.error?.fields?.currentPassword) form.setError("currentPassword", { message: "wrong" });
      else toast.error(e instanceof ApiError ? (e.status === 429 ? t("tooMany") : t("failed", { message: errorText(e) })) : t("network"));
    }
  });
  return (
    <form className="card stack" onSubmit={submit} noValidate aria-labelledby="password-title" data-testid="change-password">
      <h2 id="password-title">{t("title")}</h2>
      <p className="muted">{t("explain")}</p>
      <Field id="current-password" label={t("current")} error={err.currentPassword && (err.currentPassword.message === "wrong" ? t("wrong") : t("required"))}>
        <input type="password" dir="ltr" autoComplete="current-password" {...form.register("currentPassword")} />
      </Field>
      <div className="field">
        <label htmlFor="next-password">{t("new")}</label>
        <input id="next-password" type="password" dir="ltr" autoComplete="new-password" aria-invalid={!!err.newPassword} aria-describedby="next-password-hint" {...form.register("newPassword")} />
        <span id="next-password-hint" className={err.newPassword ? "error" : "muted small"}>{t("hint")}</span>
      </div>
      <div><button type="submit" disabled={form.formState.isSubmitting}>{t("submit")}</button></div>
    </form>
  );
}
