"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Text } from "recharts";
import { directionOf } from "@/lib/i18n/locales";
import "@/components/dashboard/dashboard.css";

export const PALETTE = ["#0b5cad", "#b45309", "#1b7a3d", "#7c3aed", "#a4161a", "#0e7490", "#4b5563", "#be185d"];

/**
 * Axis settings that mirror a chart in right-to-left: time and categories run from the right,
 * and the value axis stands on the right.
 */
export function useChartAxes() {
  const rtl = directionOf(useLocale()) === "rtl";
  return {
    rtl,
    x: { reversed: rtl },
    y: { orientation: (rtl ? "right" : "left") as "right" | "left" },
  };
}

/**
 * A category label wrapped onto lines, so long labels ("Mixed or misleading") do not overlap:
 * each gets its share of the axis' width (recharts passes the axis' `width` and tick count).
 */
export function WrappedTick({
  x = 0,
  y = 0,
  payload,
  width,
  visibleTicksCount,
}: {
  x?: number;
  y?: number;
  payload?: { value?: unknown };
  width?: number;
  visibleTicksCount?: number;
}) {
  const share = width && visibleTicksCount ? width / visibleTicksCount - 6 : 80;
  return (
    <Text x={x} y={y + 4} width={Math.max(36, share)} textAnchor="middle" verticalAnchor="start" fontSize={11} fill="#5b6572">
      {String(payload?.value ?? "")}
    </Text>
  );
}

/** Numbers as the interface's language writes them. */
export function useNumbers() {
  const format = useFormatter();
  return {
    int: (x: number) => format.number(x, { maximumFractionDigits: 0 }),
    ratio: (x: number | null) => (x === null ? "—" : format.number(x, { minimumFractionDigits: 2, maximumFractionDigits: 2 })),
    percent: (x: number | null) => (x === null ? "—" : format.number(x, { style: "percent", maximumFractionDigits: 1 })),
    day: (iso: string) => format.dateTime(new Date(`${iso}T00:00:00Z`), { month: "short", day: "numeric" }),
    fullDay: (iso: string) => format.dateTime(new Date(`${iso}T00:00:00Z`), { dateStyle: "medium" }),
  };
}

/**
 * A chart with its heading, a sentence on what it shows, and the same figures as a table
 * (for screen readers, keyboards and anyone who wants the exact numbers).
 */
export function ChartFrame({
  id,
  title,
  description,
  columns,
  rows,
  empty,
  children,
}: {
  id: string;
  title: string;
  description: string;
  columns: string[];
  rows: Array<{ key: string; header: ReactNode; cells: ReactNode[] }>;
  empty?: string | null;
  children: ReactNode;
}) {
  const t = useTranslations("dashboard");
  return (
    <figure className="card chart-card" aria-labelledby={`${id}-title`} data-testid={`chart-${id}`}>
      <figcaption>
        <h2 id={`${id}-title`}>{title}</h2>
        <p className="muted small" id={`${id}-description`}>{description}</p>
      </figcaption>
      {empty ? (
        <p className="muted">{empty}</p>
      ) : (
        <div className="chart" aria-describedby={`${id}-description`}>{children}</div>
      )}
      {!empty && (
        <details>
          <summary>{t("showTable")}</summary>
          <table className="list">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>{columns.map((c, i) => <th key={i} scope="col">{c}</th>)}</tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row">{r.header}</th>
                  {r.cells.map((cell, i) => <td key={i}><bdi dir="ltr">{cell}</bdi></td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </figure>
  );
}
