import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getSessionActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getProjectSettings } from "@/lib/projects/get-project-settings";
import { listMembers } from "@/lib/admin/manage-projects";
import { ProjectSettingsForm } from "@/components/settings/project-settings";
import { Members, type MemberRow } from "@/components/settings/members";
import { Notice } from "@/components/ui/notice";

export default async function ProjectSettingsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const actor = await getSessionActor();
  if (!actor) redirect("/login");
  const { projectId } = await params;
  const t = await getTranslations("settings");
  try {
    // The same rules as the operations behind the forms: editors and admins change settings,
    // admins change memberships. The page shows only what the caller may use.
    const { project, mayManageMembers } = await getProjectSettings({ actor, projectId });
    const members = JSON.parse(JSON.stringify(await listMembers({ actor, projectId }))) as MemberRow[];
    return (
      <div className="stack">
        <header className="stack">
          <p className="muted"><Link href={`/projects/${projectId}`}><bdi>{project.name}</bdi></Link></p>
          <h1>{t("project.pageTitle")}</h1>
        </header>
        <ProjectSettingsForm
          projectId={projectId}
          initial={{ requiredVerdicts: project.requiredVerdicts, organizationName: project.organizationName, organizationUrl: project.organizationUrl }}
        />
        <Members projectId={projectId} initial={members} canManage={mayManageMembers} viewerId={actor.id} />
      </div>
    );
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    if (e instanceof AppError && e.code === "forbidden") {
      return <Notice title={t("project.editorsOnlyTitle")} message={t("project.editorsOnly")} backHref={`/projects/${projectId}`} backLabel={t("backToProject")} />;
    }
    throw e;
  }
}
