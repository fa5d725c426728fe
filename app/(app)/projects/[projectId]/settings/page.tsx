import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { pageActor, loadOr404 } from "@/lib/pages/guard";
import { loadProjectSettingsPage } from "@/lib/projects/load-project-settings-page";
import { ProjectSettingsForm } from "@/components/settings/project-settings";
import { Members, type MemberRow } from "@/components/settings/members";
import { Notice } from "@/components/ui/notice";

export default async function ProjectSettingsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const actor = await pageActor();
  const { projectId } = await params;
  const page = await loadOr404(() => loadProjectSettingsPage({ actor, projectId }));
  const t = await getTranslations("settings");
  if (page.forbidden) {
    return <Notice title={t("project.editorsOnlyTitle")} message={t("project.editorsOnly")} backHref={`/projects/${projectId}`} backLabel={t("backToProject")} />;
  }
  return (
    <div className="stack">
      <header className="stack">
        <p className="muted"><Link href={`/projects/${projectId}`}><bdi>{page.project.name}</bdi></Link></p>
        <h1>{t("project.pageTitle")}</h1>
      </header>
      <ProjectSettingsForm projectId={projectId} initial={page.settings} />
      <Members projectId={projectId} initial={page.members} canManage={page.mayManageMembers} viewerId={actor.id} />
    </div>
  );
}
