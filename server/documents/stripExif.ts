/**
 * @module Removes metadata from photos before the public sees them: GPS position, camera, times, names, thumbnails.
 * JPEG (ITU-T T.81 markers; Exif 2.32 APP1; XMP APP1; IPTC/Photoshop APP13; MPF APP2; comments COM): keeps only
 * what decoding and colour need — tables, frames, scans, the JFIF header (without its thumbnail), the ICC profile
 * (APP2 ICC_PROFILE) and Adobe's APP14 — and drops everything after EOI (e.g. an appended video). PNG (ISO/IEC
 * 15948): keeps critical and colour chunks only (no tEXt/zTXt/iTXt/eXIf/tIME or private chunks). A photo's
 * Orientation survives as a minimal Exif block holding nothing else, so a phone picture still shows upright.
 * Pixels are never re-encoded.
 */

/** The image is not a well-formed JPEG or PNG. */
export class ImageFormatError extends Error {}

/** The photo types handled. */
export type PhotoType = "jpeg" | "png";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Which type `bytes` are, from their signature. */
export function photoType(bytes: Buffer): PhotoType | null {
  if (bytes.length > 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return "png";
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  return null;
}

/**
 * The photo without its metadata.
 * @example stripExif(readFileSync("IMG_0001.jpg")) // same pixels, no GPS
 */
export function stripExif(bytes: Buffer): { bytes: Buffer; type: PhotoType; orientation: number } {
  const type = photoType(bytes);
  if (type === "jpeg") return { type, ...stripJpeg(bytes) };
  if (type === "png") return { type, ...stripPng(bytes) };
  throw new ImageFormatError("not a JPEG or PNG image");
}

/** A TIFF block (Exif body) holding only IFD0 with one Orientation entry, big-endian. */
function orientationTiff(orientation: number): Buffer {
  const t = Buffer.alloc(26);
  t.write("MM", 0, "latin1");
  t.writeUInt16BE(42, 2);
  t.writeUInt32BE(8, 4);
  t.writeUInt16BE(1, 8); // one entry
  t.writeUInt16BE(0x0112, 10); // Orientation
  t.writeUInt16BE(3, 12); // SHORT
  t.writeUInt32BE(1, 14); // count
  t.writeUInt16BE(orientation, 18); // value, left-justified in the 4-byte field
  t.writeUInt32BE(0, 22); // no next IFD
  return t;
}

/** The Orientation (1–8) in a TIFF block, or 1. */
function tiffOrientation(tiff: Buffer): number {
  if (tiff.length < 8) return 1;
  const order = tiff.toString("latin1", 0, 2);
  if (order !== "II" && order !== "MM") return 1;
  const le = order === "II";
  const u16 = (o: number) => (le ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
  const u32 = (o: number) => (le ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o));
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return 1;
  const n = u16(ifd);
  for (let i = 0; i < n; i++) {
    const e = ifd + 2 + i * 12;
    if (e + 12 > tiff.length) break;
    if (u16(e) === 0x0112 && u16(e + 2) === 3) {
      const v = u16(e + 8);
      return v >= 1 && v <= 8 ? v : 1;
    }
  }
  return 1;
}

const EXIF_ID = Buffer.from("Exif\0\0", "latin1");
const ICC_ID = Buffer.from("ICC_PROFILE\0", "latin1");

function segment(marker: number, body: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head[0] = 0xff;
  head[1] = marker;
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
}

function stripJpeg(src: Buffer): { bytes: Buffer; orientation: number } {
  const out: Buffer[] = [src.subarray(0, 2)];
  const kept: Buffer[] = [];
  let orientation = 1;
  let jfif: Buffer | null = null;
  let i = 2;
  let sawEoi = false;
  while (i < src.length) {
    if (src[i] !== 0xff) throw new ImageFormatError("JPEG: marker expected");
    while (src[i] === 0xff) i++; // fill bytes
    const marker = src[i++];
    if (marker === undefined) throw new ImageFormatError("JPEG: truncated");
    if (marker === 0xd9) { kept.push(Buffer.from([0xff, 0xd9])); sawEoi = true; break; }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) { kept.push(Buffer.from([0xff, marker])); continue; }
    if (i + 2 > src.length) throw new ImageFormatError("JPEG: truncated segment");
    const len = src.readUInt16BE(i);
    if (len < 2 || i + len > src.length) throw new ImageFormatError("JPEG: bad segment length");
    const body = src.subarray(i + 2, i + len);
    i += len;
    if (marker === 0xe0) {
      // JFIF header: kept, but with no thumbnail (X/Ythumbnail = 0); JFXX extensions (thumbnails only) dropped.
      if (body.subarray(0, 5).toString("latin1") === "JFIF\0" && body.length >= 14 && !jfif) {
        jfif = Buffer.from(body.subarray(0, 14));
        jfif[12] = 0;
        jfif[13] = 0;
      }
      continue;
    }
    if (marker === 0xe1) {
      if (body.subarray(0, 6).equals(EXIF_ID)) orientation = tiffOrientation(body.subarray(6));
      continue; // Exif and XMP both go
    }
    if (marker === 0xe2 && body.subarray(0, 12).equals(ICC_ID)) { kept.push(segment(marker, body)); continue; }
    if (marker === 0xee && body.subarray(0, 5).toString("latin1") === "Adobe") { kept.push(segment(marker, body)); continue; }
    if ((marker >= 0xe0 && marker <= 0xef) || marker === 0xfe) continue; // other APPn, COM
    kept.push(segment(marker, body));
    if (marker === 0xda) {
      // Entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or a restart marker.
      let j = i;
      while (j < src.length) {
        if (src[j] === 0xff && j + 1 < src.length && src[j + 1] !== 0x00 && !(src[j + 1] >= 0xd0 && src[j + 1] <= 0xd7) && src[j + 1] !== 0xff) break;
        j++;
      }
      kept.push(src.subarray(i, j));
      i = j;
    }
  }
  if (!sawEoi) throw new ImageFormatError("JPEG: no end of image");
  if (jfif) out.push(segment(0xe0, jfif));
  if (orientation !== 1) out.push(segment(0xe1, Buffer.concat([EXIF_ID, orientationTiff(orientation)])));
  return { bytes: Buffer.concat([...out, ...kept]), orientation };
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 of PNG chunks (ISO 3309 / ITU-T V.42). */
export function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Chunks a PNG keeps: critical ones, colour and physical size, and APNG frames. */
const PNG_KEEP = new Set(["IHDR", "PLTE", "IDAT", "IEND", "tRNS", "cHRM", "gAMA", "iCCP", "sBIT", "sRGB", "cICP", "mDCv", "cLLi", "bKGD", "hIST", "pHYs", "sPLT", "acTL", "fcTL", "fdAT"]);

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, crc]);
}

