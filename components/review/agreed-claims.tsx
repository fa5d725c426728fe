"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { toast } from "sonner";
import { api, ApiError } from "@/components/client/api";
import { useErrorText } from "@/components/client/error-text";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import "@/components/review/review.css";

export type AgreedItem = { id: string; text: string; articleId: string; rating: string; verdicts: number };

/** Claims every required reviewer rated alike, verified together behind one confirmation. */
export function AgreedClaims({ projectId, items, requiredVerdicts }: { projectId: string; items: AgreedItem[]; requiredVerdicts: number }) {
  const t = useTranslations("review.agreed");
  const errorText = useErrorText();
  const tw = useTranslations("workspace");
  const c = useTranslations("common");
  const format = useFormatter();
  const router = useRouter();
  const count = items.length;
  const n = (x: number) => <bdi dir="ltr">{format.number(x)}</bdi>;

  const verifyAll = async () => {
    try {
      // Exactly the claims on screen: one that changed meanwhile is skipped by the server.
      const result = await api<{ verified: string[]; skipped: string[] }>("POST", `/api/v1/projects/${projectId}/agreed`, { claimIds: items.map((i) => i.id) });
      toast.success(t("done", { count: result.verified.length }));
      if (result.skipped.length > 0) toast.info(t("skipped", { count: result.skipped.length }));
      router.refresh();
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        toast.warning(t("noneLeft"));
        router.refresh();
        return true;
      }
      toast.error(e instanceof ApiError ? c("error", { message: errorText(e) }) : t("network"));
      return false;
    }
  };

  return (
    <section className="stack" aria-labelledby="agreed-title" data-testid="agreed-claims">
      <div className="row spread">
        <h2 id="agreed-title">{t("title")} ({n(count)})</h2>
        {count > 0 && (
          <ConfirmDialog
            testId="verify-agreed"
            trigger={t("verifyAll", { count })}
            title={t("confirmTitle", { count })}
            description={<p>{t("confirmBody", { count })}</p>}
            confirmLabel={t("confirm", { count })}
            busyLabel={t("verifying")}
            cancelLabel={c("cancel")}
            onConfirm={verifyAll}
          />
        )}
      </div>
      <p className="muted">{t("explain", { required: requiredVerdicts })}</p>
      {count === 0 ? (
        <p className="muted">{t("none")}</p>
      ) : (
        <div className="agreed-list">
          <table className="list">
            <caption className="visually-hidden">{t("title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("claim")}</th>
                <th scope="col">{t("rating")}</th>
                <th scope="col">{t("verdicts")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.id}>
                  <td><Link href={`/claims/${i.id}`}><bdi>{i.text}</bdi></Link></td>
                  <td><span className={`rating-badge rating-${i.rating}`}>{tw(`ratings.${i.rating}`)}</span></td>
                  <td>{n(i.verdicts)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
