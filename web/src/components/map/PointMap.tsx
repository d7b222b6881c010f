/**
 * @module An offline SVG map of monitoring points: rivers from GeoJSON polylines (demoRivers.ts), points as
 * symbols by kind (● section, ■ automatic station, ▲ outlet, ◆ flow station, ◎ drinking-water intake) filled with
 * their class colour, a scale bar and a north arrow. Web Mercator throughout, so an optional XYZ tile URL
 * (`{z}/{x}/{y}`) lines up underneath; without one nothing is fetched from the network.
 */
import { useMemo, type ReactNode } from "react";
import { Tooltip } from "antd";
import type { PointKind } from "../../api/types";
import { useWidth } from "./useWidth";
import { DEMO_RIVERS, type RiverCollection } from "./demoRivers";

/** One point to draw. */
export interface MapPoint {
  id: string;
  code: string;
  kind: PointKind;
  lon: number;
  lat: number;
  /** Fill colour (class colour, or grey without data). */
  colour: string;
  /** Tooltip content. */
  tooltip: ReactNode;
}

/** Props of `PointMap`. */
export interface PointMapProps {
  points: MapPoint[];
  rivers?: RiverCollection;
  /** Point drawn larger and on top (e.g. the list row under the mouse). */
  highlightedId?: string | null;
  onHover?: (id: string | null) => void;
  onSelect?: (id: string) => void;
  /** Optional XYZ tile template, e.g. https://tiles.example/{z}/{x}/{y}.png. */
  tileUrl?: string | null;
  /** Text printed in the corner, e.g. "演示数据". */
  caption?: string;
  /** Label of the north arrow ("北" / "N"). */
  north?: string;
  /** Formats the scale bar's length, e.g. (km) => `${km} 公里`. */
  formatKm?: (km: number) => string;
  height?: number;
  testId?: string;
}

const PAD = 36;


/** Web Mercator: lon/lat → the unit square (x right, y down). */
function mercator(lon: number, lat: number): [number, number] {
  const s = Math.sin((lat * Math.PI) / 180);
  return [(lon + 180) / 360, 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)];
}

/** A symbol by point kind, centred on (x, y). */
function Marker({ kind, x, y, r, fill, stroke }: { kind: PointKind; x: number; y: number; r: number; fill: string; stroke: string }) {
  const common = { fill, stroke, strokeWidth: 1.5 };
  switch (kind) {
    case "auto_station":
      return <rect x={x - r} y={y - r} width={2 * r} height={2 * r} rx={2} {...common} />;
    case "outlet":
      return <polygon points={`${x},${y - r * 1.25} ${x + r * 1.15},${y + r * 0.85} ${x - r * 1.15},${y + r * 0.85}`} {...common} />;
    case "flow_station":
      return <polygon points={`${x},${y - r * 1.3} ${x + r * 1.3},${y} ${x},${y + r * 1.3} ${x - r * 1.3},${y}`} {...common} />;
    case "drinking_intake":
      return (
        <g>
          <circle cx={x} cy={y} r={r + 3} fill="none" stroke={stroke} strokeWidth={1.2} />
          <circle cx={x} cy={y} r={r} {...common} />
        </g>
      );
    default:
      return <circle cx={x} cy={y} r={r} {...common} />;
  }
}

/** A "nice" scale-bar length in km (1, 2 or 5 × 10ⁿ) near `km`. */
function niceKm(km: number): number {
  const p = 10 ** Math.floor(Math.log10(km));
  const m = km / p;
  return (m >= 5 ? 5 : m >= 2 ? 2 : 1) * p;
}

/**
 * The map. Points without coordinates are simply not drawn (the list still shows them).
 * @example <PointMap points={pts} caption="演示数据" onSelect={(id) => navigate(`/monitoring/points/${id}`)} />
 */
