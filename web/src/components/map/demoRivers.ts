/**
 * @module The waters of the demo district as simple GeoJSON polylines (WGS-84 lon/lat): 大沙河, 白马门河, 新河 and
 * the 南水北调总干渠 near Zhongzhan, Jiaozuo. DEMO DATA (演示数据): hand-drawn, approximate courses laid out around
 * the demo monitoring points (server/seed/demoMonitoring.ts) so the offline map has something to stand on — not
 * surveyed geometry. A real deployment replaces this file with its own lines (or sets a tile URL).
 */

/** A GeoJSON LineString feature with the river's name. */
export interface RiverFeature {
  type: "Feature";
  properties: {
    /** Name as point records spell their water body (matches `MonitoringPoint.waterBody`). */
    name: string;
    /** Canal or river: canals are drawn straighter and wider. */
    kind: "river" | "canal";
  };
  geometry: { type: "LineString"; coordinates: [number, number][] };
}

/** A GeoJSON FeatureCollection of rivers. */
export interface RiverCollection {
  type: "FeatureCollection";
  /** Says the lines are demo data; the map prints it. */
  demo: boolean;
  features: RiverFeature[];
}

const river = (name: string, kind: "river" | "canal", coordinates: [number, number][]): RiverFeature => ({
  type: "Feature",
  properties: { name, kind },
  geometry: { type: "LineString", coordinates },
});

/** The demo district's rivers (演示数据). */
export const DEMO_RIVERS: RiverCollection = {
  type: "FeatureCollection",
  demo: true,
  features: [
    river("大沙河", "river", [
      [113.128, 35.205], [113.140, 35.2035], [113.153, 35.2005], [113.163, 35.1985], [113.171, 35.196],
      [113.176, 35.1935], [113.186, 35.1915], [113.199, 35.1905], [113.212, 35.1895], [113.225, 35.1885],
      [113.236, 35.187], [113.248, 35.1845], [113.258, 35.1825],
    ]),
    river("白马门河", "river", [
      [113.134, 35.245], [113.137, 35.236], [113.141, 35.2265], [113.1445, 35.2205], [113.149, 35.2145],
      [113.151, 35.2085], [113.153, 35.2005],
    ]),
    river("新河", "river", [
      [113.176, 35.247], [113.186, 35.2415], [113.196, 35.2365], [113.205, 35.232], [113.216, 35.2255],
      [113.226, 35.2165], [113.233, 35.2045], [113.2365, 35.1945], [113.239, 35.1865],
    ]),
    river("南水北调总干渠", "canal", [
      [113.128, 35.2405], [113.146, 35.2445], [113.166, 35.2485], [113.187, 35.2515], [113.208, 35.2555],
      [113.228, 35.2600], [113.250, 35.2645],
    ]),
  ],
};