function stripPng(src: Buffer): { bytes: Buffer; orientation: number } {
  const out: Buffer[] = [PNG_SIGNATURE];
  let i = 8;
  let orientation = 1;
  let sawEnd = false;
  const chunks: { type: string; raw: Buffer }[] = [];
  while (i + 12 <= src.length) {
    const len = src.readUInt32BE(i);
    const type = src.toString("latin1", i + 4, i + 8);
    if (!/^[A-Za-z]{4}$/.test(type) || i + 12 + len > src.length) throw new ImageFormatError("PNG: bad chunk");
    const data = src.subarray(i + 8, i + 8 + len);
    if (crc32(src.subarray(i + 4, i + 8 + len)) !== src.readUInt32BE(i + 8 + len)) throw new ImageFormatError(`PNG: bad CRC in ${type}`);
    if (type === "eXIf") orientation = tiffOrientation(data);
    chunks.push({ type, raw: src.subarray(i, i + 12 + len) });
    i += 12 + len;
    if (type === "IEND") { sawEnd = true; break; }
  }
  if (!sawEnd || chunks[0]?.type !== "IHDR") throw new ImageFormatError("PNG: missing IHDR or IEND");
  for (const c of chunks) {
    // eXIf must come before the first IDAT (PNG 3rd ed.): put the orientation-only block right after IHDR.
    if (PNG_KEEP.has(c.type)) out.push(c.raw);
    if (c.type === "IHDR" && orientation !== 1) out.push(pngChunk("eXIf", orientationTiff(orientation)));
  }
  return { bytes: Buffer.concat(out), orientation };
}
