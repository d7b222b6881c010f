/**
 * @module A tiny ZIP reader (PKWARE APPNOTE: end of central directory, central directory, local headers; stored
 * and deflated entries) — enough to tell a .docx from an .xlsx by its part names and to read a part back in tests.
 * No ZIP64, no encryption: Office files of the sizes we accept need neither.
 */
import { inflateRawSync } from "node:zlib";

/** One entry of the central directory. */
export interface ZipEntry {
  /** Path inside the archive, e.g. "word/document.xml". */
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * The entries of a ZIP archive, or null when `buf` is not one.
 * @example zipEntries(docxBytes)?.some((e) => e.name === "word/document.xml") // true
 */
export function zipEntries(buf: Buffer): ZipEntry[] | null {
  if (buf.length < 22) return null;
  // The end record sits in the last 22 bytes plus a comment of at most 65535 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) return null;
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    out.push({
      name: buf.toString("utf8", p + 46, p + 46 + nameLen),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      localHeaderOffset: buf.readUInt32LE(p + 42),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/**
 * The bytes of one entry, or null when absent or unreadable.
 * @example readZipEntry(docxBytes, "word/document.xml")?.toString("utf8")
 */
export function readZipEntry(buf: Buffer, name: string): Buffer | null {
  const entry = zipEntries(buf)?.find((e) => e.name === name);
  if (!entry) return null;
  const p = entry.localHeaderOffset;
  if (buf.readUInt32LE(p) !== LOCAL) return null;
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const data = buf.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return Buffer.from(data);
  if (entry.method === 8) return inflateRawSync(data);
  return null;
}
