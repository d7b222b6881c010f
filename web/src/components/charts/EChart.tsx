/**
 * @module One ECharts instance in a resizable box. ECharts is loaded on first use (`import("echarts/index.common")`),
 * so only scenes that render a chart pay for it. The import names the package directly on purpose: this folder
 * belongs to the shell's "app" chunk group (web/vite.config.ts), which would pull a local module's static ECharts
 * imports into the shell. The option is replaced wholesale on change (`notMerge`), so removed series and bands do
 * not linger.
 */
import { useEffect, useRef, useState } from "react";
import { Spin } from "antd";
import type { EChartsCoreOption, EChartsType } from "echarts/core";

type Core = typeof import("echarts/core");
let loading: Promise<Core> | null = null;

/**
 * Loads ECharts once: its "common" build (line, bar, pie, scatter; grid, tooltip, legend, dataZoom, markArea,
 * markLine …; canvas and SVG renderers), already registered — one lazy chunk.
 */
function loadECharts(): Promise<Core> {
  loading ??= import("echarts/index.common");
  return loading;
}

/** Props of `EChart`. */
export interface EChartProps {
  /** The full chart option. */
  option: EChartsCoreOption;
  /** Height in px (width follows the container). */
  height?: number;
  /** data-testid of the box; it also carries `data-state="ready"` once the option is drawn. */
  testId?: string;
  /** Shows a spinner over the chart (data loading). */
  loading?: boolean;
}

/**
 * A chart that loads ECharts lazily.
 * @example <EChart option={{ xAxis: { type: "time" }, yAxis: {}, series: [...] }} height={360} testId="point-chart" />
 */
export function EChart({ option, height = 360, testId, loading }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const [ready, setReady] = useState(false);
  const [drawn, setDrawn] = useState(false);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    void loadECharts().then((echarts) => {
      if (disposed || !box.current) return;
      chart.current = echarts.init(box.current, undefined, { renderer: "canvas" });
      observer = new ResizeObserver(() => chart.current?.resize());
      observer.observe(box.current);
      setReady(true);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (!ready || !chart.current) return;
    chart.current.setOption(option, { notMerge: true });
    setDrawn(true);
  }, [ready, option]);

  return (
    <div style={{ position: "relative", height }} data-testid={testId} data-state={drawn && !loading ? "ready" : "loading"}>
      <div ref={box} style={{ position: "absolute", inset: 0 }} />
      {(!ready || loading) && (
        <div style={{ position: "absolute", inset: 0, display: "flex", alignItems: "center", justifyContent: "center", pointerEvents: "none" }}>
          <Spin />
        </div>
      )}
    </div>
  );
}
