/**
 * @module The .docx of the office's supervision documents — 提醒函, 督办通知, 致函, 约谈通知, 提请问责告知函 — in the
 * layout of party and government documents (GB/T 9704-2012 as recalled: issuer line, 发文字号, title in a heavy
 * face, 主送机关, body in 仿宋 三号, issuer and date at the end). Fonts are named, not embedded: 黑体 for the issuer
 * line, title and headings, 仿宋 for the body; Word and WPS on government PCs have both.
 */
import { AlignmentType, Document, Packer, Paragraph, TextRun } from "docx";
import type { DocumentKind } from "../db/schema";
import { dayNumber, type IsoDate } from "../../domain/supervision/days";

/** The facts a document states. */
export interface SupervisionFacts {
  /** Days the task is past its deadline (0 when not overdue). */
  daysOverdue: number;
  /** The task deadlines, e.g. [{ dueOn: "2022-05-31", text: "2022年5月底前…完成排查" }]. */
  deadlines: { dueOn: IsoDate; text: string }[];
  /** Rounds (调度) not answered. */
  missedRounds: { title: string; dueOn: IsoDate }[];
  /** Rounds answered late. */
  lateRounds: { title: string; dueOn: IsoDate; days: number }[];
  /** The ladder's reasons in Chinese, e.g. "任务逾期 20 天（达到 7 天）". */
  reasons: string[];
}

/** What a document says. */
export interface SupervisionDocInput {
  kind: DocumentKind;
  /** 发文字号, e.g. "中环攻坚督〔2022〕1号"; null for a 提醒函. */
  docNumber: string | null;
  /** Issuing office, e.g. "中站区污染防治攻坚战领导小组办公室". */
  issuer: string;
  /** 主送: the unit addressed. */
  unitName: string;
  /** The task concerned. */
  task: { number: string; title: string } | null;
  facts: SupervisionFacts;
  /** Day of issue. */
  issuedOn: IsoDate;
  /** Day by which the unit answers in writing. */
  replyBy: IsoDate;
  /** 约谈 only. */
  interview?: { scheduledFor: IsoDate; place: string | null };
}

/** Chinese name of each kind. */
export const DOCUMENT_KIND_LABELS: Readonly<Record<DocumentKind, string>> = {
  reminder: "提醒函",
  notice: "督办通知",
  letter: "致函",
  interview: "约谈通知",
  accountability: "提请问责告知函",
};

const FANGSONG = "仿宋";
const HEITI = "黑体";
/** Half-points: 二号 22 pt, 三号 16 pt. */
const ERHAO = 44;
const SANHAO = 32;

/**
 * "2022年6月20日" for "2022-06-20".
 * @example chineseDate("2022-06-05") // "2022年6月5日"
 */
export function chineseDate(d: IsoDate): string {
  dayNumber(d); // throws on a malformed date
  const [y, m, day] = d.split("-").map(Number);
  return `${y}年${m}月${day}日`;
}

const taskLabel = (t: SupervisionDocInput["task"]) => (t ? `第${t.number}项任务“${t.title}”` : "年度实施方案报送");

/** The title of a document. */
export function documentTitle(i: Pick<SupervisionDocInput, "kind" | "unitName" | "task">): string {
  const subject = i.task ? `“${i.task.title}”` : "年度实施方案报送";
  switch (i.kind) {
    case "reminder": return `关于${subject}工作的提醒函`;
    case "notice": return `关于督办${subject}工作的通知`;
    case "letter": return `关于${subject}工作进度滞后的函`;
    case "interview": return `关于约谈${i.unitName}的通知`;
    case "accountability": return `关于提请问责${i.unitName}的告知函`;
  }
}

