/**
 * @module The waters of the demo district: 大沙河, 白马门河, 新河 and the 南水北调总干渠中站段 near Zhongzhan, Jiaozuo,
 * as GeoJSON polylines (WGS-84 lon/lat). DEMO DATA (演示数据): hand-drawn, approximate courses laid out around the
 * demo monitoring points (server/seed/demoMonitoring.ts) — not surveyed geometry. One copy for both sides: the
 * server seeds the `rivers` register from DEMO_RIVER_RECORDS, the web's offline maps draw DEMO_RIVERS.
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

/** A demo river as the register holds it. */
export interface DemoRiverRecord {
  /** Name in the register (unique), e.g. 南水北调总干渠中站段. */
  name: string;
  /** Water-body name as the demo monitoring points spell it, e.g. 南水北调总干渠. */
  waterBody: string;
  kind: "river" | "canal";
  /** Basin / system. */
  basin: string;
  /** Course, lon/lat. */
  coordinates: [number, number][];
}

/** The demo district's rivers (演示数据). */
export const DEMO_RIVER_RECORDS: readonly DemoRiverRecord[] = [
  {
    name: "大沙河", waterBody: "大沙河", kind: "river", basin: "海河流域卫河水系",
    coordinates: [
      [113.128, 35.205], [113.140, 35.2035], [113.153, 35.2005], [113.163, 35.1985], [113.171, 35.196],
      [113.176, 35.1935], [113.186, 35.1915], [113.199, 35.1905], [113.212, 35.1895], [113.225, 35.1885],
      [113.236, 35.187], [113.248, 35.1845], [113.258, 35.1825],
    ],
  },
  {
    name: "白马门河", waterBody: "白马门河", kind: "river", basin: "海河流域卫河水系",
    coordinates: [
      [113.134, 35.245], [113.137, 35.236], [113.141, 35.2265], [113.1445, 35.2205], [113.149, 35.2145],
      [113.151, 35.2085], [113.153, 35.2005],
    ],
  },
  {
    name: "新河", waterBody: "新河", kind: "river", basin: "海河流域卫河水系",
    coordinates: [
      [113.176, 35.247], [113.186, 35.2415], [113.196, 35.2365], [113.205, 35.232], [113.216, 35.2255],
      [113.226, 35.2165], [113.233, 35.2045], [113.2365, 35.1945], [113.239, 35.1865],
    ],
  },
  {
    name: "南水北调总干渠中站段", waterBody: "南水北调总干渠", kind: "canal", basin: "南水北调中线",
    coordinates: [
      [113.128, 35.2405], [113.146, 35.2445], [113.166, 35.2485], [113.187, 35.2515], [113.208, 35.2555],
      [113.228, 35.2600], [113.250, 35.2645],
    ],
  },
];

/** The demo district's rivers as a FeatureCollection (演示数据), named as the monitoring points name them. */
export const DEMO_RIVERS: RiverCollection = {
  type: "FeatureCollection",
  demo: true,
  features: DEMO_RIVER_RECORDS.map((r) => ({
    type: "Feature",
    properties: { name: r.waterBody, kind: r.kind },
    geometry: { type: "LineString", coordinates: r.coordinates },
  })),
};
