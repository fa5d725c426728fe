import Link from "next/link";
import type { ReactNode } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { AgreedClaims } from "@/components/review/agreed-claims";
import { Notice } from "@/components/ui/notice";
import { loadOr404, pageActor } from "@/lib/pages/guard";
import { getReviewQueue, type QueueQuery } from "@/lib/review/get-review-queue";
import "@/components/review/review.css";
import { LiveRefresh } from "@/components/collab/live-refresh";

export default async function QueuePage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<QueueQuery> }) {
  const actor = await pageActor();
  const { projectId } = await params;
  const query = await searchParams;
  const t = await getTranslations("review");
  const tw = await getTranslations("workspace");
  const format = await getFormatter();
  const page = await loadOr404(() => getReviewQueue({ actor, projectId, query }));
  if (page.editorsOnly) {
    return <Notice title={t("editorsOnly.title")} message={t("editorsOnly.queue")} backHref={`/projects/${projectId}`} backLabel={t("backToProject")} />;
  }
  const { project, queue, articles, reviewers, agreed, filters: { articleId, reviewerId, filtered } } = page;
  const num = (chunks: ReactNode) => <bdi dir="ltr">{chunks}</bdi>;

  return (
    <div className="stack">
      <LiveRefresh projectId={projectId} />
      <header className="stack">
        <p className="muted"><Link href={`/projects/${projectId}`}><bdi>{project.name}</bdi></Link></p>
        <h1>{t("queue.title")}</h1>
        <p className="muted">{t("queue.explain")}</p>
      </header>

      <section className="stack" aria-labelledby="queue-title">
        <h2 id="queue-title" data-testid="queue-count">{t.rich("queue.count", { count: queue.count, n: num })}</h2>
        <form method="get" className="card filters" role="search" aria-label={t("queue.filters")}>
          <div className="field">
            <label htmlFor="filter-article">{t("queue.article")}</label>
            <select id="filter-article" name="article" defaultValue={articleId ?? ""}>
              <option value="">{t("queue.allArticles")}</option>
              {articles.map((a) => (
                <option key={a.id} value={a.id}>{a.title}</option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-reviewer">{t("queue.reviewer")}</label>
            <select id="filter-reviewer" name="reviewer" defaultValue={reviewerId ?? ""}>
              <option value="">{t("queue.allReviewers")}</option>
              {reviewers.map((m) => (
                <option key={m.id} value={m.id}>{m.name}</option>
              ))}
            </select>
          </div>
          <div className="row">
            <button type="submit">{t("queue.apply")}</button>
            {filtered && <Link className="button secondary" href={`/projects/${projectId}/queue`}>{t("queue.clear")}</Link>}
          </div>
        </form>

        {queue.items.length === 0 ? (
          <p className="muted" data-testid="queue-empty">{filtered ? t("queue.noneFiltered") : t("queue.none")}</p>
        ) : (
          <table className="list" data-testid="queue">
            <caption className="visually-hidden">{t("queue.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("queue.claim")}</th>
                <th scope="col">{t("queue.article")}</th>
                <th scope="col">{t("queue.verdicts")}</th>
                <th scope="col">{t("queue.flagged")}</th>
              </tr>
            </thead>
            <tbody>
              {queue.items.map((c) => (
                <tr key={c.id} data-testid="queue-item">
                  <td className="queue-claim" dir={c.article.direction}>
                    <Link href={`/claims/${c.id}`}><bdi>{c.text}</bdi></Link>
                  </td>
                  <td dir={c.article.direction}><bdi>{c.article.title}</bdi></td>
                  <td>
                    <ul className="verdict-chips">
                      {c.verdicts.map((v) => (
                        <li key={v.reviewer.id}>
                          <bdi>{v.reviewer.name}</bdi>: {tw(`ratings.${v.rating}`)}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td><bdi>{format.dateTime(c.createdAt, { dateStyle: "medium" })}</bdi></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {queue.count > queue.items.length && (
          <p className="muted">{t.rich("queue.more", { shown: queue.items.length, count: queue.count, n: num })}</p>
        )}
      </section>

      <AgreedClaims projectId={projectId} items={agreed.items} requiredVerdicts={agreed.requiredVerdicts} />
    </div>
  );
}
