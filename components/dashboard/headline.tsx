import type { ReactNode } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { Dashboard } from "@/lib/dashboard/get-dashboard";
import "@/components/dashboard/dashboard.css";

/** The agreement figures and the claims' statuses, in numbers. A figure that is undefined says so. */
export function Headline({ agreement, claims, minimum }: { agreement: Dashboard["agreement"] & { enough?: boolean }; claims: Dashboard["claims"]; minimum?: number }) {
  const t = useTranslations("dashboard.headline");
  const tw = useTranslations("workspace");
  const format = useFormatter();
  const undefinedFigure = (
    <>
      <span aria-hidden="true">—</span>
      <span className="hint">{t("undefined")}</span>
    </>
  );
  // Too few compared claims: the figure is left out, and the reader told why (n of the minimum).
  const tooFew = agreement.enough === false && minimum !== undefined;
  const notEnough = (
    <>
      <span aria-hidden="true">—</span>
      <span className="hint">{t("notEnough", { items: agreement.items, minimum: minimum ?? 0 })}</span>
    </>
  );
  const figure = (x: number | null, style: "ratio" | "percent" | "int") =>
    x === null ? (tooFew && style !== "int" ? notEnough : undefinedFigure) : (
      <bdi dir="ltr">
        {style === "percent"
          ? format.number(x, { style: "percent", maximumFractionDigits: 1 })
          : style === "ratio"
            ? format.number(x, { minimumFractionDigits: 2, maximumFractionDigits: 2 })
            : format.number(x)}
      </bdi>
    );
  const items: Array<[string, string, ReactNode]> = [
    ["percent", t("percentAgreement"), figure(agreement.percentAgreement, "percent")],
    ["kappa", t("cohenKappa"), agreement.cohenKappa === null && agreement.raters > 2 && !tooFew ? <><span aria-hidden="true">—</span><span className="hint">{t("kappaTwoOnly")}</span></> : figure(agreement.cohenKappa, "ratio")],
    ["alpha", t("krippendorffAlpha"), figure(agreement.krippendorffAlpha, "ratio")],
    ["raters", t("raters"), figure(agreement.raters, "int")],
    ["items", t("items"), figure(agreement.items, "int")],
  ];
  const statuses = ["open", "disputed", "verified", "retracted"] as const;
  return (
    <>
      <section aria-labelledby="agreement-title" className="stack">
        <h2 id="agreement-title">{t("agreementTitle")}</h2>
        <dl className="headline" data-testid="agreement-figures">
          {items.map(([key, label, value]) => (
            <div key={key} data-testid={`figure-${key}`}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <p className="muted small">{t("agreementNote")}</p>
        {minimum !== undefined && <p className="muted small" data-testid="agreement-threshold">{t("threshold", { minimum })}</p>}
      </section>
      <section aria-labelledby="claims-title" className="stack">
        <h2 id="claims-title">{t("claimsTitle")}</h2>
        <dl className="headline" data-testid="claim-figures">
          {statuses.map((s) => (
            <div key={s}>
              <dt>{tw(`status.${s}`)}</dt>
              <dd><bdi dir="ltr">{format.number(claims[s])}</bdi></dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}
