import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getSessionActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { canExport, canReviewQueue } from "@/lib/permissions/roles";
import { getProjectOrThrow } from "@/lib/projects/get-project-or-throw";
import { listArticles } from "@/lib/articles/list-articles";
import { EXPORT_FORMAT_NAMES } from "@/lib/export/formats";

export default async function ProjectPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<{ cursor?: string }> }) {
  const actor = await getSessionActor();
  if (!actor) redirect("/login");
  const { projectId } = await params;
  const { cursor } = await searchParams;
  const t = await getTranslations("projects");
  const c = await getTranslations("common");
  const format = await getFormatter();
  try {
    const { project, member } = await getProjectOrThrow({ actor, projectId });
    const page = await listArticles({ actor, projectId, cursor: cursor?.slice(0, 200) });
    return (
      <div className="stack">
        <header className="row spread">
          <div>
            <h1><bdi>{project.name}</bdi></h1>
            <p className="muted">{t("role")}: {c(`roles.${member.role}`)}</p>
          </div>
          <nav className="row" aria-label={t("project")}>
            <Link className="button" href={`/projects/${projectId}/import`}>{t("import")}</Link>
            {canReviewQueue(member) && <Link className="button secondary" href={`/projects/${projectId}/queue`}>{t("queue")}</Link>}
            {canReviewQueue(member) && <Link className="button secondary" href={`/projects/${projectId}/dashboard`}>{t("dashboard")}</Link>}
            {(canReviewQueue(member) || actor.isAdmin) && <Link className="button secondary" href={`/projects/${projectId}/settings`}>{t("settings")}</Link>}
          </nav>
        </header>
        {canExport(member) && (
          <section className="card row" aria-label={t("export")}>
            <strong>{t("export")}:</strong>
            {EXPORT_FORMAT_NAMES.map((f) => (
              <a key={f} className="button secondary" href={`/api/v1/projects/${projectId}/export?format=${f}`} download data-testid={`export-${f}`}>{f}</a>
            ))}
            <a className="muted" href={`/api/v1/projects/${projectId}/export?format=jsonl&status=all`} download>({t("exportAll")}: jsonl)</a>
          </section>
        )}
        {page.items.length === 0 ? (
          <p className="muted">{t("noArticles")}</p>
        ) : (
          <table className="list">
            <thead><tr><th scope="col">{t("article")}</th><th scope="col">{t("outlet")}</th><th scope="col">{t("claims")}</th><th scope="col">{t("imported")}</th></tr></thead>
            <tbody>
              {page.items.map((a) => (
                <tr key={a.id}>
                  <td dir={a.direction}><Link href={`/articles/${a.id}`}><bdi>{a.title}</bdi></Link></td>
                  <td><bdi>{a.outlet ?? ""}</bdi></td>
                  <td>{a.claimCount}</td>
                  <td><bdi>{format.dateTime(a.createdAt, { dateStyle: "medium" })}</bdi></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {page.nextCursor && <Link href={`/projects/${projectId}?cursor=${page.nextCursor}`}>{t("older")}</Link>}
      </div>
    );
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    if (e instanceof AppError && e.code === "invalid_input") redirect(`/projects/${projectId}`);
    throw e;
  }
}
