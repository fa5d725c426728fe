"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { projectSettingsSchema } from "@/lib/validation/admin";
import { api } from "@/components/workspace/api";
import { isApiError, useErrorText, useFieldErrorTexts } from "@/components/client/error-text";
import { DISAGREEMENT_RULES, type DisagreementRule } from "@/lib/claims/claim-status";
import "@/components/settings/settings.css";

type In = z.input<typeof projectSettingsSchema>;
type Out = z.output<typeof projectSettingsSchema>;
const FIELDS = ["requiredVerdicts", "organizationName", "organizationUrl", "disagreementRule"] as const;
type Field = (typeof FIELDS)[number];

export type ProjectSettingsValues = { requiredVerdicts: number; organizationName: string; organizationUrl: string | null; disagreementRule: DisagreementRule };

/** How many verdicts a claim needs, and who signs the ClaimReview exports. */
export function ProjectSettingsForm({ projectId, initial }: { projectId: string; initial: ProjectSettingsValues }) {
  const t = useTranslations("settings.project");
  const router = useRouter();
  const errorText = useErrorText();
  const fieldErrorTexts = useFieldErrorTexts();
  const form = useForm<In, unknown, Out>({
    resolver: zodResolver(projectSettingsSchema),
    defaultValues: { requiredVerdicts: initial.requiredVerdicts, organizationName: initial.organizationName, organizationUrl: initial.organizationUrl ?? "", disagreementRule: initial.disagreementRule },
  });
  const err = form.formState.errors;

  const submit = form.handleSubmit(async (values) => {
    try {
      const saved = await api<ProjectSettingsValues>("PATCH", `/api/v1/projects/${projectId}/settings`, values);
      form.reset({ requiredVerdicts: saved.requiredVerdicts, organizationName: saved.organizationName, organizationUrl: saved.organizationUrl ?? "", disagreementRule: saved.disagreementRule });
      toast.success(t("saved"));
      router.refresh();
    } catch (e) {
      const fields = fieldErrorTexts(e);
      if (isApiError(e) && Object.keys(fields).length) {
        for (const [field, message] of Object.entries(fields)) {
          if ((FIELDS as readonly string[]).includes(field)) form.setError(field as Field, { message });
        }
        toast.error(t("fixErrors"));
      } else if (isApiError(e) && e.status === 403) {
        toast.error(t("forbidden"));
      } else {
        toast.error(isApiError(e) ? t("failed", { message: errorText(e) }) : t("network"));
      }
    }
  });

  const described = (name: Field, hint?: boolean) => ({
    "aria-invalid": !!err[name],
    "aria-describedby": err[name] ? `${name}-error` : hint ? `${name}-hint` : undefined,
  });
  // The form's own wording for its fields; a reason the server gave (in the reader's language) otherwise.
  const errorOf = (name: Field) =>
    err[name] ? <span id={`${name}-error`} className="error" role="alert">{t.has(`errors.${name}`) ? t(`errors.${name}`) : err[name]?.message}</span> : null;

  return (
    <form className="card settings-form" onSubmit={submit} noValidate aria-labelledby="project-settings-title" data-testid="project-settings-form">
      <h2 id="project-settings-title">{t("title")}</h2>
      <div className="field">
        <label htmlFor="requiredVerdicts">{t("requiredVerdicts")}</label>
        <input
          id="requiredVerdicts"
          type="number"
          inputMode="numeric"
          min={1}
          max={10}
          step={1}
          dir="ltr"
          {...described("requiredVerdicts", true)}
          {...form.register("requiredVerdicts", { valueAsNumber: true })}
        />
        {errorOf("requiredVerdicts") ?? <span id="requiredVerdicts-hint" className="hint">{t("requiredVerdictsHint")}</span>}
      </div>
      <div className="field">
        <label htmlFor="organizationName">{t("organizationName")}</label>
        <input id="organizationName" dir="auto" autoComplete="organization" {...described("organizationName", true)} {...form.register("organizationName")} />
        {errorOf("organizationName") ?? <span id="organizationName-hint" className="hint">{t("organizationHint")}</span>}
      </div>
      <div className="field">
        <label htmlFor="organizationUrl">{t("organizationUrl")}</label>
        <input id="organizationUrl" type="url" dir="ltr" autoComplete="url" {...described("organizationUrl")} {...form.register("organizationUrl")} />
        {errorOf("organizationUrl")}
      </div>
      <fieldset className="field" aria-describedby="disagreementRule-hint">
        <legend>{t("disagreementRule")}</legend>
        {DISAGREEMENT_RULES.map((rule) => (
          <label key={rule} className="inline">
            <input type="radio" value={rule} {...form.register("disagreementRule")} />
            {t(`disagreementRules.${rule}`)}
          </label>
        ))}
        <span id="disagreementRule-hint" className="hint">{t("disagreementRuleHint")}</span>
        {errorOf("disagreementRule")}
      </fieldset>
      <button type="submit" disabled={form.formState.isSubmitting}>{form.formState.isSubmitting ? t("saving") : t("save")}</button>
    </form>
  );
}
