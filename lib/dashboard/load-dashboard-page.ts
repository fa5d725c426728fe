import "server-only";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getProjectOrThrow } from "@/lib/projects/get-project-or-throw";
import { getDashboard } from "@/lib/dashboard/get-dashboard";
import { figureIfEnough, MIN_COMPARED_CLAIMS } from "@/lib/review/agreement-threshold";

/**
 * The dashboard page's data: the dashboard with agreement figures left out (null) where fewer than
 * MIN_COMPARED_CLAIMS claims were compared, so no "κ = 0.00" from one claim reaches the page.
 * A member who is not an editor gets `{ forbidden: true }` (the page explains, rather than a 404).
 */
export async function loadDashboardPage({ actor, projectId }: { actor: Actor; projectId: string }) {
  const { project } = await getProjectOrThrow({ actor, projectId });
  const head = { project: { id: project.id, name: project.name }, rule: project.disagreementRule, minimum: MIN_COMPARED_CLAIMS };
  let dashboard;
  try {
    dashboard = await getDashboard({ actor, projectId });
  } catch (e) {
    if (e instanceof AppError && e.code === "forbidden") return { ...head, forbidden: true as const };
    throw e;
  }
  const a = dashboard.agreement;
  const data = {
    ...dashboard,
    agreement: {
      ...a,
      enough: a.items >= MIN_COMPARED_CLAIMS,
      percentAgreement: figureIfEnough(a.percentAgreement, a.items),
      cohenKappa: figureIfEnough(a.cohenKappa, a.items),
      krippendorffAlpha: figureIfEnough(a.krippendorffAlpha, a.items),
    },
    pairs: dashboard.pairs.map((p) => ({
      ...p,
      enough: p.items >= MIN_COMPARED_CLAIMS,
      percentAgreement: figureIfEnough(p.percentAgreement, p.items),
      cohenKappa: figureIfEnough(p.cohenKappa, p.items),
    })),
  };
  return { ...head, forbidden: false as const, data: JSON.parse(JSON.stringify(data)) as typeof data };
}
export type DashboardPage = Extract<Awaited<ReturnType<typeof loadDashboardPage>>, { forbidden: false }>["data"];
