import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { pageActor, loadOr404 } from "@/lib/pages/guard";
import { loadProjectPage } from "@/lib/projects/load-project-page";
import { EXPORT_FORMAT_NAMES } from "@/lib/export/formats";
import { ProgressFilters } from "@/components/desk/progress-filters";
import { AssignArticle } from "@/components/desk/assign-article";
import "@/components/desk/desk.css";

type Search = { cursor?: string; status?: string; assignee?: string; outlet?: string; from?: string; to?: string };

export default async function ProjectPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<Search> }) {
  const actor = await pageActor();
  const { projectId } = await params;
  const { cursor, status, assignee, outlet, from, to } = await searchParams;
  const filters = { cursor, status, assignee, outlet, from, to };
  const data = await loadOr404(() => loadProjectPage({ actor, projectId, filters }), { onInvalid: `/projects/${projectId}` });
  const t = await getTranslations("projects");
  const c = await getTranslations("common");
  const format = await getFormatter();
  const { project, progress } = data;
  const olderHref = `/projects/${projectId}?${new URLSearchParams(Object.entries({ status, assignee, outlet, from, to, cursor: progress.nextCursor ?? "" }).filter((e): e is [string, string] => !!e[1]))}`;
  return (
    <div className="stack">
      <header className="row spread">
        <div>
          <h1><bdi>{project.name}</bdi></h1>
          <p className="muted">{t("role")}: {c(`roles.${data.role}`)}</p>
        </div>
        <nav className="row" aria-label={t("project")}>
          <Link className="button" href={`/projects/${projectId}/import`}>{t("import")}</Link>
          {data.mayReview && <Link className="button secondary" href={`/projects/${projectId}/queue`}>{t("queue")}</Link>}
          {data.mayReview && <Link className="button secondary" href={`/projects/${projectId}/dashboard`}>{t("dashboard")}</Link>}
          {data.mayOpenSettings && <Link className="button secondary" href={`/projects/${projectId}/settings`}>{t("settings")}</Link>}
        </nav>
      </header>
      {data.mayExport && (
        <section className="card row" aria-label={t("export")}>
          <strong>{t("export")}:</strong>
          {EXPORT_FORMAT_NAMES.map((f) => (
            <a key={f} className="button secondary" href={`/api/v1/projects/${projectId}/export?format=${f}`} download data-testid={`export-${f}`}>{f}</a>
          ))}
          <a className="muted" href={`/api/v1/projects/${projectId}/export?format=jsonl&status=all`} download>({t("exportAll")}: jsonl)</a>
        </section>
      )}
      <ProgressFilters projectId={projectId} filters={progress.filters} members={progress.members} outlets={progress.outlets} />
      {progress.items.length === 0 ? (
        <p className="muted" data-testid="no-articles">{Object.values(progress.filters).some(Boolean) ? t("desk.noMatch") : t("noArticles")}</p>
      ) : (
        <div className="table-scroll">
          <table className="list progress" data-testid="article-progress">
            <thead>
              <tr>
                <th scope="col">{t("article")}</th>
                <th scope="col">{t("desk.status")}</th>
                <th scope="col">{t("claims")}</th>
                {progress.seesVerdicts && <th scope="col">{t("desk.verdicts")}</th>}
                <th scope="col">{t("desk.assignees")}</th>
                <th scope="col">{t("outlet")}</th>
                <th scope="col">{t("desk.date")}</th>
              </tr>
            </thead>
            <tbody>
              {progress.items.map((a) => (
                <tr key={a.id} data-article={a.id}>
                  <td dir={a.direction}><Link href={`/articles/${a.id}`}><bdi>{a.title}</bdi></Link></td>
                  <td><span className={`status progress-${a.status}`}>{t(`desk.statuses.${a.status}`)}</span></td>
                  <td data-testid="claims">{format.number(a.claims)}</td>
                  {progress.seesVerdicts && (
                    <td data-testid="verdicts">
                      {a.verdictsNeeded ? (
                        <>
                          <meter min={0} max={a.verdictsNeeded} value={a.verdictsGiven ?? 0} aria-label={t("desk.verdicts")} />{" "}
                          <span>{t("desk.verdictsOf", { given: a.verdictsGiven ?? 0, needed: a.verdictsNeeded })}</span>
                        </>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                  )}
                  <td data-testid="assignees">
                    {a.assignees.length ? <ul className="plain names">{a.assignees.map((p) => <li key={p.id}><bdi>{p.name}</bdi></li>)}</ul> : <span className="muted">{t("desk.unassigned")}</span>}
                    {progress.mayAssign && (
                      <AssignArticle articleId={a.id} title={a.title} members={progress.members} assigned={a.assignees.map((p) => p.id)} />
                    )}
                  </td>
                  <td><bdi>{a.outlet ?? ""}</bdi></td>
                  <td><bdi>{format.dateTime(new Date(a.date), { dateStyle: "medium" })}</bdi></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {progress.nextCursor && <Link href={olderHref}>{t("older")}</Link>}
    </div>
  );
}
