"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ApiError } from "@/components/client/api";
import { useErrorText } from "@/components/client/error-text";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import "@/components/ui/ui.css";

type Current = { status?: string; version?: number; text?: string };

/**
 * Retracting a claim: the reason is asked in the app's dialog. When someone changed the claim
 * meanwhile (409), the reason typed stays and the claim as it is now is shown beside it.
 */
export function RetractDialog({ claim, onRetract }: { claim: { id: string; version: number }; onRetract: (reason: string) => Promise<void> }) {
  const t = useTranslations("workspace");
  const errorText = useErrorText();
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  const [conflict, setConflict] = useState<{ message: string; current: Current | null } | null>(null);
  const confirm = async () => {
    if (reason.trim() === "") {
      setMissing(true);
      return false;
    }
    try {
      await onRetract(reason.trim());
      setReason("");
      setConflict(null);
      return true;
    } catch (e) {
      const current = e instanceof ApiError && e.isConflict && typeof e.current === "object" ? (e.current as Current) : null;
      setConflict({ message: errorText(e), current });
      return false;
    }
  };
  return (
    <ConfirmDialog
      trigger={t("claim.retract")}
      triggerClassName="secondary danger"
      title={t("retract.title")}
      description={t("retract.explain")}
      confirmLabel={t("retract.confirm")}
      cancelLabel={t("cancel")}
      busyLabel={t("retract.busy")}
      danger
      testId="retract"
      onConfirm={confirm}
    >
      <Field id="retract-reason" label={t("claim.retractReason")} error={missing && reason.trim() === "" ? t("retract.needReason") : undefined}>
        <textarea rows={3} dir="auto" value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      {conflict && (
        <div className="inline-alert" role="alert" data-testid="retract-conflict">
          <p>{conflict.message}</p>
          {conflict.current && (
            <p>
              {t("retract.now", { status: t(`status.${conflict.current.status ?? "open"}`), version: conflict.current.version ?? 0 })}
            </p>
          )}
        </div>
      )}
    </ConfirmDialog>
  );
}
