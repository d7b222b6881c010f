import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { sniffType } from "./sniff";
import { readZipEntry, zipEntries } from "./zip";
import { buildSupervisionDocx, chineseDate, documentTitle } from "./supervisionDocx";

const facts = { daysOverdue: 12, deadlines: [{ dueOn: "2022-05-31", text: "5月底前完成排查" }], missedRounds: [{ title: "6月调度", dueOn: "2022-06-10" }], lateRounds: [], reasons: ["任务逾期 12 天（达到 7 天）"] };

describe("documents", () => {
  it("sniffs accepted types from the bytes, whatever the name says", async () => {
    const docx = await buildSupervisionDocx({
      kind: "letter", docNumber: "中环攻坚办函〔2022〕3号", issuer: "中站区污染防治攻坚战领导小组办公室", unitName: "区城市管理局",
      task: { number: "3", title: "加快城镇污水处理厂污泥安全处置" }, facts, issuedOn: "2022-06-12", replyBy: "2022-06-17",
    });
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("表1").addRow(["进展"]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    expect(sniffType(docx)).toBe("docx");
    expect(sniffType(xlsx)).toBe("xlsx");
    expect(sniffType(Buffer.from("%PDF-1.7\n%âãÏÓ"))).toBe("pdf");
    expect(sniffType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe("jpeg");
    expect(sniffType(Buffer.from("<html><script>"))).toBeNull();
    expect(sniffType(Buffer.from("PK\u0003\u0004 not really a zip"))).toBeNull();
  });

  it("reads stored and deflated ZIP entries", async () => {
    const docx = await buildSupervisionDocx({
      kind: "interview", docNumber: "中环攻坚督〔2022〕7号", issuer: "中站区污染防治攻坚战领导小组办公室", unitName: "区城市管理局",
      task: { number: "3", title: "加快城镇污水处理厂污泥安全处置" }, facts, issuedOn: "2022-08-01", replyBy: "2022-08-06",
      interview: { scheduledFor: "2022-08-05", place: "区政府三楼会议室" },
    });
    expect(zipEntries(docx)!.map((e) => e.name)).toContain("word/document.xml");
    const xml = readZipEntry(docx, "word/document.xml")!.toString("utf8");
    expect(xml).toContain("关于约谈区城市管理局的通知");
    expect(xml).toContain("定于2022年8月5日在区政府三楼会议室约谈");
    expect(xml).toContain("已逾期12天");
  });

  it("titles and dates in Chinese", () => {
    expect(chineseDate("2022-06-05")).toBe("2022年6月5日");
    expect(documentTitle({ kind: "notice", unitName: "x", task: { number: "1", title: "深入推进城市建成区黑臭水体整治" } })).toBe("关于督办“深入推进城市建成区黑臭水体整治”工作的通知");
    expect(documentTitle({ kind: "reminder", unitName: "x", task: null })).toBe("关于年度实施方案报送工作的提醒函");
  });
});
