/**
 * @module An offline SVG map of registry records as GeoJSON features — points (symbols), lines (strokes) and
 * polygons (filled areas) — over a base layer of rivers (the river register's courses, or the demo district's),
 * with a north arrow, scale bar and caption. Web Mercator (./projection.ts), so an optional XYZ tile URL lines up
 * underneath; without one nothing is fetched from the network. Each feature's colour and tooltip come from the
 * caller; clicking one selects it.
 */
import { useMemo, type ReactNode } from "react";
import { Tooltip } from "antd";
import { positionsOf, type Feature, type FeatureCollection, type Geometry, type Position } from "../../../../domain/registries/geo";
import { useWidth } from "./useWidth";
import { DEMO_RIVERS } from "./demoRivers";
import { fitView, niceKm, tilesFor, type View } from "./projection";

/** How one feature is drawn. */
export interface FeatureStyle {
  colour: string;
  /** Point symbol. */
  symbol?: "circle" | "square" | "triangle" | "diamond";
  /** Label next to points / along lines. */
  label?: string;
  tooltip?: ReactNode;
}

/** Props of `GeoMap`. */
export interface GeoMapProps {
  features: Feature[];
  style: (f: Feature) => FeatureStyle;
  /** Rivers under the features (default: the demo district's). */
  base?: FeatureCollection | null;
  /** Frame the base layer too (default true): filters then do not make the map jump. */
  frameBase?: boolean;
  highlightedId?: string | null;
  onSelect?: (id: string) => void;
  onHover?: (id: string | null) => void;
  tileUrl?: string | null;
  caption?: string;
  north?: string;
  formatKm?: (km: number) => string;
  height?: number;
  testId?: string;
  /** Extra SVG drawn on top (e.g. a photo's GPS position). */
  overlay?: (view: View) => ReactNode;
  /** Positions to include in the frame besides the features. */
  extraPositions?: Position[];
}


const DEMO_BASE: FeatureCollection = {
  type: "FeatureCollection",
  features: DEMO_RIVERS.features.map((f) => ({ type: "Feature", id: f.properties.name, geometry: f.geometry, properties: { name: f.properties.name, kind: f.properties.kind } })),
};

const pathOf = (v: View, line: Position[], close = false) =>
  line.map(([lon, lat], i) => {
    const [x, y] = v.project(lon, lat);
    return `${i ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`;
  }).join(" ") + (close ? " Z" : "");

function linesOf(g: Geometry): Position[][] {
  return g.type === "LineString" ? [g.coordinates] : g.type === "MultiLineString" ? g.coordinates : [];
}
function ringsOf(g: Geometry): Position[][] {
  return g.type === "Polygon" ? g.coordinates : g.type === "MultiPolygon" ? g.coordinates.flat() : [];
}

function Symbol({ kind = "circle", x, y, r, fill, stroke }: { kind?: FeatureStyle["symbol"]; x: number; y: number; r: number; fill: string; stroke: string }) {
  const common = { fill, stroke, strokeWidth: 1.5 };
  if (kind === "square") return <rect x={x - r} y={y - r} width={2 * r} height={2 * r} rx={2} {...common} />;
  if (kind === "triangle") return <polygon points={`${x},${y - r * 1.25} ${x + r * 1.15},${y + r * 0.85} ${x - r * 1.15},${y + r * 0.85}`} {...common} />;
  if (kind === "diamond") return <polygon points={`${x},${y - r * 1.3} ${x + r * 1.3},${y} ${x},${y + r * 1.3} ${x - r * 1.3},${y}`} {...common} />;
  return <circle cx={x} cy={y} r={r} {...common} />;
}

/**
 * The map.
 * @example <GeoMap features={fc.features} style={(f) => ({ colour: "#d4380d", label: String(f.properties.code) })} onSelect={open} />
 */
