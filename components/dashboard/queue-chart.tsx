"use client";

import { useTranslations } from "next-intl";
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import type { Dashboard } from "@/lib/dashboard/get-dashboard";
import { ChartFrame, PALETTE, useChartAxes, useNumbers } from "@/components/dashboard/chart-frame";

/** Disputed claims at the end of each day. */
export function QueueChart({ queue }: { queue: Dashboard["queue"] }) {
  const t = useTranslations("dashboard.queue");
  const axes = useChartAxes();
  const n = useNumbers();
  return (
    <ChartFrame
      id="queue"
      title={t("title")}
      description={t("description", { days: queue.length })}
      columns={[t("day"), t("disputed")]}
      // Newest first in the table: the recent days are the ones people look up.
      rows={[...queue].reverse().map((q) => ({ key: q.date, header: <bdi>{n.fullDay(q.date)}</bdi>, cells: [n.int(q.disputed)] }))}
    >
      <LineChart responsive style={{ width: "100%", height: "100%" }} data={queue} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="date" reversed={axes.x.reversed} tickFormatter={(d: string) => n.day(d)} minTickGap={24} tick={{ fontSize: 12 }} />
        <YAxis orientation={axes.y.orientation} allowDecimals={false} tickFormatter={(v: number) => n.int(v)} width={40} />
        <Tooltip labelFormatter={(d) => n.fullDay(String(d))} formatter={(v) => [n.int(Number(v)), t("disputed")]} />
        <Line type="linear" dataKey="disputed" name={t("disputed")} stroke={PALETTE[4]} strokeWidth={2} dot={false} isAnimationActive={false} />
      </LineChart>
    </ChartFrame>
  );
}
