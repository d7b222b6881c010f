/**
 * @module Picking where a problem is, offline: the district's waters drawn in Web Mercator (the same demo rivers as
 * the monitoring map); a tap sets the point (inverse Mercator), "use my location" asks the browser. No tiles, no
 * third-party map service.
 */
import { useMemo, useRef } from "react";
import { Button } from "antd";
import { AimOutlined } from "@ant-design/icons";
import { DEMO_RIVERS } from "../../components/map/demoRivers";
import { useT } from "../../i18n";

const W = 360;
const H = 240;
const PAD = 16;
const merc = (lon: number, lat: number): [number, number] => {
  const s = Math.sin((lat * Math.PI) / 180);
  return [(lon + 180) / 360, 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)];
};
const unmerc = (x: number, y: number): [number, number] => [x * 360 - 180, (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI];

/** Props: the chosen point and what to call when it changes. */
export function LocationPicker({ value, onChange }: { value: { lat: number; lon: number } | null; onChange: (v: { lat: number; lon: number }) => void }) {
  const t = useT();
  const svg = useRef<SVGSVGElement>(null);
  const view = useMemo(() => {
    const xy = DEMO_RIVERS.features.flatMap((f) => f.geometry.coordinates).map(([lon, lat]) => merc(lon, lat));
    const xs = xy.map((c) => c[0]), ys = xy.map((c) => c[1]);
    // A little margin around the waters, so points beside them can be picked too.
    const minX = Math.min(...xs), maxX = Math.max(...xs), minY = Math.min(...ys), maxY = Math.max(...ys);
    const mx = (maxX - minX) * 0.15, my = (maxY - minY) * 0.15;
    const box = { minX: minX - mx, maxX: maxX + mx, minY: minY - my, maxY: maxY + my };
    const scale = Math.min((W - 2 * PAD) / (box.maxX - box.minX), (H - 2 * PAD) / (box.maxY - box.minY));
    const ox = (W - (box.maxX - box.minX) * scale) / 2 - box.minX * scale;
    const oy = (H - (box.maxY - box.minY) * scale) / 2 - box.minY * scale;
    return { scale, ox, oy, project: (lon: number, lat: number) => { const [x, y] = merc(lon, lat); return [ox + x * scale, oy + y * scale] as const; } };
  }, []);
  const pick = (e: React.MouseEvent<SVGSVGElement>) => {
    const r = svg.current!.getBoundingClientRect();
    const px = ((e.clientX - r.left) / r.width) * W, py = ((e.clientY - r.top) / r.height) * H;
    const [lon, lat] = unmerc((px - view.ox) / view.scale, (py - view.oy) / view.scale);
    onChange({ lat: Math.round(lat * 1e5) / 1e5, lon: Math.round(lon * 1e5) / 1e5 });
  };
  const mine = () => navigator.geolocation?.getCurrentPosition((p) => onChange({ lat: Math.round(p.coords.latitude * 1e5) / 1e5, lon: Math.round(p.coords.longitude * 1e5) / 1e5 }));
  const dot = value ? view.project(value.lon, value.lat) : null;
  return (
    <div>
      <svg ref={svg} viewBox={`0 0 ${W} ${H}`} width="100%" onClick={pick} data-testid="report-map" role="img" aria-label={t("public.mapPick")}
        style={{ display: "block", background: "#eef5f8", borderRadius: 8, cursor: "crosshair", touchAction: "manipulation" }}>
        {DEMO_RIVERS.features.map((f) => {
          const pts = f.geometry.coordinates.map(([lon, lat]) => view.project(lon, lat));
          const mid = pts[Math.floor(pts.length / 2)];
          return (
            <g key={f.properties.name}>
              <path d={pts.map(([x, y], i) => `${i ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`).join(" ")} fill="none" stroke="#60a5fa" strokeWidth={3} strokeLinecap="round" />
              <text x={mid[0]} y={mid[1] - 6} fontSize={11} fill="#1e3a8a">{f.properties.name}</text>
            </g>
          );
        })}
        {dot && <g><circle cx={dot[0]} cy={dot[1]} r={9} fill="#dc2626" fillOpacity={0.25} /><circle cx={dot[0]} cy={dot[1]} r={4} fill="#dc2626" /></g>}
        <text x={8} y={H - 8} fontSize={10} fill="#6b7280">{t("public.demoMap")}</text>
      </svg>
      <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center", marginTop: 4, fontSize: 12, color: "#6b7280" }}>
        <span data-testid="report-point">{value ? `${value.lat.toFixed(5)}, ${value.lon.toFixed(5)}` : t("public.tapMap")}</span>
        <Button size="small" icon={<AimOutlined />} onClick={mine}>{t("public.myLocation")}</Button>
      </div>
    </div>
  );
}
