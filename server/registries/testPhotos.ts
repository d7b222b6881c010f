/**
 * @module Test photos: a tiny baseline JPEG and a builder that gives any JPEG an EXIF APP1 segment with a GPS
 * position and DateTimeOriginal — written by hand after the EXIF 2.3 / TIFF 6.0 layout (little-endian TIFF header,
 * IFD0 pointing to the Exif and GPS IFDs; GPS latitude/longitude as three RATIONALs of degrees, minutes, seconds
 * with N/S and E/W refs), so the tests know exactly what a camera would have written. For tests only.
 */

/** A 1×1 baseline JPEG. */
export const JPEG_1X1 = Buffer.from(
  "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=",
  "base64",
);

/** Where and when the photo claims to be taken. */
export interface ExifFacts {
  /** Degrees, negative south. */
  lat: number;
  /** Degrees, negative west. */
  lon: number;
  /** "YYYY:MM:DD HH:MM:SS". */
  dateTimeOriginal?: string;
}

/** Degrees as [deg, min, sec×1000 / 1000] rationals. */
function dms(v: number): [number, number][] {
  const a = Math.abs(v);
  const d = Math.floor(a);
  const m = Math.floor((a - d) * 60);
  const s = Math.round(((a - d) * 60 - m) * 60 * 1000);
  return [[d, 1], [m, 1], [s, 1000]];
}

/** `jpeg` with an EXIF APP1 segment inserted right after SOI. */
export function withExif(jpeg: Buffer, f: ExifFacts): Buffer {
  // Layout (offsets from the TIFF header): header 8 | IFD0 (2 entries) 30 | Exif IFD (1 entry) 18 |
  // GPS IFD (4 entries) 54 | DateTimeOriginal 20 | lat 24 | lon 24.
  const ifd0 = 8;
  const exifIfd = ifd0 + 2 + 2 * 12 + 4;
  const gpsIfd = exifIfd + 2 + 1 * 12 + 4;
  const dateAt = gpsIfd + 2 + 4 * 12 + 4;
  const latAt = dateAt + 20;
  const lonAt = latAt + 24;
  const tiff = Buffer.alloc(lonAt + 24);
  tiff.write("II", 0, "latin1");
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(ifd0, 4);
  const entry = (at: number, tag: number, type: number, count: number, value: number | Buffer) => {
    tiff.writeUInt16LE(tag, at);
    tiff.writeUInt16LE(type, at + 2);
    tiff.writeUInt32LE(count, at + 4);
    if (typeof value === "number") tiff.writeUInt32LE(value, at + 8);
    else value.copy(tiff, at + 8, 0, 4);
  };
  tiff.writeUInt16LE(2, ifd0);
  entry(ifd0 + 2, 0x8769, 4, 1, exifIfd);
  entry(ifd0 + 14, 0x8825, 4, 1, gpsIfd);
  tiff.writeUInt32LE(0, ifd0 + 26);
  tiff.writeUInt16LE(1, exifIfd);
  entry(exifIfd + 2, 0x9003, 2, 20, dateAt);
  tiff.writeUInt32LE(0, exifIfd + 14);
  tiff.writeUInt16LE(4, gpsIfd);
  entry(gpsIfd + 2, 0x0001, 2, 2, Buffer.from(f.lat < 0 ? "S\0\0\0" : "N\0\0\0", "latin1"));
  entry(gpsIfd + 14, 0x0002, 5, 3, latAt);
  entry(gpsIfd + 26, 0x0003, 2, 2, Buffer.from(f.lon < 0 ? "W\0\0\0" : "E\0\0\0", "latin1"));
  entry(gpsIfd + 38, 0x0004, 5, 3, lonAt);
  tiff.writeUInt32LE(0, gpsIfd + 50);
  tiff.write(`${(f.dateTimeOriginal ?? "2022:06:01 09:30:00").slice(0, 19)}\0`, dateAt, "latin1");
  const rationals = (at: number, v: number) => dms(v).forEach(([n, d], i) => { tiff.writeUInt32LE(n, at + i * 8); tiff.writeUInt32LE(d, at + i * 8 + 4); });
  rationals(latAt, f.lat);
  rationals(lonAt, f.lon);
  const payload = Buffer.concat([Buffer.from("Exif\0\0", "latin1"), tiff]);
  const app1 = Buffer.alloc(4);
  app1.writeUInt16BE(0xffe1, 0);
  app1.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), app1, payload, jpeg.subarray(2)]);
}
