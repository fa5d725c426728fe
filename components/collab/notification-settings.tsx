"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { api, ApiError } from "@/components/client/api";
import { useErrorText } from "@/components/client/error-text";

type Kind = "mention" | "reply" | "assigned" | "adjudicated" | "reopened" | "disagreement";

/** Which kinds of notification the user wants (stored as the kinds they muted). */
export function NotificationSettings({ kinds, muted }: { kinds: Kind[]; muted: Kind[] }) {
  const t = useTranslations("collab.notifications.settings");
  const errorText = useErrorText();
  const [off, setOff] = useState(new Set(muted));
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      const saved = await api<{ muted: Kind[] }>("PUT", "/api/v1/me/notification-settings", { muted: [...off] });
      setOff(new Set(saved.muted));
      toast.success(t("saved"));
    } catch (e) {
      toast.error(e instanceof ApiError ? errorText(e) : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card stack" aria-labelledby="notification-settings-title" data-testid="notification-settings">
      <h2 id="notification-settings-title">{t("title")}</h2>
      <p className="muted small">{t("intro")}</p>
      {kinds.map((k) => (
        <label key={k} className="row">
          <input type="checkbox" checked={!off.has(k)} onChange={(e) => setOff((s) => { const n = new Set(s); if (e.target.checked) n.delete(k); else n.add(k); return n; })} />
          {t(`kinds.${k}`)}
        </label>
      ))}
      <div><button type="button" onClick={() => void save()} disabled={busy}>{t("save")}</button></div>
    </section>
  );
}
