"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { newPassword } from "@/lib/validation/accounts";
import { api, ApiError } from "@/components/client/api";
import { useErrorText } from "@/components/client/error-text";
import { Field } from "@/components/ui/field";

const formSchema = z.object({ password: newPassword, repeat: z.string() }).refine((v) => v.password === v.repeat, { path: ["repeat"], message: "mismatch" });
type Values = z.infer<typeof formSchema>;

/** The page a reset link opens: the token is read from the fragment, which no server sees. */
export function ResetPasswordForm() {
  const t = useTranslations("accounts.reset");
  const errorText = useErrorText();
  const [token, setToken] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<Values>({ resolver: zodResolver(formSchema), defaultValues: { password: "", repeat: "" } });
  const err = form.formState.errors;
  useEffect(() => {
    setToken(window.location.hash.slice(1) || "");
    // The secret leaves the address bar (and the history) once read.
    if (window.location.hash) history.replaceState(null, "", window.location.pathname);
  }, []);

  const submit = form.handleSubmit(async ({ password }) => {
    setFailure(null);
    try {
      await api("POST", "/api/v1/password-reset", { token, password });
      setDone(true);
    } catch (e) {
      setFailure(e instanceof ApiError && e.body.error?.fields?.token ? t("badLink") : e instanceof ApiError ? t("failed", { message: errorText(e) }) : t("network"));
    }
  });

  if (done) return <p role="status" data-testid="reset-done">{t("done")} <a href="/login">{t("toLogin")}</a></p>;
  if (token === "") return <p role="alert" className="error">{t("noToken")}</p>;
  return (
    <form onSubmit={submit} noValidate aria-label={t("title")} data-testid="reset-form">
      <div className="field">
        <label htmlFor="new-password">{t("password")}</label>
        <input id="new-password" type="password" dir="ltr" autoComplete="new-password" aria-invalid={!!err.password} aria-describedby="new-password-hint" {...form.register("password")} />
        <span id="new-password-hint" className={err.password ? "error" : "muted small"}>{t("passwordHint")}</span>
      </div>
      <Field id="repeat-password" label={t("repeat")} error={err.repeat && t("mismatch")}>
        <input type="password" dir="ltr" autoComplete="new-password" {...form.register("repeat")} />
      </Field>
      {failure && <p role="alert" className="error">{failure}</p>}
      <button type="submit" disabled={form.formState.isSubmitting || token === null}>{t("submit")}</button>
    </form>
  );
}
