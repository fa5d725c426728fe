"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { api, ApiError } from "@/components/client/api";
import { useErrorText } from "@/components/client/error-text";
import "@/components/accounts/accounts.css";

type Enrolment = { secret: string; uri: string; qr: string };

/** Enrolment: a QR code (and the secret as text), a code to confirm, then the recovery codes once. */
export function TwoFactorSetup({ doneHref }: { doneHref: string }) {
  const t = useTranslations("accounts.twoFactor");
  const errorText = useErrorText();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [code, setCode] = useState("");
  const [codes, setCodes] = useState<string[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setFailure(null);
    try {
      await work();
    } catch (e) {
      setFailure(e instanceof ApiError ? (e.body.error?.fields?.code ? t("wrongCode") : t("failed", { message: errorText(e) })) : t("network"));
    } finally {
      setBusy(false);
    }
  };
  const start = () => run(async () => setEnrolment(await api<Enrolment>("POST", "/api/v1/me/two-factor/enrolment")));
  const confirm = (e: React.FormEvent) => {
    e.preventDefault();
    if (!/^\d{6}$/.test(code.trim())) return setFailure(t("codeFormat"));
    void run(async () => setCodes((await api<{ recoveryCodes: string[] }>("POST", "/api/v1/me/two-factor", { code: code.trim() })).recoveryCodes));
  };

  if (codes) {
    return (
      <div className="card stack" role="status" data-testid="recovery-codes">
        <h2>{t("codesTitle")}</h2>
        <p><strong>{t("codesOnce")}</strong> {t("codesExplain")}</p>
        <ol className="recovery-codes" dir="ltr">
          {codes.map((c) => <li key={c}><code>{c}</code></li>)}
        </ol>
        <p><a href={doneHref} className="button">{t("continue")}</a></p>
      </div>
    );
  }
  if (!enrolment) {
    return (
      <div className="stack">
        <p>{t("explain")}</p>
        {failure && <p role="alert" className="error">{failure}</p>}
        <div><button type="button" onClick={() => void start()} disabled={busy} data-testid="two-factor-start">{t("start")}</button></div>
      </div>
    );
  }
  return (
    <form className="stack" onSubmit={confirm} noValidate data-testid="two-factor-confirm">
      <p>{t("scan")}</p>
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={enrolment.qr} alt={t("qrAlt")} width={200} height={200} className="two-factor-qr" data-testid="two-factor-qr" />
      <p className="muted small">{t("byHand")} <code dir="ltr" data-testid="two-factor-secret">{enrolment.secret}</code></p>
      <div className="field">
        <label htmlFor="two-factor-code">{t("code")}</label>
        <input id="two-factor-code" inputMode="numeric" autoComplete="one-time-code" dir="ltr" value={code} onChange={(e) => setCode(e.target.value)} aria-invalid={!!failure} aria-describedby={failure ? "two-factor-error" : undefined} />
      </div>
      {failure && <p id="two-factor-error" role="alert" className="error">{failure}</p>}
      <div><button type="submit" disabled={busy}>{t("confirm")}</button></div>
    </form>
  );
}

/** The settings section: on (with codes left and a way to turn it off) or a way to set it up. */
export function TwoFactorSettings({ enabled, recoveryCodesLeft, required, sso }: { enabled: boolean; recoveryCodesLeft: number; required: boolean; sso: boolean }) {
  const t = useTranslations("accounts.twoFactor");
  const errorText = useErrorText();
  const [on, setOn] = useState(enabled);
  const [code, setCode] = useState("");
  const [failure, setFailure] = useState<string | null>(null);
  const off = async (e: React.FormEvent) => {
    e.preventDefault();
    setFailure(null);
    try {
      await api("DELETE", "/api/v1/me/two-factor", { code: code.trim() });
      setOn(false);
    } catch (err) {
      setFailure(err instanceof ApiError ? (err.body.error?.fields?.code ? t("wrongCode") : t("failed", { message: errorText(err) })) : t("network"));
    }
  };
  return (
    <section className="card stack" aria-labelledby="two-factor-title" data-testid="two-factor">
      <h2 id="two-factor-title">{t("title")}</h2>
      {sso && <p className="muted">{t("ssoNote")}</p>}
      {on ? (
        <>
          <p data-testid="two-factor-on">{t("on")} {t("codesLeft", { count: recoveryCodesLeft })}</p>
          {required ? (
            <p className="muted">{t("requiredNote")}</p>
          ) : (
            <form className="row" onSubmit={off} noValidate>
              <div className="field">
                <label htmlFor="two-factor-off-code">{t("offCode")}</label>
                <input id="two-factor-off-code" dir="ltr" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} />
              </div>
              <button type="submit" className="secondary danger">{t("turnOff")}</button>
              {failure && <p role="alert" className="error">{failure}</p>}
            </form>
          )}
        </>
      ) : (
        <TwoFactorSetup doneHref="/settings" />
      )}
    </section>
  );
}
