"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { api, ApiError } from "@/components/client/api";
import { useErrorText } from "@/components/client/error-text";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { PeopleTable } from "@/components/ui/people-table";
import "@/components/settings/settings.css";

export type AdminUserRow = {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  createdAt: string;
  lastSignInAt: string | null;
  deactivatedAt: string | null;
  twoFactor: boolean;
  singleSignOn: boolean;
  resetPending: boolean;
};
type ResetLink = { userId: string; email: string; url: string; expiresAt: string };

// Names and emails inside translated strings (toasts, the dialog's title) are isolated with
// FSI…PDI, so a Latin name in an Arabic sentence (or the reverse) keeps its place.
const isolate = (text: string) => `\u2068${text}\u2069`;

/** Every account: last sign-in, state; deactivate, reactivate, a one-time reset link. */
export function UsersAdmin({ initial, viewerId }: { initial: AdminUserRow[]; viewerId: string }) {
  const t = useTranslations("accounts.users");
  const errorText = useErrorText();
  const c = useTranslations("common");
  const format = useFormatter();
  const [users, setUsers] = useState(initial);
  const [link, setLink] = useState<ResetLink | null>(null);
  const when = (iso: string | null) => (iso ? <bdi>{format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" })}</bdi> : null);
  const replace = (row: AdminUserRow) => setUsers((us) => us.map((u) => (u.id === row.id ? row : u)));

  const act = async (row: AdminUserRow, action: "deactivate" | "reactivate" | "reset-password") => {
    const id = encodeURIComponent(row.id);
    try {
      if (action === "reset-password") {
        setLink(await api<ResetLink>("POST", `/api/v1/admin/users/${id}/reset-password`));
        replace({ ...row, resetPending: true });
      } else if (action === "deactivate") {
        replace(await api<AdminUserRow>("POST", `/api/v1/admin/users/${id}/deactivate`));
        toast.success(t("deactivated", { name: isolate(row.name) }));
      } else {
        replace(await api<AdminUserRow>("POST", `/api/v1/admin/users/${id}/reactivate`));
        toast.success(t("reactivated", { name: isolate(row.name) }));
      }
      return true;
    } catch (e) {
      toast.error(e instanceof ApiError ? t("failed", { message: errorText(e) }) : t("network"));
      return false;
    }
  };

  return (
    <section className="stack" aria-labelledby="users-title" data-testid="users-admin">
      <h1 id="users-title">{t("title")}</h1>
      <p className="muted">{t("explain")}</p>
      {link && (
        <div className="card stack new-token" role="status" data-testid="reset-link">
          <h2>{t("linkTitle", { email: isolate(link.email) })}</h2>
          <p><strong>{t("linkWarning")}</strong> {t("linkExpires")} {when(link.expiresAt)}</p>
          <input readOnly value={link.url} dir="ltr" spellCheck={false} aria-label={t("linkLabel")} onFocus={(e) => e.currentTarget.select()} data-testid="reset-link-value" />
          <div><button type="button" className="secondary" onClick={() => setLink(null)}>{t("dismiss")}</button></div>
        </div>
      )}
      <PeopleTable
        caption={t("title")}
        labels={{ name: t("name"), email: t("email") }}
        columns={[t("lastSignIn"), t("state")]}
        actionsLabel={t("actions")}
        rows={users}
        keyOf={(u) => u.id}
        rowProps={(u) => ({ "data-testid": "user-row", className: u.deactivatedAt ? "token-row-revoked" : undefined })}
        badge={(u) => u.isAdmin && <> <span className="badge">{c("admin")}</span></>}
        cells={(u) => (
          <>
            <td>{when(u.lastSignInAt) ?? <span className="muted">{t("never")}</span>}</td>
            <td>
              {u.deactivatedAt ? <>{t("deactivatedOn")} {when(u.deactivatedAt)}</> : t("active")}
              {u.twoFactor && <> · {t("twoFactor")}</>}
              {u.singleSignOn && <> · {t("sso")}</>}
              {u.resetPending && <> · {t("resetPending")}</>}
            </td>
            <td className="row">
              {u.deactivatedAt ? (
                <button type="button" className="secondary" onClick={() => void act(u, "reactivate")}>
                  {t("reactivate")}<span className="visually-hidden"> <bdi>{u.name}</bdi></span>
                </button>
              ) : (
                <>
                  <button type="button" className="secondary" onClick={() => void act(u, "reset-password")}>
                    {t("resetLink")}<span className="visually-hidden"> <bdi>{u.name}</bdi></span>
                  </button>
                  {u.id !== viewerId && (
                    <ConfirmDialog
                      trigger={<>{t("deactivate")}<span className="visually-hidden"> <bdi>{u.name}</bdi></span></>}
                      triggerClassName="secondary danger"
                      title={t("deactivateTitle", { name: isolate(u.name) })}
                      description={<p>{t("deactivateBody")}</p>}
                      confirmLabel={t("deactivateConfirm")}
                      cancelLabel={c("cancel")}
                      danger
                      onConfirm={() => act(u, "deactivate")}
                    />
                  )}
                </>
              )}
            </td>
          </>
        )}
      />
    </section>
  );
}
