/**
 * @module The ECharts option of one or more reading series of a factor: lines on a time axis (Beijing time), the
 * GB 3838 class bands behind them (markArea), the target-class limit and any permit limits as dashed lines
 * (markLine), flagged values marked, and a y axis stretched to keep those limits in view.
 */
import type { EChartsCoreOption } from "echarts/core";
import type { WaterBody, WaterClass } from "../../../../domain/standards/gb3838";
import type { PointLimit, Series } from "../../api/types";
import { classBands, classMarkArea, targetLimit } from "../../components/charts/classBands";
import type { Translate } from "../../i18n";
import { beijingText, classText, factorLabel, formatValue } from "./quality";

/** One line to draw. */
export interface SeriesLine {
  name: string;
  series: Series;
  colour?: string;
}

/** What the chart shows besides the lines. */
export interface SeriesOptionProps {
  lines: SeriesLine[];
  factor: string;
  t: Translate;
  /** Draw GB 3838 class bands for this water body (omit for outlets and mixed bodies). */
  body?: WaterBody;
  /** Target classes whose limits get a line (one per distinct class). */
  targets?: number[];
  /** Permit limits of an outlet for this factor. */
  permitLimits?: PointLimit[];
  /** Draw min–max lines of buckets (single series only). */
  showRange?: boolean;
}

/** Distinct line colours for comparisons (not class colours, which the bands use). */
export const LINE_COLOURS = ["#0e7490", "#7c3aed", "#db2777", "#ea580c"];

const FLAG_COLOUR = "#cf1322";

/** Builds the chart option. */
export function seriesOption({ lines, factor, t, body, targets = [], permitLimits = [], showRange }: SeriesOptionProps): EChartsCoreOption {
  const markLines: { yAxis: number; name: string; colour: string }[] = [];
  if (body) {
    for (const target of [...new Set(targets)]) {
      const limit = targetLimit(factor, body, target);
      if (limit !== null) markLines.push({ yAxis: limit, name: t("monitoring.chart.targetLimit", { cls: classText(target, t), v: formatValue(limit) }), colour: "#262626" });
    }
  }
  for (const l of permitLimits) {
    if (l.upperLimit !== null) markLines.push({ yAxis: l.upperLimit, name: t("monitoring.chart.permitUpper", { v: formatValue(l.upperLimit), unit: l.unit }), colour: FLAG_COLOUR });
    if (l.lowerLimit !== null) markLines.push({ yAxis: l.lowerLimit, name: t("monitoring.chart.permitLower", { v: formatValue(l.lowerLimit), unit: l.unit }), colour: FLAG_COLOUR });
  }
  const limitMax = markLines.reduce((m, l) => Math.max(m, l.yAxis), 0);
  // Ranges of a few days (e.g. around an alarm) label hours, of minutes seconds, longer ones days.
  const times = lines.flatMap((l) => l.series.points.map((p) => new Date(p.t).getTime()));
  const span = times.length > 1 ? Math.max(...times) - Math.min(...times) : Infinity;
  const labelChars: [number, number] = span < 2 * 3_600_000 ? [11, 19] : span < 3 * 86_400_000 ? [5, 16] : [0, 10];
  const bands = body ? classBands(factor, body) : [];

  const series: Record<string, unknown>[] = [];
  lines.forEach((line, i) => {
    const colour = line.colour ?? LINE_COLOURS[i % LINE_COLOURS.length];
    const s = line.series;
    const data =
      s.bucket === "raw"
        ? s.points.map((p) => {
            const flagged = (p.flag !== null && p.flag !== "N") || (p.qcFlag !== null && p.qcFlag >= 3);
            return {
              value: [p.t, p.value, p.flag ?? "", p.belowDl ? 1 : 0],
              ...(flagged ? { itemStyle: { color: FLAG_COLOUR, borderColor: FLAG_COLOUR }, symbolSize: 8 } : {}),
              ...(p.belowDl ? { symbol: "emptyCircle" } : {}),
            };
          })
        : s.points.map((p) => ({
            value: [p.t, p.avg, p.abnormal ? "!" : "", 0, p.min, p.max, p.n],
            ...(p.abnormal ? { itemStyle: { color: FLAG_COLOUR } } : {}),
          }));
    series.push({
      type: "line",
      name: line.name,
      data,
      color: colour,
      showSymbol: data.length <= 400,
      symbolSize: 5,
      connectNulls: false,
      lineStyle: { width: 2 },
      // Bands and limit lines ride on the first series; markArea/markLine need a series to belong to.
      ...(i === 0 && bands.length ? { markArea: classMarkArea(bands, (c: WaterClass) => classText(c, t)) } : {}),
      ...(i === 0 && markLines.length
        ? {
            markLine: {
              silent: true,
              symbol: "none",
              data: markLines.map((m) => ({
                yAxis: m.yAxis,
                name: m.name,
                lineStyle: { color: m.colour, type: "dashed", width: 1.5 },
                label: { formatter: m.name, position: "insideStartTop", color: m.colour, fontSize: 11 },
              })),
            },
          }
        : {}),
    });
    if (showRange && s.bucket !== "raw") {
      for (const key of ["min", "max"] as const) {
        series.push({
          type: "line",
          name: t(key === "min" ? "monitoring.chart.min" : "monitoring.chart.max"),
          data: s.points.map((p) => [p.t, p[key]]),
          color: colour,
          showSymbol: false,
          lineStyle: { width: 1, type: "dotted", opacity: 0.7 },
          tooltip: { show: false },
        });
      }
    }
  });

  const unitLabel = factorLabel(factor, t);
  return {
    animation: false,
    grid: { left: 56, right: 24, top: 40, bottom: 64 },
    legend: { top: 4, type: "scroll" },
    tooltip: {
      trigger: "axis",
      valueFormatter: (v: unknown) => (typeof v === "number" ? formatValue(v) : "—"),
      formatter: (params: unknown) => {
        const items = (Array.isArray(params) ? params : [params]) as { seriesName: string; marker: string; value: unknown[] }[];
        if (!items.length) return "";
        const head = beijingText(String(items[0].value[0]));
        const rows = items
          .filter((it) => it.seriesName !== t("monitoring.chart.min") && it.seriesName !== t("monitoring.chart.max"))
          .map((it) => {
            const [, v, flag, below, min, max, n] = it.value as [string, number | null, string, number, number?, number?, number?];
            const extra = [
              below ? t("monitoring.chart.belowDl") : "",
              flag && flag !== "!" ? t("monitoring.chart.flag", { flag }) : flag === "!" ? t("monitoring.chart.abnormal") : "",
              n !== undefined ? t("monitoring.chart.bucketInfo", { min: formatValue(min), max: formatValue(max), n }) : "",
            ]
              .filter(Boolean)
              .join(" · ");
            return `${it.marker}${it.seriesName}: <b>${formatValue(v)}</b>${extra ? ` <span style="color:#8c8c8c">${extra}</span>` : ""}`;
          });
        return [head, ...rows].join("<br/>");
      },
    },
    xAxis: {
      type: "time",
      axisLabel: {
        hideOverlap: true,
        // Beijing time whatever the browser's zone: the campaign's days and months are Beijing days and months.
        formatter: (v: number) => new Date(v + 8 * 3_600_000).toISOString().slice(...labelChars).replace("T", " "),
      },
    },
    yAxis: {
      type: "value",
      name: unitLabel,
      nameTextStyle: { align: "left" },
      scale: false,
      max: (v: { max: number }) => niceCeil(Math.max(v.max, limitMax * 1.15)),
    },
    dataZoom: [{ type: "inside" }, { type: "slider", height: 18, bottom: 14 }],
    series,
  };
}

