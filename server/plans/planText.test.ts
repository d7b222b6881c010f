import { describe, expect, it } from "vitest";
import { Document, Packer, Paragraph } from "docx";
import { PlanFileError, decodeText, planTextOf } from "./planText";

const text = "中站区2022年水污染防治攻坚战实施方案\n三、主要任务";

describe("planTextOf", () => {
  it("reads UTF-8, UTF-8 with BOM, UTF-16 and GB18030 text the same", async () => {
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    // 中 in GBK is D6 D0, 站 is D5 BE (GB2312 code chart).
    const gbk = new Uint8Array([0xd6, 0xd0, 0xd5, 0xbe]);
    expect(await planTextOf(Buffer.from(text), "a.txt")).toBe(text);
    expect(await planTextOf(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), "a.txt")).toBe(text);
    expect(await planTextOf(utf16le, "a.txt")).toBe(text);
    expect(decodeText(Buffer.from(gbk))).toBe("中站");
  });

  it("reads a .docx by its content, whatever its name", async () => {
    const doc = new Document({ sections: [{ children: text.split("\n").map((l) => new Paragraph(l)) }] });
    const bytes = await Packer.toBuffer(doc);
    expect((await planTextOf(bytes, "plan.bin")).split("\n").filter(Boolean)).toEqual(text.split("\n"));
  });

  it("refuses PDF, .doc and binary files with a message saying what to do", async () => {
    await expect(planTextOf(Buffer.from("%PDF-1.7\n"), "a.pdf")).rejects.toThrow(/另存为 .txt/);
    await expect(planTextOf(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), "a.doc")).rejects.toThrow(PlanFileError);
    await expect(planTextOf(Buffer.from([0x4d, 0x5a, 0x90, 0x00]), "a.txt")).rejects.toThrow(/不是文本/);
  });
});

describe("a plan laid out as a task table in Word", () => {
  it("reads each row as a task with its units and deadline", async () => {
    const { Table, TableRow, TableCell } = await import("docx");
    const { parsePlan } = await import("../../domain/plan/parsePlan");
    const { ZHONGZHAN_AREA_NAMES, ZHONGZHAN_UNITS } = await import("../../domain/plan/zhongzhanUnits");
    const row = (cells: string[]) => new TableRow({ children: cells.map((c) => new TableCell({ children: c.split("\n").map((l) => new Paragraph(l)) })) });
    const doc = new Document({
      sections: [{
        children: [
          new Paragraph("中站区2024年河湖长制重点工作任务清单"),
          new Paragraph("中环攻坚办〔2024〕9号"),
          new Table({
            rows: [
              row(["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]),
              row(["1", "开展河湖“清四乱”专项整治，建立问题清单", "区农业农村局", "中站生态环境分局、各办事处", "2024年6月底前"]),
              row(["2", "推进河湖划界确权\n完成大沙河、白马门河管理范围划定", "区水利局", "中站国土分局", "年底前"]),
              row(["3", "开展入河排污口排查", "中站生态环境分局", "", "9月30日前"]),
            ],
          }),
        ],
      }],
    });
    const text = await planTextOf(await Packer.toBuffer(doc), "清单.docx");
    const plan = parsePlan(text, { units: ZHONGZHAN_UNITS, areaNames: ZHONGZHAN_AREA_NAMES });
    const brief = plan.tasks.map((t) => ({
      number: t.number, title: t.title, lead: t.units.lead, participant: [...t.units.participant, ...t.collectives.participant], deadlines: t.deadlines.map((d) => d.date),
    }));
    // Written out by reading the table: 区水利局 is an alias of 区农业农村局 in the demo directory.
    expect(brief).toEqual([
      { number: "1", title: "开展河湖“清四乱”专项整治，建立问题清单", lead: ["区农业农村局"], participant: ["中站生态环境分局", "各办事处"], deadlines: ["2024-06-30"] },
      { number: "2", title: "推进河湖划界确权", lead: ["区农业农村局"], participant: ["中站国土分局"], deadlines: ["2024-12-31"] },
      { number: "3", title: "开展入河排污口排查", lead: ["中站生态环境分局"], participant: [], deadlines: ["2024-09-30"] },
    ]);
    expect(plan).toMatchObject({ title: "中站区2024年河湖长制重点工作任务清单", docNumber: "中环攻坚办〔2024〕9号", year: 2024, unknownUnits: [] });
  });
});
