"use client";

import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { Dashboard } from "@/lib/dashboard/get-dashboard";
import { ChartFrame, PALETTE, useChartAxes, useNumbers } from "@/components/dashboard/chart-frame";

/** Claims each reviewer rated, week by week, stacked. */
export function WeeklyChart({ weekly }: { weekly: Dashboard["weekly"] }) {
  const t = useTranslations("dashboard.weekly");
  const axes = useChartAxes();
  const n = useNumbers();
  const name = (r: { name: string }) => r.name || t("unnamed");
  const data = weekly.weeks.map((w) => ({
    week: w.week,
    ...Object.fromEntries(weekly.reviewers.map((r) => [r.id, w.byReviewer[r.id] ?? 0])),
  }));
  return (
    <ChartFrame
      id="weekly"
      title={t("title")}
      description={t("description", { weeks: weekly.weeks.length })}
      columns={[t("week"), ...weekly.reviewers.map(name)]}
      rows={[...weekly.weeks].reverse().map((w) => ({
        key: w.week,
        header: <bdi>{n.fullDay(w.week)}</bdi>,
        cells: weekly.reviewers.map((r) => n.int(w.byReviewer[r.id] ?? 0)),
      }))}
      empty={weekly.reviewers.length === 0 ? t("empty") : null}
    >
      <BarChart responsive style={{ width: "100%", height: "100%" }} data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="week" reversed={axes.x.reversed} tickFormatter={(d: string) => n.day(d)} tick={{ fontSize: 12 }} />
        <YAxis orientation={axes.y.orientation} allowDecimals={false} tickFormatter={(v: number) => n.int(v)} width={40} />
        <Tooltip labelFormatter={(d) => t("weekOf", { date: n.fullDay(String(d)) })} formatter={(v) => n.int(Number(v))} />
        <Legend />
        {weekly.reviewers.map((r, i) => (
          <Bar key={r.id} dataKey={r.id} name={name(r)} stackId="reviewers" fill={PALETTE[i % PALETTE.length]} />
        ))}
      </BarChart>
    </ChartFrame>
  );
}
