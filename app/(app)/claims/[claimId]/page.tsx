import Link from "next/link";
import type { ReactNode } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { loadOr404, pageActor } from "@/lib/pages/guard";
import { getClaimReview } from "@/lib/review/get-claim-review";
import { ClaimInSentence } from "@/components/review/claim-in-sentence";
import { SourceList, VerdictsSideBySide } from "@/components/review/verdicts-side-by-side";
import { AdjudicationPanel } from "@/components/review/adjudication-panel";
import { Notice } from "@/components/ui/notice";
import { CheckedBefore } from "@/components/search/checked-before";
import "@/components/review/review.css";
import { CommentThread } from "@/components/collab/comment-thread";
import { LiveRefresh } from "@/components/collab/live-refresh";

export default async function ClaimReviewPage({ params }: { params: Promise<{ claimId: string }> }) {
  const actor = await pageActor();
  const { claimId } = await params;
  const t = await getTranslations("review.claim");
  const tr = await getTranslations("review");
  const tw = await getTranslations("workspace");
  const format = await getFormatter();
  const { claim: detail, article, quote: own, links, editor, otherSources, history } = await loadOr404(() => getClaimReview({ actor, claimId }));
  const num = (chunks: ReactNode) => <bdi dir="ltr">{chunks}</bdi>;

  return (
    <div className="stack">
      <header className="stack">
        <p className="muted">
          {t("inArticle")} <Link href={`/articles/${article.id}`} dir={article.direction}><bdi>{article.title}</bdi></Link>
          {editor && <> · <Link href={`/projects/${detail.projectId}/queue`}>{tr("queue.title")}</Link></>}
        </p>
        <div className="row spread">
          <h1>{t("title")}</h1>
          <span className={`status status-${detail.status}`} data-testid="claim-status">{tw(`status.${detail.status}`)}</span>
        </div>
      </header>

      <div className="side-by-side">
        <section className="card stack" aria-labelledby="context-title">
          <h2 id="context-title">{t("inSentence")}</h2>
          <ClaimInSentence context={own.context} dir={own.dir} label={t("theClaim")} />
          <dl className="facts">
            <dt>{t("kind")}</dt><dd>{tw(`kinds.${detail.kind}`)}</dd>
            {detail.quantity && (
              <>
                <dt>{t("figure")}</dt>
                <dd><bdi dir="ltr">{format.number(detail.quantity.value)}</bdi> {detail.quantity.unit && <bdi>{detail.quantity.unit}</bdi>}</dd>
              </>
            )}
            {detail.note && (<><dt>{t("note")}</dt><dd><bdi>{detail.note}</bdi></dd></>)}
            <dt>{t("flagged")}</dt><dd><bdi>{format.dateTime(new Date(detail.createdAt), { dateStyle: "medium" })}</bdi></dd>
            {detail.retractionReason && (<><dt>{t("retractedBecause")}</dt><dd><bdi>{detail.retractionReason}</bdi></dd></>)}
          </dl>
        </section>

        <section className="card stack" aria-labelledby="links-title" data-testid="linked-claims">
          <h2 id="links-title">{t.rich("links", { count: detail.links.length, n: num })}</h2>
          {detail.links.length === 0 ? (
            <p className="muted">{t("noLinks")}</p>
          ) : (
            <ul className="plain linked-claims">
              {links.map((l) => {
                const { context, dir } = l.quote;
                return (
                  <li key={l.id} className={`stack relation-${l.relation}`} data-testid="linked-claim">
                    <p className="row">
                      <span className="badge">{tw(`relation.${l.relation}`)}</span>
                      <span className={`status status-${l.claim.status}`}>{tw(`status.${l.claim.status}`)}</span>
                    </p>
                    <h3 className="small"><Link href={`/claims/${l.claim.id}`} dir={dir}><bdi>{l.claim.text}</bdi></Link></h3>
                    <ClaimInSentence context={context} dir={dir} label={t("linkedClaim")} />
                    {l.fromArticle !== null && <p className="muted small">{t("fromArticle")} <bdi>{l.fromArticle}</bdi></p>}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      </div>

      <div className="card"><CheckedBefore claimId={detail.id} canLink={detail.status !== "retracted"} /></div>

      <section className="stack" aria-labelledby="verdicts-title">
        <h2 id="verdicts-title">{t.rich("verdicts", { count: detail.verdictCount ?? 0, n: num })}</h2>
        {detail.verdictsHidden ? (
          <p className="card muted" data-testid="verdicts-hidden">{t("hidden")}</p>
        ) : detail.verdicts.length === 0 ? (
          <p className="muted">{t("noVerdicts")}</p>
        ) : (
          <VerdictsSideBySide verdicts={detail.verdicts} sources={detail.sources} viewerId={actor.id} />
        )}
        {!editor && detail.status !== "verified" && detail.status !== "retracted" && (
          <p><Link href={`/articles/${article.id}`}>{detail.myVerdict ? t("changeYours") : t("giveYours")}</Link></p>
        )}
      </section>

      <section className="stack" aria-labelledby="sources-title">
        <h2 id="sources-title">
          {detail.verdictsHidden || detail.verdicts.length === 0
            ? t.rich("sources", { count: otherSources.length, n: num })
            : t.rich("otherSources", { count: otherSources.length, n: num })}
        </h2>
        {otherSources.length === 0 ? <p className="muted">{t("noOtherSources")}</p> : <SourceList sources={otherSources} />}
      </section>

      <section className="stack" aria-labelledby="decision-title">
        <h2 id="decision-title">{t("decision")}</h2>
        {detail.adjudication ? (
          <div className="card decision" data-testid="adjudication">
            <p>
              <span className={`rating-badge rating-${detail.adjudication.rating}`}>{tw(`ratings.${detail.adjudication.rating}`)}</span>{" "}
              {t("decidedBy")} <bdi>{detail.adjudication.editor.name}</bdi>,{" "}
              <bdi>{format.dateTime(new Date(detail.adjudication.createdAt), { dateStyle: "medium", timeStyle: "short" })}</bdi>
            </p>
            <p className="rationale"><bdi>{detail.adjudication.note}</bdi></p>
          </div>
        ) : (
          <p className="muted">{t("noDecision")}</p>
        )}
        {history.length > 0 && (
          <details className="history">
            <summary>{t.rich("history", { count: history.length, n: num })}</summary>
            <ul className="plain">
              {history.map((a) => (
                <li key={a.id}>
                  {tw(`ratings.${a.rating}`)} · <bdi>{a.editor.name}</bdi> ·{" "}
                  <bdi>{format.dateTime(new Date(a.createdAt), { dateStyle: "medium" })}</bdi>
                  {" "}({t("supersededOn")} <bdi>{format.dateTime(new Date(a.supersededAt!), { dateStyle: "medium" })}</bdi>)
                  <p className="rationale small"><bdi>{a.note}</bdi></p>
                </li>
              ))}
            </ul>
          </details>
        )}
        {editor && <AdjudicationPanel claimId={detail.id} status={detail.status} />}
      </section>
      <CommentThread target={{ kind: "claim", id: detail.id }} projectId={detail.projectId} userId={actor.id} />
      <LiveRefresh projectId={detail.projectId} claimId={detail.id} />
    </div>
  );
}
