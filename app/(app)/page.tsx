import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { pageActor } from "@/lib/pages/guard";
import { getHome } from "@/lib/projects/get-home";

export default async function HomePage() {
  const actor = await pageActor();
  const t = await getTranslations("projects");
  const c = await getTranslations("common");
  const { inbox, projects, all } = await getHome({ actor });
  return (
    <div className="stack">
      <section className="stack" aria-labelledby="inbox-title">
        <h1 id="inbox-title">{t("inbox")}</h1>
        {inbox.length === 0 ? (
          <p className="muted">{t("inboxEmpty")}</p>
        ) : (
          <ul className="plain cards">
            {inbox.map((a) => (
              <li key={a.articleId} className="card">
                <Link href={`/articles/${a.articleId}`} dir={a.direction}><bdi>{a.title}</bdi></Link>
                {a.isNew && <span className="badge">{t("new")}</span>}
                <p className="muted small">{t("progress", { flagged: a.claimsFlagged, verdicts: a.verdictsGiven, claims: a.claims })}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="stack" aria-labelledby="projects-title">
        <h2 id="projects-title">{t("title")}</h2>
        {projects.length === 0 && <p className="muted">{t("none")}</p>}
        {projects.length > 0 && (
          <table className="list">
            <thead><tr><th scope="col">{t("project")}</th><th scope="col">{t("role")}</th><th scope="col">{t("articles")}</th></tr></thead>
            <tbody>
              {projects.map((p) => (
                <tr key={p.id}>
                  <td><Link href={`/projects/${p.id}`}><bdi>{p.name}</bdi></Link></td>
                  <td>{c(`roles.${p.role}`)}</td>
                  <td>{p.articleCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {all && (
        <section className="stack" aria-labelledby="all-projects-title">
          <h2 id="all-projects-title">{t("allProjects")}</h2>
          <table className="list">
            <thead><tr><th scope="col">{t("project")}</th><th scope="col">{t("members")}</th><th scope="col">{t("articles")}</th><th scope="col"><span className="visually-hidden">{t("manage")}</span></th></tr></thead>
            <tbody>
              {all.map((p) => (
                <tr key={p.id}>
                  <td><bdi>{p.name}</bdi></td>
                  <td>{p.members}</td>
                  <td>{p.articles}</td>
                  <td><Link href={`/projects/${p.id}/settings`}>{t("manage")}</Link></td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
