"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { projectSettingsSchema } from "@/lib/validation/admin";
import { api, ApiError } from "@/components/client/api";
import { useErrorText, isApiError, useFieldErrorTexts } from "@/components/client/error-text";
import { Field as FormField } from "@/components/ui/field";
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
  const errorText = useErrorText();
  const router = useRouter();
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
        toast.error(e instanceof ApiError ? t("failed", { message: errorText(e) }) : t("network"));
      }
    }
  });

  // The form's own wording for its fields; a reason the server gave (in the reader's language) otherwise.
  const errorOf = (name: Field) => (err[name] ? (t.has(`errors.${name}`) ? t(`errors.${name}`) : err[name]?.message) : undefined);

  return (
    <form className="card settings-form" onSubmit={submit} noValidate aria-labelledby="project-settings-title" data-testid="project-settings-form">
      <h2 id="project-settings-title">{t("title")}</h2>
      <FormField id="requiredVerdicts" label={t("requiredVerdicts")} hint={t("requiredVerdictsHint")} error={errorOf("requiredVerdicts")}>
        <input type="number" inputMode="numeric" min={1} max={10} step={1} dir="ltr" {...form.register("requiredVerdicts", { valueAsNumber: true })} />
      </FormField>
      <FormField id="organizationName" label={t("organizationName")} hint={t("organizationHint")} error={errorOf("organizationName")}>
        <input dir="auto" autoComplete="organization" {...form.register("organizationName")} />
      </FormField>
      <FormField id="organizationUrl" label={t("organizationUrl")} error={errorOf("organizationUrl")}>
        <input type="url" dir="ltr" autoComplete="url" {...form.register("organizationUrl")} />
      </FormField>
      <fieldset className="field" aria-describedby="disagreementRule-hint">
        <legend>{t("disagreementRule")}</legend>
        {DISAGREEMENT_RULES.map((rule) => (
          <label key={rule} className="inline">
            <input type="radio" value={rule} {...form.register("disagreementRule")} />
            {t(`disagreementRules.${rule}`)}
          </label>
        ))}
        <span id="disagreementRule-hint" className="hint">{t("disagreementRuleHint")}</span>
        {errorOf("disagreementRule") && <span className="error" role="alert">{errorOf("disagreementRule")}</span>}
      </fieldset>
      <button type="submit" disabled={form.formState.isSubmitting}>{form.formState.isSubmitting ? t("saving") : t("save")}</button>
    </form>
  );
}
