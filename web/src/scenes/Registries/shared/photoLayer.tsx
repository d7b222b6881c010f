/**
 * @module Where a record's photos were taken, drawn on its GeoMap: each located photo framed and marked with its
 * file name (EXIF GPS, shown to staff only).
 */
import type { Attachment } from "../../../api/registries";
import type { GeoMapProps } from "../../../components/map/GeoMap";

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
