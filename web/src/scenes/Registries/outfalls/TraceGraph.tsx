/**
 * @module The 溯源 graph drawn left to right: enterprises and sources on the left, drains and pipes in between, the
 * outfall on the right; each arrow is where water flows. Columns by distance from the outfall
 * (domain/registries/traceGraph.ts depth).
 */
import { Empty } from "antd";
import { TRACE_NODE_LABELS, type TraceNodeKind } from "../../../../../domain/registries/traceGraph";
import { useT } from "../../../i18n";
import type { TraceNodeView } from "./types";

const COLOURS: Record<TraceNodeKind | "outfall", string> = { outfall: "#0e7490", drain: "#69b1ff", pipe: "#4096ff", enterprise: "#d4380d", source: "#d48806" };
const BOX_W = 150;
const BOX_H = 40;
const GAP_X = 60;
const GAP_Y = 16;

/** The graph. */
export function TraceGraph({ nodes, depth, outfall }: { nodes: TraceNodeView[]; depth: Record<string, number>; outfall: string }) {
  const t = useT();
  if (nodes.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("registries.of.trace.none")} />;
  const maxDepth = Math.max(...nodes.map((n) => depth[n.id] ?? 1));
  const columns = Array.from({ length: maxDepth + 1 }, (_, d) => (d === 0 ? [] : nodes.filter((n) => (depth[n.id] ?? 1) === d)));
  const rows = Math.max(1, ...columns.map((c) => c.length));
  const W = (maxDepth + 1) * (BOX_W + GAP_X);
  const H = rows * (BOX_H + GAP_Y) + GAP_Y;
  const pos = new Map<string, { x: number; y: number }>();
  const x = (d: number) => (maxDepth - d) * (BOX_W + GAP_X);
  const yOf = (i: number, n: number) => (H - n * (BOX_H + GAP_Y) + GAP_Y) / 2 + i * (BOX_H + GAP_Y) - GAP_Y / 2;
  columns.forEach((c, d) => c.forEach((n, i) => pos.set(n.id, { x: x(d), y: yOf(i, c.length) })));
  const out = { x: x(0), y: (H - BOX_H) / 2 };
  const box = (key: string, p: { x: number; y: number }, colour: string, title: string, sub: string) => (
    <g key={key} data-testid={`trace-node-${title}`}>
      <rect x={p.x} y={p.y} width={BOX_W} height={BOX_H} rx={6} fill="#fff" stroke={colour} strokeWidth={2} />
      <text x={p.x + 8} y={p.y + 16} fontSize={12} fill="#262626">{title.length > 11 ? `${title.slice(0, 11)}…` : title}</text>
      <text x={p.x + 8} y={p.y + 32} fontSize={11} fill={colour}>{sub}</text>
    </g>
  );
  return (
    <div style={{ overflowX: "auto" }} data-testid="trace-graph">
      <svg width={W} height={H} style={{ display: "block" }} role="img">
        <defs>
          <marker id="trace-arrow" markerWidth="8" markerHeight="8" refX="7" refY="4" orient="auto"><path d="M0,0 L8,4 L0,8 Z" fill="#8c8c8c" /></marker>
        </defs>
        {nodes.map((n) => {
          const from = pos.get(n.id)!;
          const to = n.downstreamId ? pos.get(n.downstreamId) : out;
          if (!to) return null;
          const x1 = from.x + BOX_W;
          const y1 = from.y + BOX_H / 2;
          const x2 = to.x;
          const y2 = to.y + BOX_H / 2;
          return <path key={`e-${n.id}`} d={`M${x1},${y1} C${x1 + GAP_X / 2},${y1} ${x2 - GAP_X / 2},${y2} ${x2 - 2},${y2}`} fill="none" stroke="#8c8c8c" strokeWidth={1.5} markerEnd="url(#trace-arrow)" />;
        })}
        {nodes.map((n) => box(n.id, pos.get(n.id)!, COLOURS[n.kind], n.label, TRACE_NODE_LABELS[n.kind][t.lang]))}
        {box("outfall", out, COLOURS.outfall, outfall, t("registries.of.trace.outfall"))}
      </svg>
    </div>
  );
}