function body(i: SupervisionDocInput): string[] {
  const f = i.facts;
  const facts: string[] = [];
  if (f.daysOverdue > 0) {
    const due = f.deadlines.filter((d) => dayNumber(d.dueOn) <= dayNumber(i.issuedOn)).at(-1);
    facts.push(`该任务${due ? `完成时限为${chineseDate(due.dueOn)}，` : ""}截至${chineseDate(i.issuedOn)}已逾期${f.daysOverdue}天。`);
  }
  if (f.missedRounds.length)
    facts.push(`区攻坚战办组织的调度中，你单位有${f.missedRounds.length}次未按时报送：${f.missedRounds.map((r) => `${r.title}（应于${chineseDate(r.dueOn)}前报送）`).join("；")}。`);
  if (f.lateRounds.length)
    facts.push(`另有${f.lateRounds.length}次迟报：${f.lateRounds.map((r) => `${r.title}（迟报${r.days}天）`).join("；")}。`);
  const basis = "根据《中站区2022年水污染防治攻坚战实施方案》“严格督查督办”的要求";
  const reply = `请于${chineseDate(i.replyBy)}前将整改措施和进展情况书面报送区攻坚战办。`;
  const t = taskLabel(i.task);
  switch (i.kind) {
    case "reminder":
      return [`你单位负责的${t}进度滞后。`, ...facts, `请高度重视，抓紧推进，按时报送工作进展。${reply}`];
    case "notice":
      return [`${basis}，现对你单位负责的${t}进行督办。`, ...facts, `请你单位切实履行职责，制定整改措施，明确完成时限。${reply}逾期未整改的，将视情采取致函、曝光、约谈等措施。`];
    case "letter":
      return [`你单位负责的${t}经提醒、督办后仍进度滞后。`, ...facts, `${basis}，特致函你单位，请主要负责同志亲自研究部署，确保任务按期完成。${reply}`];
    case "interview": {
      const iv = i.interview!;
      return [
        `你单位负责的${t}进度严重滞后，经督办、致函、曝光后仍未整改到位。`, ...facts,
        `${basis}，定于${chineseDate(iv.scheduledFor)}${iv.place ? `在${iv.place}` : ""}约谈你单位主要负责同志。请准时参加，并提交书面整改报告。`,
      ];
    }
    case "accountability":
      return [`你单位负责的${t}经约谈后仍未整改到位。`, ...facts, `${basis}，区攻坚战办将按程序提请有关部门对相关责任人予以问责。特此告知。`];
  }
}

const run = (text: string, font: string, size: number, bold = false) =>
  new TextRun({ text, size, bold, font: { ascii: font, eastAsia: font, hAnsi: font, cs: font } });

/**
 * Builds the .docx bytes.
 * @example const bytes = await buildSupervisionDocx({ kind: "notice", docNumber: "中环攻坚督〔2022〕1号", … });
 */
export async function buildSupervisionDocx(i: SupervisionDocInput): Promise<Buffer> {
  const centered = (text: string, font: string, size: number, after = 240) =>
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after }, children: [run(text, font, size)] });
  const bodyPara = (text: string) =>
    new Paragraph({ indent: { firstLine: 640 }, spacing: { line: 560 }, alignment: AlignmentType.JUSTIFIED, children: [run(text, FANGSONG, SANHAO)] });
  const children: Paragraph[] = [centered(i.issuer, HEITI, ERHAO, 360)];
  if (i.docNumber) children.push(centered(i.docNumber, FANGSONG, SANHAO, 480));
  children.push(centered(documentTitle(i), HEITI, ERHAO, 480));
  children.push(new Paragraph({ spacing: { line: 560 }, children: [run(`${i.unitName}：`, FANGSONG, SANHAO)] }));
  for (const p of body(i)) children.push(bodyPara(p));
  if (i.facts.reasons.length) {
    children.push(new Paragraph({ indent: { firstLine: 640 }, spacing: { line: 560 }, children: [run("督办依据：", HEITI, SANHAO)] }));
    i.facts.reasons.forEach((r, n) => children.push(bodyPara(`${n + 1}. ${r}`)));
  }
  const right = (text: string) => new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { line: 560 }, children: [run(text, FANGSONG, SANHAO)] });
  children.push(new Paragraph({ children: [] }), right(i.issuer), right(chineseDate(i.issuedOn)));
  const doc = new Document({
    creator: i.issuer,
    title: documentTitle(i),
    styles: { default: { document: { run: { font: { ascii: FANGSONG, eastAsia: FANGSONG, hAnsi: FANGSONG, cs: FANGSONG }, size: SANHAO } } } },
    sections: [{
      // A4 with the 公文 margins: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (twips).
      properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } },
      children,
    }],
  });
  return Packer.toBuffer(doc);
}
