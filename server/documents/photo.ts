/**
 * @module Where and when a photo was taken, from its EXIF (JPEG APP1; read with exifr): GPS latitude/longitude
 * (GPSLatitude/GPSLongitude with their N/S, E/W refs, WGS-84 as cameras and phones write them) and
 * DateTimeOriginal. Shown to staff beside the photo so a site photo can be checked against the place reported.
 * Photos without EXIF, or PNGs, simply have no location. Nothing here trusts the file name or the client.
 */
import exifr from "exifr";

/** What a photo says about itself. */
export interface PhotoMeta {
  /** Longitude, degrees east (negative west), or null. */
  lon: number | null;
  /** Latitude, degrees north (negative south), or null. */
  lat: number | null;
  /**
   * When it was taken: DateTimeOriginal, a wall-clock time without zone, read as Beijing time (UTC+8) — the
   * cameras in the field are set to it. Null when absent.
   */
  takenAt: Date | null;
}

const NONE: PhotoMeta = { lon: null, lat: null, takenAt: null };

const valid = (lon: unknown, lat: unknown): lon is number =>
  typeof lon === "number" && typeof lat === "number" && Number.isFinite(lon) && Number.isFinite(lat) &&
  Math.abs(lon) <= 180 && Math.abs(lat) <= 90 && !(lon === 0 && lat === 0);

/** EXIF "YYYY:MM:DD HH:MM:SS" as Beijing time. */
function beijing(text: unknown): Date | null {
  if (typeof text !== "string") return null;
  const m = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(text);
  if (!m) return null;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}+08:00`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * Reads a JPEG's EXIF location and time; anything unreadable gives nulls, never an error (the photo is still
 * stored).
 * @example await readPhotoMeta(jpegWithGps) // { lon: 113.1712, lat: 35.1961, takenAt: 2022-06-01T01:30:00.000Z }
 */
export async function readPhotoMeta(bytes: Buffer): Promise<PhotoMeta> {
  try {
    // reviveValues off: DateTimeOriginal stays the text it is, so its zone is decided here, not by the host's.
    const tags = await exifr.parse(bytes, { gps: true, exif: true, tiff: true, reviveValues: false, pick: ["GPSLatitude", "GPSLatitudeRef", "GPSLongitude", "GPSLongitudeRef", "DateTimeOriginal", "latitude", "longitude"] });
    if (!tags) return NONE;
    const gps = await exifr.gps(bytes).catch(() => undefined);
    const lon = gps?.longitude;
    const lat = gps?.latitude;
    const ok = valid(lon, lat) && typeof lat === "number";
    return {
      lon: ok ? Math.round(lon * 1e7) / 1e7 : null,
      lat: ok ? Math.round(lat * 1e7) / 1e7 : null,
      takenAt: beijing(tags.DateTimeOriginal),
    };
  } catch {
    return NONE;
  }
}
