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
