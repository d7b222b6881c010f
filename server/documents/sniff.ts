/**
 * @module What a file is, from its bytes rather than its name or the client's word: the attachment types a
 * submission may carry (PDF, PNG, JPEG, Word .docx, Excel .xlsx). Office files are ZIP archives told apart by their
 * main part (ECMA-376 Part 2 package: word/document.xml, xl/workbook.xml).
 */
import { zipEntries } from "./zip";

/** The accepted types. */
export type SniffedType = "pdf" | "png" | "jpeg" | "docx" | "xlsx";

/** MIME type of each accepted type. */
export const CONTENT_TYPES: Readonly<Record<SniffedType, string>> = {
  pdf: "application/pdf",
  png: "image/png",
  jpeg: "image/jpeg",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * The type of `bytes`, or null when it is none of the accepted ones.
 * @example sniffType(Buffer.from("%PDF-1.7\n…")) // "pdf"
 */
export function sniffType(bytes: Buffer): SniffedType | null {
  if (bytes.subarray(0, 5).toString("latin1") === "%PDF-") return "pdf";
  if (bytes.subarray(0, 8).equals(PNG)) return "png";
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  if (bytes.length > 4 && bytes.readUInt32LE(0) === 0x04034b50) {
    const names = new Set((zipEntries(bytes) ?? []).map((e) => e.name));
    if (!names.has("[Content_Types].xml")) return null;
    if (names.has("word/document.xml")) return "docx";
    if (names.has("xl/workbook.xml")) return "xlsx";
  }
  return null;
}
