/**
 * @module The "一图" of a river plan: the river's course, its outfalls (▲ red), enterprises (■ purple),
 * drinking-water sources (● blue) and monitoring points (◆), the chosen point highlighted; upstream records drawn
 * solid, downstream ones paler.
 */
import { GeoMap } from "../../components/map/GeoMap";
import type { Feature } from "../../../../domain/registries/geo";
import type { PlanView, Placed } from "../../api/emergency";
import { useT } from "../../i18n";

const COLOUR = { outfall: "#cf1322", enterprise: "#722ed1", source: "#1677ff", point: "#389e0d" } as const;
type Kind = keyof typeof COLOUR;

/** The map. */
export function PlanMap({ view, height = 380 }: { view: PlanView; height?: number }) {
  const t = useT();
  const feature = (kind: Kind, x: Placed): Feature | null =>
    x.lon === null || x.lat === null ? null : { type: "Feature", id: `${kind}:${x.id}`, geometry: { type: "Point", coordinates: [x.lon, x.lat] }, properties: { kind, name: x.name, side: x.side, code: x.code } };
  const features = [
    ...view.outfalls.map((x) => feature("outfall", x)),
    ...view.enterprises.map((x) => feature("enterprise", x)),
    ...view.sources.map((x) => feature("source", x)),
    ...view.points.map((x) => feature("point", x)),
  ].filter((f): f is Feature => f !== null);
  const base = view.river.geometry
    ? { type: "FeatureCollection" as const, features: [{ type: "Feature" as const, id: view.river.id, geometry: view.river.geometry, properties: { name: view.river.name, kind: view.river.kind } }] }
    : null;
  const highlighted = view.reference ? `point:${view.reference.id}` : null;
  return (
    <GeoMap
      features={features}
      base={base}
      highlightedId={highlighted}
      height={height}
      testId="plan-map"
      caption={view.river.demo ? t("alarms.plans.demoMap") : undefined}
      north={t("alarms.plans.north")}
      formatKm={(km) => t("alarms.plans.km", { km })}
      style={(f) => {
        const kind = f.properties.kind as Kind;
        const downstream = f.properties.side === "downstream" && kind !== "source";
        return {
          colour: downstream ? `${COLOUR[kind]}88` : COLOUR[kind],
          symbol: kind === "outfall" ? "triangle" : kind === "enterprise" ? "square" : kind === "point" ? "diamond" : "circle",
          label: String(f.properties.name),
          tooltip: `${t(`alarms.plans.kind.${kind}`)} · ${String(f.properties.name)} · ${t(`alarms.plans.side.${String(f.properties.side) as "upstream"}`)}`,
        };
      }}
    />
  );
}