export function PointMap({
  points,
  rivers = DEMO_RIVERS,
  highlightedId,
  onHover,
  onSelect,
  tileUrl,
  caption,
  north = "N",
  formatKm = (km) => `${km} km`,
  height = 420,
  testId,
}: PointMapProps) {
  const [box, measured] = useWidth<HTMLDivElement>();
  const W = measured || 800;
  const H = height;
  const view = useMemo(() => {
    // Frame the rivers and the points together, so a filter does not make the map jump around.
    const coords: [number, number][] = [...rivers.features.flatMap((f) => f.geometry.coordinates), ...points.map((p) => [p.lon, p.lat] as [number, number])];
    const xy = coords.map(([lon, lat]) => mercator(lon, lat));
    const xs = xy.map((c) => c[0]);
    const ys = xy.map((c) => c[1]);
    const minX = Math.min(...xs);
    const maxX = Math.max(...xs);
    const minY = Math.min(...ys);
    const maxY = Math.max(...ys);
    const scale = Math.min((W - 2 * PAD) / (maxX - minX || 1e-6), (H - 2 * PAD) / (maxY - minY || 1e-6));
    const ox = (W - (maxX - minX) * scale) / 2 - minX * scale;
    const oy = (H - (maxY - minY) * scale) / 2 - minY * scale;
    const project = (lon: number, lat: number): [number, number] => {
      const [x, y] = mercator(lon, lat);
      return [ox + x * scale, oy + y * scale];
    };
    const midLat = coords.length ? coords.reduce((s, c) => s + c[1], 0) / coords.length : 35;
    // Metres per unit of the Mercator square at the map's latitude.
    const metresPerUnit = 40_075_016.686 * Math.cos((midLat * Math.PI) / 180);
    const kmPerPx = metresPerUnit / scale / 1000;
    return { project, scale, ox, oy, kmPerPx };
  }, [rivers, points, W, H]);

  const tiles = useMemo(() => {
    if (!tileUrl) return [];
    const z = Math.max(0, Math.min(19, Math.round(Math.log2(view.scale / 256))));
    const n = 2 ** z;
    const size = view.scale / n;
    const x0 = Math.max(0, Math.floor(-view.ox / size));
    const x1 = Math.min(n - 1, Math.floor((W - view.ox) / size));
    const y0 = Math.max(0, Math.floor(-view.oy / size));
    const y1 = Math.min(n - 1, Math.floor((H - view.oy) / size));
    const out: { href: string; x: number; y: number; size: number }[] = [];
    for (let x = x0; x <= x1; x++)
      for (let y = y0; y <= y1; y++)
        out.push({ href: tileUrl.replace("{z}", String(z)).replace("{x}", String(x)).replace("{y}", String(y)), x: view.ox + x * size, y: view.oy + y * size, size });
    return out;
  }, [tileUrl, view, W, H]);

  const barKm = niceKm(view.kmPerPx * 120);
  const barPx = barKm / view.kmPerPx;
  const ordered = [...points].sort((a, b) => Number(a.id === highlightedId) - Number(b.id === highlightedId));

  return (
    <div ref={box} style={{ width: "100%" }} data-testid={testId}>
    <svg
      viewBox={`0 0 ${W} ${H}`}
      width="100%"
      height={H}
      style={{ display: "block", background: "#f6f9fb", borderRadius: 8 }}
      role="img"
    >
      {tiles.map((t) => (
        <image key={t.href} href={t.href} x={t.x} y={t.y} width={t.size} height={t.size} preserveAspectRatio="none" />
      ))}
      {rivers.features.map((f) => {
        const pts = f.geometry.coordinates.map(([lon, lat]) => view.project(lon, lat));
        const d = pts.map(([x, y], i) => `${i ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`).join(" ");
        // Labels sit a third of the way along, clear of the middle where points tend to be.
        const mid = pts[Math.floor(pts.length / 3)];
        const canal = f.properties.kind === "canal";
        return (
          <g key={f.properties.name}>
            <path d={d} fill="none" stroke={canal ? "#5b9bd5" : "#7fb8e6"} strokeWidth={canal ? 7 : 4} strokeLinecap="round" strokeLinejoin="round" opacity={0.85} />
            {canal && <path d={d} fill="none" stroke="#e8f2fb" strokeWidth={2} strokeDasharray="10 8" />}
            <text x={mid[0]} y={mid[1] - 10} fontSize={13} fill="#2b6ca3" textAnchor="middle" fontStyle="italic" style={{ paintOrder: "stroke" }} stroke="#f6f9fb" strokeWidth={3}>
              {f.properties.name}
            </text>
          </g>
        );
      })}
      {ordered.map((p) => {
        const [x, y] = view.project(p.lon, p.lat);
        const hot = p.id === highlightedId;
        return (
          <Tooltip key={p.id} title={p.tooltip}>
            <g
              style={{ cursor: onSelect ? "pointer" : undefined }}
              onMouseEnter={() => onHover?.(p.id)}
              onMouseLeave={() => onHover?.(null)}
              onClick={() => onSelect?.(p.id)}
              data-testid={`map-point-${p.code}`}
            >
              <Marker kind={p.kind} x={x} y={y} r={hot ? 10 : 7} fill={p.colour} stroke={hot ? "#0e7490" : "#ffffff"} />
              <text x={x + 11} y={y + 4} fontSize={11} fill="#262626" stroke="#f6f9fb" strokeWidth={3} style={{ paintOrder: "stroke" }}>
                {p.code}
              </text>
            </g>
          </Tooltip>
        );
      })}
      <g transform={`translate(${W - 40}, 30)`}>
        <polygon points="0,-16 7,6 0,1 -7,6" fill="#434343" />
        <text y={22} fontSize={12} textAnchor="middle" fill="#434343">
          {north}
        </text>
      </g>
      <g transform={`translate(20, ${H - 20})`}>
        <path d={`M0,-6 V0 H${barPx} V-6`} fill="none" stroke="#434343" strokeWidth={1.5} />
        <text x={barPx / 2} y={-9} fontSize={11} textAnchor="middle" fill="#434343">
          {formatKm(barKm)}
        </text>
      </g>
      {caption && (
        <text x={W - 12} y={H - 12} fontSize={12} textAnchor="end" fill="#8c8c8c">
          {caption}
        </text>
      )}
    </svg>
    </div>
  );
}
