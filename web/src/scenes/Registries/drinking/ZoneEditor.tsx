/**
 * @module Drawing a source's protection zones on the offline map: pick a zone, click its corners on the map (the
 * zones already drawn and the intakes stay visible), undo a corner or clear the zone, and save — the server checks
 * the polygon and that 一级 lies in 二级 lies in 准保护区, and a refusal is shown under the map.
 */
import { useMemo, useState } from "react";
import { Alert, App, Button, Modal, Segmented, Space, Typography } from "antd";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ZONE_LABELS, ZONES, type Zone } from "../../../../../domain/registries/drinkingSource";
import type { Geometry, Position } from "../../../../../domain/registries/geo";
import { updateRecord } from "../../../api/registries";
import { ApiError } from "../../../api/client";
import type { SourceRecord } from "../../../api/enterprises";
import { GeoMap } from "../../../components/map/GeoMap";
import { readTileUrl, type View } from "../../../components/map/projection";
import { buttonTestId } from "../../../components/testId";
import { errorMessage } from "../../../i18n/errors";
import { useT } from "../../../i18n";
import { sourceFeatures, sourceStyle, ZONE_COLOURS } from "./zones";

/** Screen position in the map's SVG → lon/lat (inverse of the view's Web Mercator projection). */
export function unproject(v: View, x: number, y: number): Position {
  const mx = (x - v.ox) / v.scale;
  const my = (y - v.oy) / v.scale;
  const lon = mx * 360 - 180;
  const lat = (Math.asin(Math.tanh(2 * Math.PI * (0.5 - my))) * 180) / Math.PI;
  return [Math.round(lon * 1e5) / 1e5, Math.round(lat * 1e5) / 1e5];
}

/** The dialog. */
export function ZoneEditor({ source, open, onClose }: { source: SourceRecord; open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [zone, setZone] = useState<Zone>(ZONES.find((z) => !source[z]) ?? "zone1");
  const [corners, setCorners] = useState<Position[]>([]);
  const [changed, setChanged] = useState<Partial<Record<Zone, Geometry | null>>>({});
  const [error, setError] = useState<string | null>(null);
  const current = (z: Zone) => (z in changed ? changed[z] ?? null : source[z]);
  // The map stays framed on what was there when the dialog opened, so clicks do not move it.
  const features = useMemo(() => sourceFeatures(source), [source]);
  const shown = features.filter((f) => !(f.properties.kind === "zone" && String(f.properties.zone) in changed));
  const extra = useMemo(() => features.length ? [] : [[113.12, 35.18], [113.26, 35.27]] as Position[], [features]);
  const save = useMutation({
    mutationFn: () => updateRecord("drinking-sources", source.id, changed),
    onSuccess: () => {
      message.success(t("common.saved"));
      void qc.invalidateQueries({ queryKey: ["registries", "drinking-sources"] });
      setChanged({});
      onClose();
    },
    onError: (e) => {
      const issues = e instanceof ApiError ? (e.data as { issues?: { path: string; message: string }[] } | undefined)?.issues ?? [] : [];
      setError([errorMessage(e, t), ...issues.map((i) => i.message)].join("："));
    },
  });
  const finish = () => {
    setChanged({ ...changed, [zone]: { type: "Polygon", coordinates: [[...corners, corners[0]]] } });
    setCorners([]);
    setError(null);
  };
  return (
    <Modal open={open} title={t("drinking.zones.draw")} width={900} onCancel={onClose} onOk={() => save.mutate()} okText={t("common.save")}
      okButtonProps={{ ...buttonTestId("zones-save"), disabled: Object.keys(changed).length === 0 || corners.length > 0, loading: save.isPending }} destroyOnHidden>
      <Space wrap style={{ marginBottom: 8 }}>
        <Segmented value={zone} onChange={(z) => { setZone(z as Zone); setCorners([]); }} options={ZONES.map((z) => ({ value: z, label: <span data-testid={`zone-pick-${z}`}>{ZONE_LABELS[z][t.lang]}{current(z) ? " ✓" : ""}</span> }))} />
        <Button onClick={() => setCorners(corners.slice(0, -1))} disabled={!corners.length}>{t("drinking.zones.undo")}</Button>
        <Button onClick={finish} type="primary" disabled={corners.length < 3} data-testid="zone-finish">{t("drinking.zones.finish", { n: corners.length })}</Button>
        <Button danger onClick={() => { setChanged({ ...changed, [zone]: null }); setCorners([]); }} disabled={!current(zone)} data-testid="zone-clear">{t("drinking.zones.clear")}</Button>
      </Space>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>{t("drinking.zones.help")}</Typography.Paragraph>
      <GeoMap
        features={shown}
        style={sourceStyle(t)}
        frameBase={features.length === 0}
        extraPositions={extra}
        tileUrl={readTileUrl()}
        caption={t("registries.map.caption")}
        north={t("monitoring.map.north")}
        formatKm={(km) => t("monitoring.map.km", { km })}
        height={480}
        testId="zone-editor-map"
        overlay={(view) => (
          <g>
            {ZONES.filter((z) => changed[z]).map((z) => (
              <path key={z} d={ringPath(view, (changed[z] as { coordinates: Position[][] }).coordinates[0])} fill={ZONE_COLOURS[z]} fillOpacity={0.35} stroke={ZONE_COLOURS[z]} strokeWidth={2} strokeDasharray="6 4" />
            ))}
            <rect x={0} y={0} width="100%" height="100%" fill="transparent" style={{ cursor: "crosshair" }} data-testid="zone-canvas"
              onClick={(e) => {
                const svg = e.currentTarget.ownerSVGElement!;
                const pt = svg.createSVGPoint();
                pt.x = e.clientX;
                pt.y = e.clientY;
                const p = pt.matrixTransform(svg.getScreenCTM()!.inverse());
                setCorners([...corners, unproject(view, p.x, p.y)]);
              }} />
            {corners.length > 1 && <path d={ringPath(view, corners, false)} fill="none" stroke={ZONE_COLOURS[zone]} strokeWidth={2.5} pointerEvents="none" />}
            {corners.map(([lon, lat], i) => {
              const [x, y] = view.project(lon, lat);
              return <circle key={i} cx={x} cy={y} r={5} fill="#fff" stroke={ZONE_COLOURS[zone]} strokeWidth={2} pointerEvents="none" />;
            })}
          </g>
        )}
      />
      {error && <Alert type="error" showIcon style={{ marginTop: 8 }} message={error} data-testid="zones-error" />}
    </Modal>
  );
}

function ringPath(v: View, ring: readonly Position[], close = true) {
  return ring.map(([lon, lat], i) => {
    const [x, y] = v.project(lon, lat);
    return `${i ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`;
  }).join(" ") + (close ? " Z" : "");
}
