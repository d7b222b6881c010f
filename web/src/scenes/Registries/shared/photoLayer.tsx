/**
 * @module Where a record's photos were taken, drawn on its GeoMap: each located photo framed and marked with its
 * file name (EXIF GPS, shown to staff only); and the record page's map card — the record's own symbol with the
 * photos around it.
 */
import { Card, Typography } from "antd";
import type { Attachment } from "../../../api/registries";
import type { Position } from "../../../../../domain/registries/geo";
import { GeoMap, type FeatureStyle, type GeoMapProps } from "../../../components/map/GeoMap";
import { readTileUrl } from "../../../components/map/projection";
import { useT } from "../../../i18n";

/** GeoMap props that frame and mark the attachments with a position. */
export function photoLayer(attachments: readonly Attachment[]): Pick<GeoMapProps, "extraPositions" | "overlay"> {
  const located = attachments.flatMap((a) => (a.location ? [{ id: a.id, fileName: a.fileName, ...a.location }] : []));
  return {
    extraPositions: located.map((a) => [a.lon, a.lat]),
    overlay: (v) => located.map((a) => {
      const [x, y] = v.project(a.lon, a.lat);
      return <g key={a.id}><circle cx={x} cy={y} r={5} fill="#fff" stroke="#722ed1" strokeWidth={2} /><text x={x + 8} y={y - 6} fontSize={10} fill="#722ed1">{a.fileName}</text></g>;
    }),
  };
}

/** A record page's map card: the record at its position (the district when it has none) and where its photos were taken. */
export function RecordMapCard({ id, code, at, colour, symbol, demo, attachments }: {
  id: string; code: string; at: Position | null; colour: string; symbol: FeatureStyle["symbol"]; demo: boolean; attachments: readonly Attachment[];
}) {
  const t = useT();
  return (
    <Card size="small" title={t("registries.map")} style={{ marginBottom: 16 }}>
      <GeoMap
        features={at ? [{ type: "Feature", id, geometry: { type: "Point", coordinates: at }, properties: {} }] : []}
        style={() => ({ colour, symbol, label: code })}
        frameBase={!at}
        {...photoLayer(attachments)}
        tileUrl={readTileUrl()}
        caption={demo ? t("registries.map.caption") : undefined}
        north={t("monitoring.map.north")}
        formatKm={(km) => t("monitoring.map.km", { km })}
        height={300}
        testId="record-map"
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t("registries.of.photoPositions")}</Typography.Text>
    </Card>
  );
}