export function GeoMap({
  features, style, base, frameBase = true, highlightedId, onSelect, onHover, tileUrl, caption, north = "N",
  formatKm = (km) => `${km} km`, height = 420, testId, overlay, extraPositions = [],
}: GeoMapProps) {
  const [box, measured] = useWidth<HTMLDivElement>();
  const W = measured || 800;
  const H = height;
  const baseLayer = base && base.features.length ? base : DEMO_BASE;
  const view = useMemo(() => {
    const coords = [
      ...(frameBase ? baseLayer.features.flatMap((f) => positionsOf(f.geometry)) : []),
      ...features.flatMap((f) => positionsOf(f.geometry)),
      ...extraPositions,
    ];
    return fitView(coords, W, H);
  }, [baseLayer, features, frameBase, W, H, extraPositions]);
  const tiles = useMemo(() => (tileUrl ? tilesFor(tileUrl, view, W, H) : []), [tileUrl, view, W, H]);
  const barKm = niceKm(view.kmPerPx * 120);
  const barPx = barKm / view.kmPerPx;
  // Areas first, then lines, then points, the highlighted one last: small things stay clickable on top.
  const rank = (f: Feature) => (f.geometry.type.includes("Polygon") ? 0 : f.geometry.type.includes("Line") ? 1 : 2) + (f.id === highlightedId ? 3 : 0);
  const ordered = [...features].sort((a, b) => rank(a) - rank(b));

  return (
    <div ref={box} style={{ width: "100%" }} data-testid={testId} data-features={features.length}>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" height={H} style={{ display: "block", background: "#f6f9fb", borderRadius: 8 }} role="img">
        {tiles.map((t) => (
          <image key={t.href} href={t.href} x={t.x} y={t.y} width={t.size} height={t.size} preserveAspectRatio="none" />
        ))}
        {baseLayer.features.map((f) => {
          const canal = f.properties.kind === "canal";
          const lines = linesOf(f.geometry);
          const rings = ringsOf(f.geometry);
          const labelAt = lines[0]?.[Math.floor(lines[0].length / 3)] ?? rings[0]?.[0];
          const [lx, ly] = labelAt ? view.project(labelAt[0], labelAt[1]) : [0, 0];
          return (
            <g key={String(f.id)}>
              {rings.map((r, i) => <path key={`r${i}`} d={pathOf(view, r, true)} fill="#cfe5f5" stroke="#7fb8e6" strokeWidth={1.5} />)}
              {lines.map((l, i) => (
                <g key={`l${i}`}>
                  <path d={pathOf(view, l)} fill="none" stroke={canal ? "#5b9bd5" : "#7fb8e6"} strokeWidth={canal ? 7 : 4} strokeLinecap="round" strokeLinejoin="round" opacity={0.85} />
                  {canal && <path d={pathOf(view, l)} fill="none" stroke="#e8f2fb" strokeWidth={2} strokeDasharray="10 8" />}
                </g>
              ))}
              {labelAt && (
                <text x={lx} y={ly - 10} fontSize={13} fill="#2b6ca3" textAnchor="middle" fontStyle="italic" style={{ paintOrder: "stroke" }} stroke="#f6f9fb" strokeWidth={3}>
                  {String(f.properties.name ?? "")}
                </text>
              )}
            </g>
          );
        })}
        {ordered.map((f) => {
          const s = style(f);
          const hot = f.id === highlightedId;
          const events = {
            style: { cursor: onSelect ? "pointer" : undefined },
            onMouseEnter: () => onHover?.(f.id),
            onMouseLeave: () => onHover?.(null),
            onClick: () => onSelect?.(f.id),
            "data-testid": `map-feature-${f.id}`,
          };
          let shape: ReactNode;
          if (f.geometry.type === "Point") {
            const [x, y] = view.project(f.geometry.coordinates[0], f.geometry.coordinates[1]);
            shape = (
              <g {...events}>
                <Symbol kind={s.symbol} x={x} y={y} r={hot ? 10 : 7} fill={s.colour} stroke={hot ? "#0e7490" : "#ffffff"} />
                {s.label && <text x={x + 11} y={y + 4} fontSize={11} fill="#262626" stroke="#f6f9fb" strokeWidth={3} style={{ paintOrder: "stroke" }}>{s.label}</text>}
              </g>
            );
          } else {
            const lines = linesOf(f.geometry);
            const rings = ringsOf(f.geometry);
            const mid = lines[0]?.[Math.floor(lines[0].length / 2)] ?? rings[0]?.[0];
            const [mx, my] = mid ? view.project(mid[0], mid[1]) : [0, 0];
            shape = (
              <g {...events}>
                {rings.map((r, i) => <path key={`r${i}`} d={pathOf(view, r, true)} fill={s.colour} fillOpacity={hot ? 0.55 : 0.35} stroke={s.colour} strokeWidth={hot ? 3 : 2} />)}
                {lines.map((l, i) => <path key={`l${i}`} d={pathOf(view, l)} fill="none" stroke={s.colour} strokeWidth={hot ? 9 : 6} strokeLinecap="round" strokeLinejoin="round" opacity={0.9} />)}
                {s.label && mid && <text x={mx} y={my + 18} fontSize={11} textAnchor="middle" fill="#262626" stroke="#f6f9fb" strokeWidth={3} style={{ paintOrder: "stroke" }}>{s.label}</text>}
              </g>
            );
          }
          return s.tooltip ? <Tooltip key={f.id} title={s.tooltip}>{shape}</Tooltip> : <g key={f.id}>{shape}</g>;
        })}
        {overlay?.(view)}
        <g transform={`translate(${W - 40}, 30)`}>
          <polygon points="0,-16 7,6 0,1 -7,6" fill="#434343" />
          <text y={22} fontSize={12} textAnchor="middle" fill="#434343">{north}</text>
        </g>
        <g transform={`translate(20, ${H - 20})`}>
          <path d={`M0,-6 V0 H${barPx} V-6`} fill="none" stroke="#434343" strokeWidth={1.5} />
          <text x={barPx / 2} y={-9} fontSize={11} textAnchor="middle" fill="#434343">{formatKm(barKm)}</text>
        </g>
        {caption && <text x={W - 12} y={H - 12} fontSize={12} textAnchor="end" fill="#8c8c8c">{caption}</text>}
      </svg>
    </div>
  );
}
