/**
 * @module The text of an uploaded plan document: .docx through mammoth's HTML (paragraphs as lines; a task table —
 * 序号 / 重点任务 / 牵头单位 / 配合单位 / 完成时限, as 任务分解表 are laid out — turned into one numbered line per row
 * with labelled units, so the parser reads it like a written task), plain text in UTF-8, UTF-16 (with its
 * byte-order mark) or GB18030/GBK — the encoding Chinese Windows still saves .txt in — told apart from the bytes.
 * Shared by the plan routes and the `qingliu plan` commands.
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
      return htmlToPlanText((await mammoth.convertToHtml({ buffer: bytes })).value);
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

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
    e[0] === "#" ? String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e.toLowerCase()] ?? m);
const textOf = (html: string) => decode(html.replace(/<br\s*\/?>/gi, "\n").replace(/<[^>]+>/g, "")).trim();

/** Column roles of a task table, by header text. */
const COLUMNS: [string, RegExp][] = [
  ["number", /^(序号|编号|序)$/],
  ["lead", /牵头/],
  ["co", /配合|参与|协办/],
  ["responsible", /责任(单位|部门|主体)/],
  ["implementer", /落实/],
  ["deadline", /时限|完成时间|时间节点|完成期限/],
  ["task", /任务|措施|工作内容|内容|事项/],
];
const LABELS: Record<string, string> = { lead: "牵头单位", co: "配合单位", responsible: "责任单位", implementer: "落实单位" };

/** One table as lines: a task table row per numbered line, any other table row by row. */
function tableLines(table: string): string[] {
  const rows = [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/gi)].map((r) =>
    [...r[1].matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/gi)].map((c) => [...c[1].matchAll(/<p[^>]*>([\s\S]*?)<\/p>/gi)].map((p) => textOf(p[1])).filter(Boolean)));
  const flat = (cell: string[] | undefined) => (cell ?? []).join("");
  const headerAt = rows.findIndex((r) => r.some((c) => COLUMNS[0][1].test(flat(c))) && r.some((c) => COLUMNS[6][1].test(flat(c))));
  if (headerAt < 0) return rows.map((r) => r.map(flat).filter(Boolean).join("；")).filter(Boolean);
  const roles = rows[headerAt].map((c) => COLUMNS.find(([, re]) => re.test(flat(c)))?.[0] ?? null);
  const col = (name: string) => roles.indexOf(name);
  const out = rows.slice(0, headerAt).map((r) => r.map(flat).filter(Boolean).join("；")).filter(Boolean);
  for (const r of rows.slice(headerAt + 1)) {
    const number = flat(r[col("number")]).replace(/[.、．]$/, "");
    if (!/^\d+(\.\d+)*$/.test(number)) {
      const line = r.map(flat).filter(Boolean).join("；");
      if (line) out.push(line);
      continue;
    }
    // A task cell's paragraphs are sentences: the first is the title.
    const task = (r[col("task")] ?? []).map((p) => (/[。！？；]$/.test(p) ? p : `${p}。`)).join("");
    const units = ["lead", "co", "responsible", "implementer"]
      .filter((k) => col(k) >= 0 && (r[col(k)] ?? []).length)
      .map((k) => `${LABELS[k]}：${(r[col(k)] ?? []).join("、")}`);
    const deadline = col("deadline") >= 0 ? (r[col("deadline")] ?? []).join("；") : "";
    out.push(`${number}.${task}${units.length ? `（${units.join("；")}）` : ""}${deadline ? `完成时限：${deadline}` : ""}`);
  }
  return out;
}

/**
 * The plan text of mammoth's HTML: one line per paragraph, heading or list item; tables by `tableLines`.
 * @example htmlToPlanText("<p>一、主要任务</p><table>…</table>") // "一、主要任务\n1.开展排查。（牵头单位：区住建局）完成时限：6月底前"
 */
export function htmlToPlanText(html: string): string {
  const lines: string[] = [];
  for (const m of html.matchAll(/<table[^>]*>[\s\S]*?<\/table>|<(p|h[1-6]|li)[^>]*>([\s\S]*?)<\/\1>/gi)) {
    if (m[0].toLowerCase().startsWith("<table")) lines.push(...tableLines(m[0]));
    else {
      const t = textOf(m[2]);
      if (t) lines.push(t);
    }
  }
  return lines.join("\n");
}
