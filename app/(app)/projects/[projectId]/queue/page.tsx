import Link from "next/link";
import type { ReactNode } from "react";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getSessionActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { canReviewQueue } from "@/lib/permissions/roles";
import { getProjectOrThrow } from "@/lib/projects/get-project-or-throw";
import { listMembers } from "@/lib/admin/manage-projects";
import { listDisagreements } from "@/lib/review/list-disagreements";
import { listAgreedClaims } from "@/lib/review/verify-agreed";
import { AgreedClaims, type AgreedItem } from "@/components/review/agreed-claims";
import { Notice } from "@/components/ui/notice";
import "@/components/review/review.css";
import { LiveRefresh } from "@/components/collab/live-refresh";

type Query = { article?: string | string[]; reviewer?: string | string[] };

/** A filter value from the query string: one short id, or nothing. */
function idOf(v: string | string[] | undefined): string | undefined {
  const s = Array.isArray(v) ? v[0] : v;
  return s && s.length <= 64 && /^[A-Za-z0-9_-]+$/.test(s) ? s : undefined;
}

export default async function QueuePage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<Query> }) {
  const actor = await getSessionActor();
  if (!actor) redirect("/login");
  const { projectId } = await params;
  const query = await searchParams;
  const articleId = idOf(query.article);
  const reviewerId = idOf(query.reviewer);
  const t = await getTranslations("review");
  const tw = await getTranslations("workspace");
  const format = await getFormatter();
  try {
    const { project, member } = await getProjectOrThrow({ actor, projectId });
    if (!canReviewQueue(member)) {
      return <Notice title={t("editorsOnly.title")} message={t("editorsOnly.queue")} backHref={`/projects/${projectId}`} backLabel={t("backToProject")} />;
    }
    const filtered = articleId !== undefined || reviewerId !== undefined;
    const [queue, unfiltered, members, agreed] = await Promise.all([
      listDisagreements({ actor, projectId, articleId, reviewerId }),
      // The filter's choices come from the whole queue, not from what the filter left.
      filtered ? listDisagreements({ actor, projectId, limit: 500 }) : null,
      listMembers({ actor, projectId }),
      listAgreedClaims({ actor, projectId }),
    ]);
    const all = unfiltered ?? queue;
    const articles = new Map(all.items.map((c) => [c.article.id, c.article]));
    for (const c of queue.items) articles.set(c.article.id, c.article);
    const num = (chunks: ReactNode) => <bdi dir="ltr">{chunks}</bdi>;
    const agreedItems: AgreedItem[] = JSON.parse(JSON.stringify(agreed.items));

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
                {[...articles.values()].map((a) => (
                  <option key={a.id} value={a.id}>{a.title}</option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="filter-reviewer">{t("queue.reviewer")}</label>
              <select id="filter-reviewer" name="reviewer" defaultValue={reviewerId ?? ""}>
                <option value="">{t("queue.allReviewers")}</option>
                {members.map((m) => (
                  <option key={m.userId} value={m.userId}>{m.name}</option>
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

        <AgreedClaims projectId={projectId} items={agreedItems} requiredVerdicts={agreed.requiredVerdicts} />
      </div>
    );
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    if (e instanceof AppError && e.code === "forbidden") {
      return <Notice title={t("editorsOnly.title")} message={t("editorsOnly.queue")} backHref={`/projects/${projectId}`} backLabel={t("backToProject")} />;
    }
    throw e;
  }
}
