"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { projectSettingsSchema } from "@/lib/validation/admin";
import { api, ApiError } from "@/components/client/api";
import { useErrorText } from "@/components/client/error-text";
import { Field as FormField } from "@/components/ui/field";
import "@/components/settings/settings.css";

type In = z.input<typeof projectSettingsSchema>;
type Out = z.output<typeof projectSettingsSchema>;
const FIELDS = ["requiredVerdicts", "organizationName", "organizationUrl"] as const;
type Field = (typeof FIELDS)[number];

export type ProjectSettingsValues = { requiredVerdicts: number; organizationName: string; organizationUrl: string | null };

/** How many verdicts a claim needs, and who signs the ClaimReview exports. */
export function ProjectSettingsForm({ projectId, initial }: { projectId: string; initial: ProjectSettingsValues }) {
  const t = useTranslations("settings.project");
  const errorText = useErrorText();
  const router = useRouter();
  const form = useForm<In, unknown, Out>({
    resolver: zodResolver(projectSettingsSchema),
    defaultValues: { requiredVerdicts: initial.requiredVerdicts, organizationName: initial.organizationName, organizationUrl: initial.organizationUrl ?? "" },
  });
  const err = form.formState.errors;

  const submit = form.handleSubmit(async (values) => {
    try {
      const saved = await api<ProjectSettingsValues>("PATCH", `/api/v1/projects/${projectId}/settings`, values);
      form.reset({ requiredVerdicts: saved.requiredVerdicts, organizationName: saved.organizationName, organizationUrl: saved.organizationUrl ?? "" });
      toast.success(t("saved"));
      router.refresh();
    } catch (e) {
      if (e instanceof ApiError && e.body.error?.fields) {
        for (const [field, message] of Object.entries(e.body.error.fields)) {
          if ((FIELDS as readonly string[]).includes(field)) form.setError(field as Field, { message });
        }
        toast.error(t("fixErrors"));
      } else if (e instanceof ApiError && e.status === 403) {
        toast.error(t("forbidden"));
      } else {
        toast.error(e instanceof ApiError ? t("failed", { message: errorText(e) }) : t("network"));
      }
    }
  });

  const errorOf = (name: Field) => (err[name] ? t(`errors.${name}`) : undefined);

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
      <button type="submit" disabled={form.formState.isSubmitting}>{form.formState.isSubmitting ? t("saving") : t("save")}</button>
    </form>
  );
}
