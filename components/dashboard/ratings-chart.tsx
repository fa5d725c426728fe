"use client";

import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { Dashboard } from "@/lib/dashboard/get-dashboard";
import { ChartFrame, PALETTE, useChartAxes, useNumbers, WrappedTick } from "@/components/dashboard/chart-frame";

/** Reviewers' verdicts and editors' final verdicts, by rating. */
export function RatingsChart({ ratings }: { ratings: Dashboard["ratings"] }) {
  const t = useTranslations("dashboard.ratings");
  const tw = useTranslations("workspace");
  const axes = useChartAxes();
  const n = useNumbers();
  const data = ratings.map((r) => ({ label: tw(`ratings.${r.rating}`), verdicts: r.verdicts, final: r.final }));
  const total = ratings.reduce((sum, r) => sum + r.verdicts + r.final, 0);
  return (
    <ChartFrame
      id="ratings"
      title={t("title")}
      description={t("description")}
      columns={[t("rating"), t("verdicts"), t("final")]}
      rows={ratings.map((r, i) => ({ key: r.rating, header: data[i].label, cells: [n.int(r.verdicts), n.int(r.final)] }))}
      empty={total === 0 ? t("empty") : null}
    >
      <BarChart responsive style={{ width: "100%", height: "100%" }} data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" reversed={axes.x.reversed} interval={0} height={44} tick={<WrappedTick />} />
        <YAxis orientation={axes.y.orientation} allowDecimals={false} tickFormatter={(v: number) => n.int(v)} width={40} />
        <Tooltip formatter={(v) => n.int(Number(v))} />
        <Legend />
        <Bar dataKey="verdicts" name={t("verdicts")} fill={PALETTE[0]} />
        <Bar dataKey="final" name={t("final")} fill={PALETTE[1]} />
      </BarChart>
    </ChartFrame>
  );
}
