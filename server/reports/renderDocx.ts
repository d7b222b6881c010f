/**
 * @module A report layout (layout.ts) as .docx: issuer line and title in 黑体, body in 仿宋 (the fonts of the
 * supervision documents, ../documents/supervisionDocx.ts), section headings in 黑体, tables with a shaded header
 * row that repeats on each page, A4 landscape-free portrait with 公文 margins.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { Cell, LayoutTable, ReportLayout } from "./layout";

const FANGSONG = "仿宋";
const HEITI = "黑体";
/** Half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 五号 10.5 pt. */
const ERHAO = 44;
const SANHAO = 32;
const SIHAO = 28;
const WUHAO = 21;
/** Text width of A4 with 28 mm + 26 mm margins, in twips. */
const TEXT_WIDTH = 11906 - 1588 - 1474;

const run = (text: string, font: string, size: number, bold = false) =>
  new TextRun({ text, size, bold, font: { ascii: font, eastAsia: font, hAnsi: font, cs: font } });

/** How a cell reads in the document: numbers without trailing zeros, empty as "—". */
export function cellText(c: Cell): string {
  if (c === null || c === "") return "—";
  return typeof c === "number" ? String(Math.round(c * 100) / 100) : c;
}

const border = { style: BorderStyle.SINGLE, size: 4, color: "808080" };

function docxTable(t: LayoutTable): Table {
  const total = t.widths.reduce((a, b) => a + b, 0);
  const widths = t.widths.map((w) => Math.round((w / total) * TEXT_WIDTH));
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: widths[i], type: WidthType.DXA },
      shading: header ? { type: ShadingType.CLEAR, color: "auto", fill: "E6F4F1" } : undefined,
      borders: { top: border, bottom: border, left: border, right: border },
      children: [new Paragraph({ alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT, children: [run(text, header ? HEITI : FANGSONG, WUHAO)] })],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: t.headers.map((h, i) => cell(h, i, true)) }),
      ...t.rows.map((r) => new TableRow({ children: r.map((c, i) => cell(cellText(c), i, false)) })),
    ],
  });
}

/** Builds the .docx bytes of a report. */
export async function renderDocx(l: ReportLayout): Promise<Buffer> {
  const centered = (text: string, font: string, size: number, after = 240) =>
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after }, children: [run(text, font, size)] });
  const children: (Paragraph | Table)[] = [
    centered(l.issuer, HEITI, SANHAO, 240),
    centered(l.title, HEITI, ERHAO, 120),
    centered(l.subtitle, FANGSONG, SANHAO, 480),
  ];
  for (const s of l.sections) {
    children.push(new Paragraph({ spacing: { before: 240, after: 120 }, children: [run(s.heading, HEITI, SIHAO)] }));
    for (const b of s.blocks) {
      if (b.kind === "para") {
        children.push(new Paragraph({ indent: { firstLine: 560 }, spacing: { line: 480 }, alignment: AlignmentType.JUSTIFIED, children: [run(b.text, FANGSONG, SIHAO)] }));
      } else {
        children.push(docxTable(b.table), new Paragraph({ children: [] }));
      }
    }
  }
  children.push(new Paragraph({ children: [] }));
  for (const line of l.closing) children.push(new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { line: 480 }, children: [run(line, FANGSONG, SIHAO)] }));
  const doc = new Document({
    creator: l.issuer,
    title: l.title,
    styles: { default: { document: { run: { font: { ascii: FANGSONG, eastAsia: FANGSONG, hAnsi: FANGSONG, cs: FANGSONG }, size: SIHAO } } } },
    sections: [{
      // A4 with the 公文 margins: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (twips).
      properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } },
      children,
    }],
  });
  return Packer.toBuffer(doc);
}
