import { getTranslations } from "next-intl/server";
import { loadOr404, pageActor } from "@/lib/pages/guard";
import { getProjectOrThrow } from "@/lib/projects/get-project-or-throw";
import { ImportForm } from "@/components/articles/import-form";

export default async function ImportPage({ params }: { params: Promise<{ projectId: string }> }) {
  const actor = await pageActor();
  const { projectId } = await params;
  const t = await getTranslations("projects");
  const { project } = await loadOr404(() => getProjectOrThrow({ actor, projectId }));
  return (
    <div className="stack narrow">
      <h1>{t("import")} · <bdi>{project.name}</bdi></h1>
      <ImportForm projectId={projectId} />
    </div>
  );
}
