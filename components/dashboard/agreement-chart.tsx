"use client";

import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { Dashboard } from "@/lib/dashboard/get-dashboard";
import { ChartFrame, PALETTE, useChartAxes, useNumbers, WrappedTick } from "@/components/dashboard/chart-frame";

/** Cohen's kappa and the share of agreeing ratings, for every pair of reviewers who co-rated claims. */
export function AgreementChart({ pairs, minimum }: { pairs: Array<Dashboard["pairs"][number] & { enough?: boolean }>; minimum?: number }) {
  const t = useTranslations("dashboard.pairs");
  const axes = useChartAxes();
  const n = useNumbers();
  const name = (p: { name: string }) => p.name || t("unnamed");
  const data = pairs.map((p) => ({
    key: `${p.a.id}:${p.b.id}`,
    label: `${name(p.a)} · ${name(p.b)}`,
    kappa: p.cohenKappa,
    percent: p.percentAgreement,
    items: p.items,
  }));
  // Kappa can fall below zero (worse than chance); the axis then shows it.
  const lowest = Math.min(0, ...pairs.map((p) => p.cohenKappa ?? 0));
  return (
    <ChartFrame
      id="pairs"
      title={t("title")}
      description={minimum === undefined ? t("description") : `${t("description")} ${t("threshold", { minimum })}`}
      columns={[t("pair"), t("kappa"), t("percent"), t("items")]}
      rows={data.map((d) => ({ key: d.key, header: <bdi>{d.label}</bdi>, cells: [n.ratio(d.kappa), n.percent(d.percent), n.int(d.items)] }))}
      empty={pairs.length === 0 ? t("empty") : null}
    >
      <BarChart responsive style={{ width: "100%", height: "100%" }} data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" reversed={axes.x.reversed} interval={0} height={44} tick={<WrappedTick />} />
        <YAxis orientation={axes.y.orientation} domain={[lowest < 0 ? -1 : 0, 1]} tickFormatter={(v: number) => n.ratio(v)} width={48} />
        <ReferenceLine y={0} stroke="#5b6572" />
        <Tooltip formatter={(v, _name, item) => (item?.dataKey === "percent" ? n.percent(v == null ? null : Number(v)) : n.ratio(v == null ? null : Number(v)))} />
        <Legend />
        <Bar dataKey="kappa" name={t("kappa")} fill={PALETTE[0]} />
        <Bar dataKey="percent" name={t("percentShare")} fill={PALETTE[2]} />
      </BarChart>
    </ChartFrame>
  );
}
