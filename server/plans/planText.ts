/**
 * @module The text of an uploaded plan document: .docx through mammoth (paragraphs as lines), plain text in
 * UTF-8, UTF-16 (with its byte-order mark) or GB18030/GBK — the encoding Chinese Windows still saves .txt in —
 * told apart from the bytes. Shared by the plan routes and the `qingliu plan` commands.
 */
import { sniffType } from "../documents/sniff";

/** Why a file could not be read as a plan. */
export class PlanFileError extends Error {}

/** Decodes plain text: BOMs first, then strict UTF-8, then GB18030. */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString("utf8");
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: a Chinese .txt from Windows is GBK, which GB18030 contains.
    return new TextDecoder("gb18030").decode(bytes);
  }
}

/**
 * The plan's text from a file's bytes: Word (.docx, recognised from its content) or plain text. PDF and old .doc
 * are refused with a message saying what to do.
 */
export async function planTextOf(bytes: Buffer, fileName: string): Promise<string> {
  const type = sniffType(bytes);
  if (type === "docx") {
    const mammoth = await import("mammoth");
    try {
      return (await mammoth.extractRawText({ buffer: bytes })).value;
    } catch (err) {
      throw new PlanFileError(`无法读取 Word 文档“${fileName}”：${(err as Error).message}`);
    }
  }
  if (type === "pdf") throw new PlanFileError("暂不能直接读取 PDF：请在 PDF 阅读器中全选复制文字，另存为 .txt 后上传");
  if (type !== null || bytes.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])))
    throw new PlanFileError("只能读取 Word（.docx）或纯文本（.txt）文件；旧版 .doc 请先另存为 .docx");
  if (bytes.includes(0)) {
    // A NUL byte outside UTF-16 means binary data, not text.
    if (!(bytes[0] === 0xff && bytes[1] === 0xfe) && !(bytes[0] === 0xfe && bytes[1] === 0xff)) throw new PlanFileError("文件不是文本，也不是 Word 文档");
  }
  return decodeText(bytes);
}
