"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useFormatter, useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { createTokenSchema } from "@/lib/validation/admin";
import { api, ApiError } from "@/components/client/api";
import { useErrorText } from "@/components/client/error-text";
import { Field } from "@/components/ui/field";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import "@/components/settings/settings.css";

export type TokenRow = { id: string; label: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };
type Created = { id: string; label: string; token: string; createdAt: string };
type LabelValues = z.input<typeof createTokenSchema>;

/** Personal API tokens: listed, created (the secret shown once), revoked. */
export function Tokens({ initial }: { initial: TokenRow[] }) {
  const t = useTranslations("settings.tokens");
  const errorText = useErrorText();
  const c = useTranslations("common");
  const format = useFormatter();
  const [tokens, setTokens] = useState(initial);
  const [fresh, setFresh] = useState<Created | null>(null);
  const when = (iso: string | null) => (iso ? <bdi>{format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" })}</bdi> : null);

  const revoke = async (row: TokenRow) => {
    try {
      const r = await api<{ id: string; revokedAt: string }>("DELETE", `/api/v1/tokens/${encodeURIComponent(row.id)}`);
      setTokens((ts) => ts.map((x) => (x.id === row.id ? { ...x, revokedAt: r.revokedAt } : x)));
      if (fresh?.id === row.id) setFresh(null);
      toast.success(t("revoked"));
      return true;
    } catch (e) {
      toast.error(e instanceof ApiError ? t("failed", { message: errorText(e) }) : t("network"));
      return false;
    }
  };

  return (
    <section className="stack" aria-labelledby="tokens-title" data-testid="tokens">
      <h2 id="tokens-title">{t("title")}</h2>
      <p className="muted" data-testid="tokens-explain">{t.rich("explain", { code: (chunks) => <bdi dir="ltr"><code>{chunks}</code></bdi> })}</p>

      <CreateToken
        onCreated={(created) => {
          setFresh(created);
          setTokens((ts) => [{ id: created.id, label: created.label, createdAt: created.createdAt, lastUsedAt: null, revokedAt: null }, ...ts]);
        }}
      />
      {fresh && <NewToken token={fresh} onDismiss={() => setFresh(null)} />}

      {tokens.length === 0 ? (
        <p className="muted">{t("none")}</p>
      ) : (
        <table className="list">
          <caption className="visually-hidden">{t("title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("label")}</th>
              <th scope="col">{t("created")}</th>
              <th scope="col">{t("lastUsed")}</th>
              <th scope="col">{t("status")}</th>
              <th scope="col"><span className="visually-hidden">{t("actions")}</span></th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((row) => {
              const name = row.label || t("unlabelled");
              return (
                <tr key={row.id} className={row.revokedAt ? "token-row-revoked" : undefined} data-testid="token">
                  <th scope="row"><bdi>{name}</bdi></th>
                  <td>{when(row.createdAt)}</td>
                  <td>{when(row.lastUsedAt) ?? <span className="muted">{t("never")}</span>}</td>
                  <td>{row.revokedAt ? <>{t("revokedOn")} {when(row.revokedAt)}</> : t("active")}</td>
                  <td>
                    {!row.revokedAt && (
                      <ConfirmDialog
                        trigger={<>{t("revoke")}<span className="visually-hidden"> <bdi>{name}</bdi></span></>}
                        triggerClassName="secondary danger"
                        title={t("revokeTitle", { label: name })}
                        description={<p>{t("revokeBody")}</p>}
                        confirmLabel={t("revokeConfirm")}
                        cancelLabel={c("cancel")}
                        danger
                        onConfirm={() => revoke(row)}
                      />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

function CreateToken({ onCreated }: { onCreated: (t: Created) => void }) {
  const t = useTranslations("settings.tokens");
  const errorText = useErrorText();
  const a = useTranslations("accounts");
  const form = useForm<LabelValues, unknown, z.output<typeof createTokenSchema>>({ resolver: zodResolver(createTokenSchema), defaultValues: { label: "" } });
  const err = form.formState.errors;
  const submit = form.handleSubmit(async ({ label }) => {
    try {
      onCreated(await api<Created>("POST", "/api/v1/tokens", { label }));
      form.reset({ label: "" });
    } catch (e) {
      if (e instanceof ApiError && e.body.error?.fields?.label) form.setError("label", { message: e.body.error.fields.label });
      // Two-factor accounts make tokens only within 10 minutes of a sign-in with the code.
      else if (e instanceof ApiError && (e.body.error as { reason?: string } | undefined)?.reason === "fresh_sign_in_required") toast.error(a("twoFactor.freshSignIn"));
      else toast.error(e instanceof ApiError ? t("failed", { message: errorText(e) }) : t("network"));
    }
  });
  return (
    <form className="card stack" onSubmit={submit} noValidate aria-labelledby="create-token-title" data-testid="create-token">
      <h3 id="create-token-title">{t("createTitle")}</h3>
      <Field id="token-label" label={t("label")} hint={err.label ? undefined : t("labelHint")} error={err.label && t("errors.label")}>
        <input dir="auto" autoComplete="off" {...form.register("label")} />
      </Field>
      <div>
        <button type="submit" disabled={form.formState.isSubmitting}>{t("create")}</button>
      </div>
    </form>
  );
}

/** The secret, once. It lives only in this component's state and is gone on reload. */
function NewToken({ token, onDismiss }: { token: Created; onDismiss: () => void }) {
  const t = useTranslations("settings.tokens");
  const input = useRef<HTMLInputElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token.token);
      toast.success(t("copied"));
    } catch {
      // No clipboard permission (or not a secure context): leave it selected for Ctrl+C.
      input.current?.focus();
      input.current?.select();
      toast.info(t("copyByHand"));
    }
  };
  return (
    <div className="card stack new-token" role="status" data-testid="new-token">
      <h3>{t("newTitle")}</h3>
      <p><strong>{t("onceWarning")}</strong></p>
      <div className="field">
        <label htmlFor="new-token-value">{t("newLabel", { label: token.label || t("unlabelled") })}</label>
        <input id="new-token-value" ref={input} readOnly value={token.token} dir="ltr" spellCheck={false} onFocus={(e) => e.currentTarget.select()} data-testid="new-token-value" />
      </div>
      <div className="row">
        <button type="button" onClick={() => void copy()}>{t("copy")}</button>
        <button type="button" className="secondary" onClick={onDismiss}>{t("dismiss")}</button>
      </div>
    </div>
  );
}
