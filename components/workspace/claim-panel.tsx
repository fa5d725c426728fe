"use client";

import { useTranslations } from "next-intl";
import { useMemo, type Ref } from "react";
import type { Span, WorkspaceClaimDetail } from "@/components/workspace/types";
import { RetractDialog } from "@/components/workspace/retract-dialog";
import { SpanEditor } from "@/components/workspace/span-editor";
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
  onClose,
  text,
  sentences,
  direction,
  onDraftSpan,
  onEditSpan,
}: {
  detail: WorkspaceClaimDetail;
  articleId: string;
  userId: string;
  sourceRef: Ref<HTMLInputElement>;
  verdictRef: Ref<HTMLSelectElement>;
  onAddSource: (v: z.output<typeof sourceSchema>) => Promise<void>;
  onVerdict: (v: z.output<typeof verdictSchema>) => Promise<void>;
  onRetract: (reason: string) => Promise<void>;
  onSelectClaim: (id: string) => void;
  onClose: () => void;
  /** The article's text as far as it is loaded, its sentences and direction (for the span editor). */
  text: string;
  sentences: Span[];
  direction: "rtl" | "ltr";
  onDraftSpan: (span: Span | null) => void;
  onEditSpan: (span: Span, widened: boolean) => Promise<void>;
}) {
  const t = useTranslations("workspace");
  const locked = detail.status === "verified" ? t("verdict.lockedVerified") : detail.status === "retracted" ? t("verdict.lockedRetracted") : null;
  const span = useMemo(() => ({ start: detail.start, end: detail.end }), [detail.start, detail.end]);
  return (
    <section className="claim-panel" aria-labelledby="claim-panel-title" data-testid="claim-panel" data-claim={detail.id}>
      <header className="row spread">
        <h2 id="claim-panel-title" tabIndex={-1}>{t("claim.title")}</h2>
        <span className={`status status-${detail.status}`}>{t(`status.${detail.status}`)}</span>
        <button type="button" className="secondary small" onClick={onClose} aria-label={t("claim.close")}>×</button>
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
          <h3>{t("claim.links")}</h3>
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

      <details className="span-details">
        <summary>{t("span.title")}</summary>
        <SpanEditor text={text} sentences={sentences} span={span} direction={direction} locked={locked} onDraft={onDraftSpan} onSave={onEditSpan} />
      </details>

      <CheckedBefore claimId={detail.id} canLink={detail.status !== "retracted"} />

      <h3>{t("claim.sources")} ({detail.sources.length})</h3>
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

      <h3>{t("claim.verdicts")}{detail.verdictCount !== null && ` (${detail.verdictCount})`}</h3>
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
        {detail.status !== "retracted" && <RetractDialog claim={detail} onRetract={onRetract} />}
      </p>
    </section>
  );
}
