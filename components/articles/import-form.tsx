"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { articleInputSchema, type ArticleFormValues, type ArticleInput } from "@/lib/validation/article";
import { api, ApiError } from "@/components/client/api";
import { useDraft } from "@/components/client/use-draft";
import { useErrorText, useFieldErrorTexts } from "@/components/client/error-text";
import { useFailureToast } from "@/components/client/toasts";
import { Field } from "@/components/ui/field";

const FIELDS = ["title", "body", "language", "sourceUrl", "outlet", "publishedAt"] as const;
const LIMIT_REASONS = ["too_many_sentences", "too_many_figures", "too_complex"] as const;
type LimitError = { reason: (typeof LIMIT_REASONS)[number]; limit: number; found?: number };
const isLimit = (error: unknown): error is LimitError =>
  typeof error === "object" && error !== null && (LIMIT_REASONS as readonly unknown[]).includes((error as LimitError).reason) && typeof (error as LimitError).limit === "number";

export function ImportForm({ projectId }: { projectId: string }) {
  const t = useTranslations("projects.form");
  const errorText = useErrorText();
  const fieldErrorTexts = useFieldErrorTexts();
  const tl = useTranslations("projects.limits");
  const fail = useFailureToast();
  const [existing, setExisting] = useState<string | null>(null);
  const form = useForm<ArticleFormValues, unknown, ArticleInput>({
    resolver: zodResolver(articleInputSchema),
    defaultValues: { title: "", body: "", language: "", sourceUrl: "", outlet: "", publishedAt: "" } as ArticleFormValues,
  });
  const clear = useDraft(`import:${projectId}`, form);
  const err = form.formState.errors;

  const onSubmit = async (values: ArticleInput) => {
    setExisting(null);
    try {
      const raw = form.getValues();
      // The server parses the same schema again; send what the person typed.
      const created = await api<{ id: string }>("POST", `/api/v1/projects/${projectId}/articles`, {
        ...raw,
        publishedAt: values.publishedAt ? String(raw.publishedAt) : undefined,
      });
      clear();
      toast.success(t("done"));
      window.location.assign(`/articles/${created.id}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        const id = (e.body.error as { existingId?: string } | undefined)?.existingId ?? null;
        setExisting(id);
        toast.warning(t("duplicate"));
      } else if (e instanceof ApiError && e.status === 413 && isLimit(e.body.error)) {
        // An article past the limits of one article: the server's code, said in the interface's language.
        const { reason, limit, found } = e.body.error;
        const message = tl(reason, { limit, found: found ?? 0 });
        form.setError("body", { message });
        toast.error(message);
      } else if (e instanceof ApiError && e.body.error?.fields) {
        for (const [field, message] of Object.entries(fieldErrorTexts(e))) {
          if ((FIELDS as readonly string[]).includes(field)) form.setError(field as (typeof FIELDS)[number], { message });
        }
        toast.error(errorText(e));
      } else {
        fail(e);
      }
    }
  };

  const errorOf = (name: (typeof FIELDS)[number]) => (err[name] ? String(err[name]?.message) : undefined);

  return (
    <form className="card" onSubmit={form.handleSubmit(onSubmit)} noValidate aria-busy={form.formState.isSubmitting}>
      <Field id="title" label={t("title")} error={errorOf("title")}>
        <input dir="auto" {...form.register("title")} />
      </Field>
      <Field id="body" label={t("body")} error={errorOf("body")}>
        <textarea rows={14} dir="auto" {...form.register("body")} />
      </Field>
      <div className="grid-2">
        <Field id="language" label={t("language")} error={errorOf("language")}>
          <select {...form.register("language")}>
            <option value="">{t("detect")}</option>
            <option value="ar">{t("arabic")}</option>
            <option value="en">{t("english")}</option>
          </select>
        </Field>
        <Field id="publishedAt" label={t("publishedAt")} error={errorOf("publishedAt")}>
          <input type="date" dir="ltr" {...form.register("publishedAt")} />
        </Field>
        <Field id="sourceUrl" label={t("sourceUrl")} error={errorOf("sourceUrl")}>
          <input type="url" dir="ltr" {...form.register("sourceUrl")} />
        </Field>
        <Field id="outlet" label={t("outlet")} error={errorOf("outlet")}>
          <input dir="auto" {...form.register("outlet")} />
        </Field>
      </div>
      {existing && (
        <p role="status" className="error">
          {t("duplicate")} <a href={`/articles/${existing}`}>{t("openExisting")}</a>
        </p>
      )}
      <p className="muted small">{t("draftKept")}</p>
      <button type="submit" disabled={form.formState.isSubmitting}>{form.formState.isSubmitting ? t("submitting") : t("submit")}</button>
    </form>
  );
}
