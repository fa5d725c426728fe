import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getSessionActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getProjectOrThrow } from "@/lib/projects/get-project-or-throw";
import { getDashboard, type Dashboard } from "@/lib/dashboard/get-dashboard";
import { Headline } from "@/components/dashboard/headline";
import { RatingsChart } from "@/components/dashboard/ratings-chart";
import { QueueChart } from "@/components/dashboard/queue-chart";
import { AgreementChart } from "@/components/dashboard/agreement-chart";
import { WeeklyChart } from "@/components/dashboard/weekly-chart";
import { Notice } from "@/components/ui/notice";
import "@/components/dashboard/dashboard.css";

export default async function DashboardPage({ params }: { params: Promise<{ projectId: string }> }) {
  const actor = await getSessionActor();
  if (!actor) redirect("/login");
  const { projectId } = await params;
  const t = await getTranslations("dashboard");
  try {
    const { project } = await getProjectOrThrow({ actor, projectId });
    const data = JSON.parse(JSON.stringify(await getDashboard({ actor, projectId }))) as Dashboard;
    return (
      <div className="stack">
        <header className="stack">
          <p className="muted"><Link href={`/projects/${projectId}`}><bdi>{project.name}</bdi></Link></p>
          <h1>{t("title")}</h1>
          <p className="muted">{t("explain")}</p>
        </header>
        <Headline agreement={data.agreement} claims={data.claims} />
        <div className="dashboard-grid">
          <RatingsChart ratings={data.ratings} />
          <QueueChart queue={data.queue} />
          <AgreementChart pairs={data.pairs} />
          <WeeklyChart weekly={data.weekly} />
        </div>
      </div>
    );
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    if (e instanceof AppError && e.code === "forbidden") {
      return <Notice title={t("editorsOnly.title")} message={t("editorsOnly.message")} backHref={`/projects/${projectId}`} backLabel={t("backToProject")} />;
    }
    throw e;
  }
}
