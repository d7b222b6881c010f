/**
 * @module Web Mercator framing for the offline SVG maps: project lon/lat into a box of the given pixel size so
 * every position fits with padding, the XYZ tiles that lie under it (an optional tile URL template), and a "nice"
 * scale-bar length. Pure functions, shared by the registry maps (GeoMap.tsx).
 */

/** Web Mercator: lon/lat → the unit square (x right, y down). */
export function mercator(lon: number, lat: number): [number, number] {
  const s = Math.sin((lat * Math.PI) / 180);
  return [(lon + 180) / 360, 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)];
}

/** A view: projection and what the scale bar and tiles need. */
export interface View {
  project(lon: number, lat: number): [number, number];
  /** Pixels per unit of the Mercator square. */
  scale: number;
  ox: number;
  oy: number;
  kmPerPx: number;
}

/** Frames `coords` (lon/lat) in a W×H box with `pad` pixels around. */
export function fitView(coords: readonly [number, number][], W: number, H: number, pad = 36): View {
  const xy = (coords.length ? coords : [[113.19, 35.22] as [number, number]]).map(([lon, lat]) => mercator(lon, lat));
  const xs = xy.map((c) => c[0]);
  const ys = xy.map((c) => c[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  // A single point (or a tiny spread) is shown at about 1:25 000 rather than infinitely zoomed in.
  const spanX = Math.max(maxX - minX, 2e-5);
  const spanY = Math.max(maxY - minY, 2e-5);
  const scale = Math.min((W - 2 * pad) / spanX, (H - 2 * pad) / spanY);
  const ox = (W - (maxX - minX) * scale) / 2 - minX * scale;
  const oy = (H - (maxY - minY) * scale) / 2 - minY * scale;
  const midLat = coords.length ? coords.reduce((s, c) => s + c[1], 0) / coords.length : 35;
  const metresPerUnit = 40_075_016.686 * Math.cos((midLat * Math.PI) / 180);
  return {
    project: (lon, lat) => {
      const [x, y] = mercator(lon, lat);
      return [ox + x * scale, oy + y * scale];
    },
    scale,
    ox,
    oy,
    kmPerPx: metresPerUnit / scale / 1000,
  };
}

/** The tiles of template `url` ({z}/{x}/{y}) under a view. */
export function tilesFor(url: string, v: View, W: number, H: number) {
  const z = Math.max(0, Math.min(19, Math.round(Math.log2(v.scale / 256))));
  const n = 2 ** z;
  const size = v.scale / n;
  const out: { href: string; x: number; y: number; size: number }[] = [];
  for (let x = Math.max(0, Math.floor(-v.ox / size)); x <= Math.min(n - 1, Math.floor((W - v.ox) / size)); x++)
    for (let y = Math.max(0, Math.floor(-v.oy / size)); y <= Math.min(n - 1, Math.floor((H - v.oy) / size)); y++)
      out.push({ href: url.replace("{z}", String(z)).replace("{x}", String(x)).replace("{y}", String(y)), x: v.ox + x * size, y: v.oy + y * size, size });
  return out;
}

/** A "nice" scale-bar length in km (1, 2 or 5 × 10ⁿ) near `km`. */
export function niceKm(km: number): number {
  const p = 10 ** Math.floor(Math.log10(km));
  const m = km / p;
  return (m >= 5 ? 5 : m >= 2 ? 2 : 1) * p;
}

/** localStorage key of the optional XYZ tile template (shared with the monitoring map). */
export const TILE_SETTING = "qingliu.mapTiles";

/** The tile template set in this browser, or null (maps then draw offline only). */
export function readTileUrl(): string | null {
  try {
    return localStorage.getItem(TILE_SETTING);
  } catch {
    return null;
  }
}
