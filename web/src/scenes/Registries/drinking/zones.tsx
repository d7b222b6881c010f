/**
 * @module How the drinking-water pages draw a source: its three protection zones (准保护区 lightest outside, 一级
 * darkest inside), its intakes and the problems found, on the offline map, with a legend.
 */
import { Space } from "antd";
import type { Feature, Geometry } from "../../../../../domain/registries/geo";
import { PROBLEM_LIFECYCLE, ZONE_LABELS, ZONES, type Zone } from "../../../../../domain/registries/drinkingSource";
import type { ProblemRecord, SourceRecord } from "../../../api/enterprises";
import type { FeatureStyle } from "../../../components/map/GeoMap";
import type { Translate } from "../../../i18n";

/** Fill of each zone. */
export const ZONE_COLOURS: Record<Zone, string> = { zone1: "#0958d9", zone2: "#4096ff", zone3: "#91caff" };
/** Colour of intakes and of open / closed problems. */
export const INTAKE_COLOUR = "#13a8a8";
export const PROBLEM_COLOURS = { open: "#fa541c", closed: "#8c8c8c" };

/** Features of a source: zones outermost first (drawn first), intakes, problems with a position. */
export function sourceFeatures(s: SourceRecord, problems: ProblemRecord[] = []): Feature[] {
  const zones = [...ZONES].reverse().filter((z) => s[z]).map((z): Feature => ({ type: "Feature", id: `${s.id}:${z}`, geometry: s[z] as Geometry, properties: { kind: "zone", zone: z } }));
  const intakes = s.intakes.filter((i) => i.lon !== null && i.lat !== null).map((i): Feature => ({ type: "Feature", id: `intake:${i.pointId}`, geometry: { type: "Point", coordinates: [i.lon!, i.lat!] }, properties: { kind: "intake", code: i.code, name: i.name } }));
  const found = problems.filter((p) => p.lon !== null && p.lat !== null).map((p): Feature => ({ type: "Feature", id: `problem:${p.id}`, geometry: { type: "Point", coordinates: [p.lon!, p.lat!] }, properties: { kind: "problem", code: p.code, name: p.description, status: p.status } }));
  return [...zones, ...intakes, ...found];
}

/** The style of those features. */
export function sourceStyle(t: Translate) {
  return (f: Feature): FeatureStyle => {
    const p = f.properties as { kind: string; zone?: Zone; code?: string; name?: string; status?: ProblemRecord["status"] };
    if (p.kind === "zone") return { colour: ZONE_COLOURS[p.zone!], tooltip: ZONE_LABELS[p.zone!][t.lang] };
    if (p.kind === "intake") return { colour: INTAKE_COLOUR, symbol: "triangle", label: p.code, tooltip: p.name };
    return { colour: p.status === "closed" ? PROBLEM_COLOURS.closed : PROBLEM_COLOURS.open, symbol: "diamond", tooltip: `${p.code} · ${p.name} · ${PROBLEM_LIFECYCLE.labels[p.status!][t.lang]}` };
  };
}

/** The legend. */
export function SourceLegend({ t }: { t: Translate }) {
  const swatch = (colour: string, round = false) => <span style={{ display: "inline-block", width: 12, height: 12, background: colour, opacity: 0.8, borderRadius: round ? 6 : 2, verticalAlign: "middle", marginRight: 4 }} />;
  return (
    <Space size={12} wrap style={{ marginTop: 8, fontSize: 12 }} data-testid="zone-legend">
      {ZONES.map((z) => <span key={z}>{swatch(ZONE_COLOURS[z])}{ZONE_LABELS[z][t.lang]}</span>)}
      <span>{swatch(INTAKE_COLOUR, true)}{t("drinking.intake")}</span>
      <span>{swatch(PROBLEM_COLOURS.open, true)}{t("drinking.problem.open")}</span>
    </Space>
  );
}
