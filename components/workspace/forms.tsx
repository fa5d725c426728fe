"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { forwardRef, type Ref } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { CLAIM_KINDS, RATINGS, sourceSchema, verdictSchema } from "@/lib/validation/claim";
import { useDraft } from "@/components/client/use-draft";
import { Field } from "@/components/ui/field";

/** One element, two owners: react-hook-form's register and the workspace's keyboard focus. */
function mergeRefs<T>(...refs: (Ref<T> | ((el: T | null) => void) | undefined)[]) {
  return (el: T | null) => {
    for (const ref of refs) {
      if (typeof ref === "function") ref(el);
      else if (ref) (ref as { current: T | null }).current = el;
    }
  };
}

const flagSchema = z.object({ kind: z.enum(CLAIM_KINDS), note: z.string().max(5000) });
type FlagValues = z.infer<typeof flagSchema>;

export function FlagForm({
  draftKey,
  quote,
  defaultKind,
  onSubmit,
  onCancel,
}: {
  draftKey: string;
  quote: string;
  defaultKind: FlagValues["kind"];
  onSubmit: (v: FlagValues) => Promise<void>;
  onCancel: () => void;
}) {
  const t = useTranslations("workspace");
  const form = useForm<FlagValues>({ resolver: zodResolver(flagSchema), defaultValues: { kind: defaultKind, note: "" } });
  const clear = useDraft(draftKey, form);
  return (
    <form
      className="panel-form"
      aria-label={t("flag.title")}
      onSubmit={form.handleSubmit(async (v) => {
        await onSubmit(v);
        clear();
      })}
    >
      <h3>{t("flag.title")}</h3>
      <blockquote className="quote"><bdi>{quote}</bdi></blockquote>
      <Field id="flag-kind" label={t("flag.kind")}>
        <select {...form.register("kind")} autoFocus>
          {CLAIM_KINDS.map((k) => <option key={k} value={k}>{t(`kinds.${k}`)}</option>)}
        </select>
      </Field>
      <Field id="flag-note" label={t("flag.note")}>
        <textarea rows={3} dir="auto" {...form.register("note")} />
      </Field>
      <div className="row">
        <button type="submit" disabled={form.formState.isSubmitting}>{t("flag.submit")}</button>
        <button type="button" className="secondary" onClick={() => { clear(); onCancel(); }}>{t("cancel")}</button>
      </div>
    </form>
  );
}

type SourceValues = z.input<typeof sourceSchema>;

export const SourceForm = forwardRef<HTMLInputElement, { draftKey: string; onSubmit: (v: z.output<typeof sourceSchema>) => Promise<void> }>(function SourceForm({ draftKey, onSubmit }, urlRef) {
  const t = useTranslations("workspace");
  const form = useForm<SourceValues, unknown, z.output<typeof sourceSchema>>({
    resolver: zodResolver(sourceSchema),
    defaultValues: { url: "", title: "", publisher: "", excerpt: "", stance: "supports" },
  });
  const clear = useDraft(draftKey, form);
  const { ref: registerRef, ...urlField } = form.register("url");
  const err = form.formState.errors;
  return (
    <form
      className="panel-form"
      aria-label={t("source.title")}
      noValidate
      onSubmit={form.handleSubmit(async (v) => {
        await onSubmit(v);
        clear();
        form.reset({ url: "", title: "", publisher: "", excerpt: "", stance: "supports" });
      })}
    >
      <h3>{t("source.title")}</h3>
      <Field id="source-url" label={t("source.url")} error={err.url && t("source.badUrl")}>
        <input type="url" dir="ltr" {...urlField} ref={mergeRefs(registerRef, urlRef)} />
      </Field>
      <Field id="source-title" label={t("source.titleField")}>
        <input dir="auto" {...form.register("title")} />
      </Field>
      <Field id="source-publisher" label={t("source.publisher")}>
        <input dir="auto" {...form.register("publisher")} />
      </Field>
      <Field id="source-excerpt" label={t("source.excerpt")}>
        <textarea rows={2} dir="auto" {...form.register("excerpt")} />
      </Field>
      <fieldset className="field">
        <legend>{t("source.stance")}</legend>
        <div className="row">
          {(["supports", "refutes", "context"] as const).map((s) => (
            <label key={s} className="inline"><input type="radio" value={s} {...form.register("stance")} /> {t(`stance.${s}`)}</label>
          ))}
        </div>
      </fieldset>
      <button type="submit" disabled={form.formState.isSubmitting}>{t("source.submit")}</button>
    </form>
  );
});

type VerdictValues = z.input<typeof verdictSchema>;

export const VerdictForm = forwardRef<HTMLSelectElement, {
  draftKey: string;
  existing: { rating: number | string; rationale: string; version: number } | null;
  disabled?: string | null;
  onSubmit: (v: z.output<typeof verdictSchema>) => Promise<void>;
}>(function VerdictForm({ draftKey, existing, disabled, onSubmit }, ratingRef) {
  const t = useTranslations("workspace");
  const form = useForm<VerdictValues, unknown, z.output<typeof verdictSchema>>({
    resolver: zodResolver(verdictSchema),
    defaultValues: { rating: existing ? String(existing.rating) as VerdictValues["rating"] : ("" as unknown as VerdictValues["rating"]), rationale: existing?.rationale ?? "", version: existing?.version },
  });
  const clear = useDraft(draftKey, form);
  const { ref: registerRef, ...ratingField } = form.register("rating");
  const err = form.formState.errors;
  return (
    <form
      className="panel-form"
      aria-label={t("verdict.title")}
      noValidate
      onSubmit={form.handleSubmit(async (v) => {
        await onSubmit({ ...v, version: existing?.version });
        clear();
      })}
    >
      <h3>{existing ? t("verdict.edit") : t("verdict.title")}</h3>
      {disabled && <p className="muted">{disabled}</p>}
      <Field id="verdict-rating" label={t("verdict.rating")} error={err.rating && t("verdict.pickRating")}>
        <select disabled={!!disabled} {...ratingField} ref={mergeRefs(registerRef, ratingRef)}>
          <option value="">{t("verdict.choose")}</option>
          {RATINGS.map((r) => <option key={r} value={r}>{r === "unverifiable" ? "" : `${r} · `}{t(`ratings.${r}`)}</option>)}
        </select>
      </Field>
      <Field id="verdict-rationale" label={t("verdict.rationale")} error={err.rationale && t("verdict.needRationale")}>
        <textarea rows={3} dir="auto" disabled={!!disabled} {...form.register("rationale")} />
      </Field>
      <button type="submit" disabled={form.formState.isSubmitting || !!disabled}>{t("verdict.submit")}</button>
    </form>
  );
});
