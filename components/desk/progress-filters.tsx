import Link from "next/link";
import { useTranslations } from "next-intl";
import { PROGRESS_STATUSES } from "@/lib/review/list-article-progress";

type Filters = { status: string | null; assignee: string | null; outlet: string | null; from: Date | null; to: Date | null };
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

/** The project page's filters: a plain GET form, so the address holds them and they work without script. */
export function ProgressFilters({ projectId, filters, members, outlets }: { projectId: string; filters: Filters; members: { id: string; name: string }[]; outlets: string[] }) {
  const t = useTranslations("projects.desk");
  const active = Object.values(filters).some(Boolean);
  return (
    <form method="get" action={`/projects/${projectId}`} className="card progress-filters" aria-label={t("filters")} data-testid="progress-filters">
      <label>
        {t("status")}
        <select name="status" defaultValue={filters.status ?? ""}>
          <option value="">{t("any")}</option>
          {PROGRESS_STATUSES.map((s) => <option key={s} value={s}>{t(`statuses.${s}`)}</option>)}
        </select>
      </label>
      <label>
        {t("assignee")}
        <select name="assignee" defaultValue={filters.assignee ?? ""}>
          <option value="">{t("any")}</option>
          <option value="none">{t("unassigned")}</option>
          {members.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
        </select>
      </label>
      <label>
        {t("outlet")}
        <select name="outlet" defaultValue={filters.outlet ?? ""}>
          <option value="">{t("any")}</option>
          {outlets.map((o) => <option key={o} value={o}>{o}</option>)}
        </select>
      </label>
      <label>
        {t("from")}
        <input type="date" name="from" dir="ltr" defaultValue={day(filters.from)} />
      </label>
      <label>
        {t("to")}
        <input type="date" name="to" dir="ltr" defaultValue={day(filters.to)} />
      </label>
      <div className="row">
        <button type="submit">{t("apply")}</button>
        {active && <Link href={`/projects/${projectId}`}>{t("clear")}</Link>}
      </div>
      <p className="muted small filters-note">{t("dateNote")}</p>
    </form>
  );
}
