"use client";

import { useTranslations } from "next-intl";
import type { Ref } from "react";
import type { WorkspaceClaimDetail } from "@/components/workspace/types";
import { SourceForm, VerdictForm } from "@/components/workspace/forms";
import { CheckedBefore } from "@/components/search/checked-before";
import type { sourceSchema, verdictSchema } from "@/lib/validation/claim";
import type { z } from "zod";
import { CommentThread } from "@/components/collab/comment-thread";

export function ClaimPanel({
  detail,
  articleId,
  userId,
  sourceRef,
  verdictRef,
  onAddSource,
  onVerdict,
  onRetract,
  onSelectClaim,
}: {
  detail: WorkspaceClaimDetail;
  articleId: string;
  userId: string;
  sourceRef: Ref<HTMLInputElement>;
  verdictRef: Ref<HTMLSelectElement>;
  onAddSource: (v: z.output<typeof sourceSchema>) => Promise<void>;
  onVerdict: (v: z.output<typeof verdictSchema>) => Promise<void>;
  onRetract: () => void;
  onSelectClaim: (id: string) => void;
}) {
  const t = useTranslations("workspace");
  const locked = detail.status === "verified" ? t("verdict.lockedVerified") : detail.status === "retracted" ? t("verdict.lockedRetracted") : null;
  return (
    <section className="claim-panel" aria-label={t("claim.title")} data-testid="claim-panel">
      <header className="row spread">
        <h3>{t("claim.title")}</h3>
        <span className={`status status-${detail.status}`}>{t(`status.${detail.status}`)}</span>
      </header>
      <blockquote className="quote">
        <span className="muted">…<bdi>{detail.quote.prefix}</bdi></span>
        <mark><bdi>{detail.text}</bdi></mark>
        <span className="muted"><bdi>{detail.quote.suffix}</bdi>…</span>
      </blockquote>
      <dl className="facts">
        <dt>{t("claim.kind")}</dt><dd>{t(`kinds.${detail.kind}`)}</dd>
        <dt>{t("claim.sentences")}</dt><dd><bdi dir="ltr">{detail.sentenceIndexes.map((i) => i + 1).join(", ")}</bdi></dd>
        {detail.quantity && (<><dt>{t("claim.figure")}</dt><dd><bdi dir="ltr">{detail.quantity.value.toLocaleString("en")}</bdi> {detail.quantity.unit ?? ""}</dd></>)}
        {detail.note && (<><dt>{t("claim.note")}</dt><dd><bdi>{detail.note}</bdi></dd></>)}
        <dt>{t("claim.version")}</dt><dd>{detail.version}</dd>
      </dl>

      {detail.links.length > 0 && (
        <>
          <h4>{t("claim.links")}</h4>
          <ul className="plain">
            {detail.links.map((l) => (
              <li key={l.id}>
                <span className="badge">{t(`relation.${l.relation}`)}</span>{" "}
                <button type="button" className="link" onClick={() => onSelectClaim(l.claim.id)}><bdi>{l.claim.text}</bdi></button>
              </li>
            ))}
          </ul>
        </>
      )}

      <CheckedBefore claimId={detail.id} canLink={detail.status !== "retracted"} />

      <h4>{t("claim.sources")} ({detail.sources.length})</h4>
      <ul className="plain sources">
        {detail.sources.map((s) => (
          <li key={s.id}>
            {s.stance ? <span className={`badge stance-${s.stance}`}>{t(`stance.${s.stance}`)}</span> : <span className="badge muted">{t("verdict.stanceHidden")}</span>}{" "}
            <a href={s.url} target="_blank" rel="noopener noreferrer nofollow" dir="ltr">{s.title || s.url}</a>
            {s.publisher && <span className="muted"> · <bdi>{s.publisher}</bdi></span>}
            {s.excerpt && <blockquote className="excerpt"><bdi>{s.excerpt}</bdi></blockquote>}
          </li>
        ))}
      </ul>
      {detail.status !== "retracted" && <SourceForm ref={sourceRef} draftKey={`source:${detail.id}`} onSubmit={onAddSource} />}

      <h4>{t("claim.verdicts")}{detail.verdictCount !== null && ` (${detail.verdictCount})`}</h4>
      {detail.verdictsHidden ? (
        <p className="muted" data-testid="verdicts-hidden">{t("verdict.hidden")}</p>
      ) : (
        <ul className="plain verdicts">
          {detail.verdicts.map((v) => (
            <li key={v.id} data-testid="verdict">
              <strong><bdi>{v.reviewer.name}</bdi>{v.reviewer.id === userId ? ` (${t("verdict.you")})` : ""}</strong>: {t(`ratings.${v.rating}`)}
              <p><bdi>{v.rationale}</bdi></p>
            </li>
          ))}
        </ul>
      )}
      {detail.adjudication && (
        <p className="adjudication">
          {t("claim.adjudicated", { label: t(`ratings.${detail.adjudication.rating}`) })} — <bdi>{detail.adjudication.note}</bdi>
        </p>
      )}
      <VerdictForm
        key={`${detail.id}:${detail.myVerdict?.version ?? 0}`}
        ref={verdictRef}
        draftKey={`verdict:${detail.id}`}
        existing={detail.myVerdict ? { rating: detail.myVerdict.rating, rationale: detail.myVerdict.rationale, version: detail.myVerdict.version } : null}
        disabled={locked}
        onSubmit={onVerdict}
      />
      <CommentThread key={detail.id} target={{ kind: "claim", id: detail.id }} projectId={detail.projectId} userId={userId} />
      <p className="row">
        <a href={`/claims/${detail.id}`}>{t("claim.open")}</a>
        {detail.status !== "retracted" && <button type="button" className="secondary danger" onClick={onRetract}>{t("claim.retract")}</button>}
      </p>
    </section>
  );
}
