/**
 * @module A chart of one or more factors' values with their QC flags: a line per factor, flagged values drawn as
 * coloured points (suspect orange, fail red), rejected values as crosses, an optional shaded window (a finding's
 * evidence, an alarm's time) and optional limit lines.
 */
import { useMemo } from "react";
import { Empty } from "antd";
import type { FlaggedReading } from "../../api/quality";
import { EChart } from "../../components/charts/EChart";
import { useT } from "../../i18n";
import { QC_COLOUR, beijingText, factorLabel } from "./chartShared";

/** One line of the chart. */
export interface FlagLine {
  factor: string;
  /** Label override (e.g. "化验" for lab samples). */
  name?: string;
  values: FlaggedReading[];
  /** Second y axis (different units). */
  right?: boolean;
  /** Draw points only (lab samples). */
  points?: boolean;
}

/** Props of the chart. */
export interface FlagChartProps {
  lines: FlagLine[];
  window?: { from: string; to: string } | null;
  limits?: { value: number; label: string }[];
  height?: number;
  testId?: string;
}

/** The chart. */
export function FlagChart({ lines, window, limits = [], height = 320, testId }: FlagChartProps) {
  const t = useT();
  const option = useMemo(() => {
    const series: Record<string, unknown>[] = [];
    for (const l of lines) {
      const name = l.name ?? factorLabel(l.factor, t);
      const axis = l.right ? 1 : 0;
      series.push({
        name, type: l.points ? "scatter" : "line", yAxisIndex: axis, showSymbol: l.values.length < 80, symbolSize: l.points ? 10 : 4, connectNulls: false,
        data: l.values.map((v) => [v.t, v.value]),
        ...(series.length === 0 && window ? { markArea: { silent: true, itemStyle: { color: "rgba(250,140,22,0.12)" }, data: [[{ xAxis: window.from }, { xAxis: window.to }]] } } : {}),
        ...(series.length === 0 && limits.length
          ? { markLine: { symbol: "none", silent: true, lineStyle: { type: "dashed", color: "#cf1322" }, data: limits.map((x) => ({ yAxis: x.value, label: { formatter: x.label, position: "insideEndTop" } })) } }
          : {}),
      });
      const flagged = l.values.filter((v) => v.value !== null && (v.qcFlag === 3 || v.qcFlag === 4 || v.reviewState === "rejected"));
      if (flagged.length) {
        series.push({
          name: `${name} · ${t("alarms.chart.flagged")}`, type: "scatter", yAxisIndex: axis, symbolSize: 9, z: 5,
          data: flagged.map((v) => ({
            value: [v.t, v.value],
            symbol: v.reviewState === "rejected" ? "path://M0,0 L10,10 M10,0 L0,10" : "circle",
            itemStyle: { color: v.reviewState === "rejected" ? "#000" : QC_COLOUR[v.qcFlag as 3 | 4], borderColor: "#000", borderWidth: v.reviewState === "rejected" ? 2 : 0 },
          })),
        });
      }
    }
    // The y axis takes in the limits, so a limit line is visible even when every value is far from it.
    const ys = lines.flatMap((l) => l.values.flatMap((v) => (v.value === null ? [] : [v.value])));
    const lo = Math.min(...ys, ...limits.map((x) => x.value));
    const hi = Math.max(...ys, ...limits.map((x) => x.value));
    const pad = (hi - lo) * 0.08 || Math.abs(hi) * 0.1 || 1;
    // Round the bounds to the range's order of magnitude so the axis labels stay whole (90 … 160, not 95.9 … 155).
    const step = 10 ** Math.floor(Math.log10(hi - lo + 2 * pad));
    const yMin = Math.max(lo >= 0 ? 0 : -Infinity, Math.floor((lo - pad) / step) * step);
    const yMax = Math.ceil((hi + pad) / step) * step;
    const ts = lines.flatMap((l) => l.values.map((v) => new Date(v.t).getTime()));
    const span = ts.length ? Math.max(...ts) - Math.min(...ts) : 0;
    // Short windows (a live alarm) need seconds; long ones the date.
    const label = (v: number) => {
      const text = beijingText(new Date(v).toISOString());
      return span < 2 * 3_600_000 ? new Date(v + 8 * 3_600_000).toISOString().slice(11, 19) : text.slice(5);
    };
    const leftOnly = !lines.some((l) => l.right);
    return {
      animation: false,
      tooltip: { trigger: "axis", valueFormatter: (v: unknown) => (typeof v === "number" ? String(Number(v.toPrecision(4))) : String(v ?? "—")) },
      legend: { top: 0, type: "scroll" },
      grid: { left: 56, right: lines.some((l) => l.right) ? 56 : 24, top: 36, bottom: 56 },
      xAxis: { type: "time", axisLabel: { formatter: label, hideOverlap: true } },
      yAxis: [
        { type: "value", scale: true, ...(leftOnly && Number.isFinite(lo) ? { min: Number(yMin.toPrecision(6)), max: Number(yMax.toPrecision(6)) } : {}) },
        ...(leftOnly ? [] : [{ type: "value", scale: true, splitLine: { show: false } }]),
      ],
      dataZoom: [{ type: "inside" }, { type: "slider", height: 18, bottom: 8 }],
      series,
    };
  }, [lines, window, limits, t]);
  if (!lines.some((l) => l.values.length)) return <Empty description={t("alarms.chart.noData")} data-testid={testId ? `${testId}-empty` : undefined} />;
  return <EChart option={option} height={height} testId={testId} />;
}
