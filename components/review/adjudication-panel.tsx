"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { adjudicationSchema, RATINGS, reopenSchema } from "@/lib/validation/claim";
import { api, ApiError } from "@/components/client/api";
import { useErrorText } from "@/components/client/error-text";
import { useDraft } from "@/components/client/use-draft";
import { Field } from "@/components/ui/field";
import "@/components/review/review.css";
import "@/components/ui/ui.css";

type AdjudicationValues = z.input<typeof adjudicationSchema>;
type ReopenValues = z.input<typeof reopenSchema>;
type Winner = { rating: string; note: string; createdAt?: string };

/** The 409's `current.adjudication`: the decision another editor made first. */
function winnerOf(e: ApiError): Winner | null {
  const current = e.body.error?.current as { adjudication?: { rating?: unknown; note?: unknown; createdAt?: unknown } | null } | undefined;
  const a = current?.adjudication;
  if (!a || typeof a.rating !== "string") return null;
  return { rating: a.rating, note: typeof a.note === "string" ? a.note : "", createdAt: typeof a.createdAt === "string" ? a.createdAt : undefined };
}

/** The editor's side of a claim: the final verdict while it is open, reopening once verified. */
export function AdjudicationPanel({ claimId, status }: { claimId: string; status: "open" | "disputed" | "verified" | "retracted" }) {
  const t = useTranslations("review.adjudicate");
  const errorText = useErrorText();
  const tw = useTranslations("workspace");
  const router = useRouter();
  const [winner, setWinner] = useState<Winner | null>(null);

  const fail = (e: unknown) => {
    if (e instanceof ApiError) toast.error(t("failed", { message: errorText(e) }));
    else toast.error(t("network"));
  };

  return (
    <div className="stack">
      {winner && (
        <div className="inline-alert" role="alert" data-testid="adjudication-conflict">
          <p><strong>{t("lostRace")}</strong></p>
          <p>
            {t("theirDecision")}: <span className={`rating-badge rating-${winner.rating}`}>{tw(`ratings.${winner.rating}`)}</span>
          </p>
          {winner.note && <p className="rationale"><bdi>{winner.note}</bdi></p>}
        </div>
      )}
      {status === "verified" ? (
        <ReopenDialog claimId={claimId} onDone={() => { setWinner(null); router.refresh(); }} onFail={fail} />
      ) : status === "retracted" ? (
        <p className="muted">{t("retracted")}</p>
      ) : (
        <AdjudicationForm
          claimId={claimId}
          onDone={() => router.refresh()}
          onConflict={(e) => {
            const w = winnerOf(e);
            setWinner(w);
            if (w) toast.warning(t("lostRaceToast", { label: tw(`ratings.${w.rating}`) }));
            else toast.warning(t("conflict", { message: errorText(e) }));
            router.refresh();
          }}
          onFail={fail}
        />
      )}
    </div>
  );
}

function AdjudicationForm({ claimId, onDone, onConflict, onFail }: { claimId: string; onDone: () => void; onConflict: (e: ApiError) => void; onFail: (e: unknown) => void }) {
  const t = useTranslations("review.adjudicate");
  const tw = useTranslations("workspace");
  const form = useForm<AdjudicationValues, unknown, z.output<typeof adjudicationSchema>>({
    resolver: zodResolver(adjudicationSchema),
    defaultValues: { rating: "" as unknown as AdjudicationValues["rating"], note: "" },
  });
  const clear = useDraft(`adjudication:${claimId}`, form);
  const err = form.formState.errors;

  const submit = form.handleSubmit(async (v) => {
    try {
      await api("POST", `/api/v1/claims/${claimId}/adjudication`, { rating: v.rating, note: v.note });
      clear();
      toast.success(t("done", { label: tw(`ratings.${v.rating}`) }));
      onDone();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        clear();
        onConflict(e);
      } else if (e instanceof ApiError && e.status === 400 && e.body.error?.fields) {
        const fields = e.body.error.fields;
        if (fields.rating) form.setError("rating", { message: fields.rating });
        if (fields.note) form.setError("note", { message: fields.note });
        onFail(e);
      } else {
        onFail(e);
      }
    }
  });

  return (
    <form className="card stack" onSubmit={submit} noValidate aria-labelledby="adjudicate-title" data-testid="adjudication-form">
      <h3 id="adjudicate-title">{t("title")}</h3>
      <p className="muted small">{t("explain")}</p>
      <Field id="adjudication-rating" label={t("rating")} error={err.rating && t("pickRating")}>
        <select {...form.register("rating")}>
          <option value="">{t("choose")}</option>
          {RATINGS.map((r) => (
            <option key={r} value={r}>{r === "unverifiable" ? "" : `${r} · `}{tw(`ratings.${r}`)}</option>
          ))}
        </select>
      </Field>
      <Field id="adjudication-note" label={t("note")} hint={err.note ? undefined : t("noteHint")} error={err.note && t("needNote")}>
        <textarea rows={4} dir="auto" {...form.register("note")} />
      </Field>
      <div>
        <button type="submit" disabled={form.formState.isSubmitting}>{form.formState.isSubmitting ? t("submitting") : t("submit")}</button>
      </div>
    </form>
  );
}

function ReopenDialog({ claimId, onDone, onFail }: { claimId: string; onDone: () => void; onFail: (e: unknown) => void }) {
  const t = useTranslations("review.reopen");
  const c = useTranslations("common");
  const [open, setOpen] = useState(false);
  const form = useForm<ReopenValues, unknown, z.output<typeof reopenSchema>>({ resolver: zodResolver(reopenSchema), defaultValues: { reason: "" } });
  const err = form.formState.errors;
  const submit = form.handleSubmit(async ({ reason }) => {
    try {
      await api("POST", `/api/v1/claims/${claimId}/reopen`, { reason });
      toast.success(t("done"));
      form.reset({ reason: "" });
      setOpen(false);
      onDone();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        toast.warning(t("conflict"));
        setOpen(false);
        onDone();
      } else {
        onFail(e);
      }
    }
  });
  return (
    <Dialog.Root open={open} onOpenChange={(next) => !form.formState.isSubmitting && setOpen(next)}>
      <Dialog.Trigger asChild>
        <button type="button" className="secondary" data-testid="reopen">{t("button")}</button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="overlay" />
        <Dialog.Content className="dialog">
          <Dialog.Title asChild><h2>{t("title")}</h2></Dialog.Title>
          <Dialog.Description>{t("explain")}</Dialog.Description>
          <form onSubmit={submit} noValidate>
            <Field id="reopen-reason" label={t("reason")} error={err.reason && t("needReason")}>
              <textarea rows={3} dir="auto" {...form.register("reason")} />
            </Field>
            <div className="actions">
              <Dialog.Close asChild>
                <button type="button" className="secondary" disabled={form.formState.isSubmitting}>{c("cancel")}</button>
              </Dialog.Close>
              <button type="submit" disabled={form.formState.isSubmitting}>{t("confirm")}</button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
