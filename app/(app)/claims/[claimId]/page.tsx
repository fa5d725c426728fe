import Link from "next/link";
import type { ReactNode } from "react";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getSessionActor, type Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db";
import { canAdjudicate } from "@/lib/permissions/roles";
import { getClaimDetail } from "@/lib/claims/get-claim-detail";
import { getArticleView } from "@/lib/articles/get-article-view";
import { ClaimInSentence, sentenceContext, type SentenceContext } from "@/components/review/claim-in-sentence";
import { SourceList, VerdictsSideBySide } from "@/components/review/verdicts-side-by-side";
import { AdjudicationPanel } from "@/components/review/adjudication-panel";
import { Notice } from "@/components/ui/notice";
import { CheckedBefore } from "@/components/search/checked-before";
import type { WorkspaceClaimDetail } from "@/components/workspace/types";
import "@/components/review/review.css";
import { CommentThread } from "@/components/collab/comment-thread";
import { LiveRefresh } from "@/components/collab/live-refresh";

type ArticleText = { id: string; title: string; direction: "rtl" | "ltr"; body: string; sentences: { index: number; start: number; end: number }[] };

/** The article text a claim points into, or null when the caller may not read it. */
async function articleText(actor: Actor, articleId: string): Promise<ArticleText | null> {
  try {
    const a = await getArticleView({ actor, articleId });
    return { id: a.id, title: a.title, direction: a.direction, body: a.body, sentences: a.sentences };
  } catch (e) {
    if (e instanceof AppError && (e.code === "not_found" || e.code === "forbidden")) return null;
    throw e;
  }
}

/** Where the claim's first sentence starts, a safe place for a page of the article to begin. */
async function claimPageStart(articleId: string, sentence: number | undefined) {
  if (sentence === undefined) return 0;
  const found = await db.sentence.findUnique({ where: { articleId_index: { articleId, index: sentence } }, select: { start: true } });
  return found?.start ?? 0;
}

export default async function ClaimReviewPage({ params }: { params: Promise<{ claimId: string }> }) {
  const actor = await getSessionActor();
  if (!actor) redirect("/login");
  const { claimId } = await params;
  const t = await getTranslations("review.claim");
  const tr = await getTranslations("review");
  const tw = await getTranslations("workspace");
  const format = await getFormatter();
  try {
    const found = await getClaimDetail({ actor, claimId });
    // The page of the article that holds the claim's first sentence, with the whole body.
    const view = await getArticleView({ actor, articleId: found.articleId, window: { textFrom: await claimPageStart(found.articleId, found.sentenceIndexes[0]) } });
    const editor = canAdjudicate({ role: view.role, isAdmin: actor.isAdmin });
    const article: ArticleText = { id: view.id, title: view.title, direction: view.direction, body: view.body, sentences: view.sentences };

    // Linked claims may sit in other articles of the project.
    const texts = new Map<string, ArticleText | null>([[article.id, article]]);
    for (const id of new Set(found.links.map((l) => l.claim.articleId))) {
      if (!texts.has(id)) texts.set(id, await articleText(actor, id));
    }
    const contextIn = (articleId: string, c: Parameters<typeof sentenceContext>[2]): { context: SentenceContext; dir: "rtl" | "ltr" } => {
      const a = texts.get(articleId);
      return a ? { context: sentenceContext(a.body, a.sentences, c), dir: a.direction } : { context: sentenceContext("", [], c), dir: article.direction };
    };

    // Only plain JSON goes further, as the API would answer it.
    const detail = JSON.parse(JSON.stringify(found)) as WorkspaceClaimDetail;
    const own = contextIn(article.id, detail);
    const reviewersShown = new Set(detail.verdicts.map((v) => v.reviewer.id));
    const otherSources = detail.verdictsHidden ? detail.sources : detail.sources.filter((s) => !reviewersShown.has(s.createdById));
    const history = detail.adjudicationHistory.filter((a) => a.supersededAt !== null);
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
                {detail.links.map((l) => {
                  const linked = contextIn(l.claim.articleId, l.claim);
                  return (
                    <li key={l.id} className={`stack relation-${l.relation}`} data-testid="linked-claim">
                      <p className="row">
                        <span className="badge">{tw(`relation.${l.relation}`)}</span>
                        <span className={`status status-${l.claim.status}`}>{tw(`status.${l.claim.status}`)}</span>
                      </p>
                      <h3 className="small"><Link href={`/claims/${l.claim.id}`} dir={linked.dir}><bdi>{l.claim.text}</bdi></Link></h3>
                      <ClaimInSentence context={linked.context} dir={linked.dir} label={t("linkedClaim")} />
                      {l.claim.articleId !== article.id && texts.get(l.claim.articleId) && (
                        <p className="muted small">{t("fromArticle")} <bdi>{texts.get(l.claim.articleId)!.title}</bdi></p>
                      )}
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
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    if (e instanceof AppError && e.code === "forbidden") {
      return <Notice title={tr("forbidden.title")} message={tr("forbidden.claim")} backHref="/" backLabel={tr("backHome")} />;
    }
    throw e;
  }
}