/** Rounds up to a tidy axis end (1, 2, 2.5, 5 × 10ⁿ). */
function niceCeil(v: number): number {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  const m = v / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 2.5 ? 2.5 : m <= 5 ? 5 : 10) * p;
}

/** The series as CSV text (Beijing time; BOM so Excel opens it as UTF-8). */
export function seriesCsv(series: Series, factor: string, t: Translate): string {
  const unit = factorLabel(factor, t);
  const esc = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines: string[] =
    series.bucket === "raw"
      ? [
          [t("monitoring.csv.time"), unit, t("monitoring.csv.flag"), t("monitoring.csv.qcFlag"), t("monitoring.csv.belowDl"), t("monitoring.csv.version")].map(esc).join(","),
          ...series.points.map((p) => [beijingText(p.t), p.value ?? "", p.flag ?? "", p.qcFlag ?? "", p.belowDl ? "Y" : "", p.version].join(",")),
        ]
      : [
          [t("monitoring.csv.time"), `${unit} ${t("monitoring.csv.avg")}`, t("monitoring.csv.min"), t("monitoring.csv.max"), t("monitoring.csv.n"), t("monitoring.csv.abnormal")].map(esc).join(","),
          ...series.points.map((p) => [beijingText(p.t), p.avg ?? "", p.min ?? "", p.max ?? "", p.n, p.abnormal ? "Y" : ""].join(",")),
        ];
  return "\ufeff" + lines.join("\r\n") + "\r\n";
}

/** Saves text as a file in the browser. */
export function downloadText(text: string, fileName: string, type = "text/csv;charset=utf-8"): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
