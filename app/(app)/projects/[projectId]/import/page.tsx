import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getSessionActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getProjectOrThrow } from "@/lib/projects/get-project-or-throw";
import { ImportForm } from "@/components/articles/import-form";

export default async function ImportPage({ params }: { params: Promise<{ projectId: string }> }) {
  const actor = await getSessionActor();
  if (!actor) redirect("/login");
  const { projectId } = await params;
  const t = await getTranslations("projects");
  try {
    const { project } = await getProjectOrThrow({ actor, projectId });
    return (
      <div className="stack narrow">
        <h1>{t("import")} · <bdi>{project.name}</bdi></h1>
        <ImportForm projectId={projectId} />
      </div>
    );
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
}
