import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { pageActor, loadOr404 } from "@/lib/pages/guard";
import { loadDashboardPage } from "@/lib/dashboard/load-dashboard-page";
import { Headline } from "@/components/dashboard/headline";
import { RatingsChart } from "@/components/dashboard/ratings-chart";
import { QueueChart } from "@/components/dashboard/queue-chart";
import { AgreementChart } from "@/components/dashboard/agreement-chart";
import { WeeklyChart } from "@/components/dashboard/weekly-chart";
import { Notice } from "@/components/ui/notice";
import "@/components/dashboard/dashboard.css";

export default async function DashboardPage({ params }: { params: Promise<{ projectId: string }> }) {
  const actor = await pageActor();
  const { projectId } = await params;
  const page = await loadOr404(() => loadDashboardPage({ actor, projectId }));
  const t = await getTranslations("dashboard");
  if (page.forbidden) {
    return <Notice title={t("editorsOnly.title")} message={t("editorsOnly.message")} backHref={`/projects/${projectId}`} backLabel={t("backToProject")} />;
  }
  const { data } = page;
  return (
    <div className="stack">
      <header className="stack">
        <p className="muted"><Link href={`/projects/${projectId}`}><bdi>{page.project.name}</bdi></Link></p>
        <h1>{t("title")}</h1>
        <p className="muted">{t("explain")}</p>
        <p className="muted small" data-testid="disagreement-rule">{t(`headline.rule.${page.rule}`)}</p>
      </header>
      <Headline agreement={data.agreement} claims={data.claims} minimum={page.minimum} />
      <div className="dashboard-grid">
        <RatingsChart ratings={data.ratings} />
        <QueueChart queue={data.queue} />
        <AgreementChart pairs={data.pairs} minimum={page.minimum} />
        <WeeklyChart weekly={data.weekly} />
      </div>
    </div>
  );
}
