/**
 * @module `qingliu assess FILE [--json]`: classes surface-water samples by GB 3838-2002 and the 评价办法 (single
 * factor; 劣Ⅴ = 6) and names main pollutants with their 超标倍数. FILE (or "-" for stdin) is a JSON array of
 * `{ "body": "river" | "lake", "sample": { "<HJ 212 code>": mg/L, … } }`.
 */
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { classifySample, ROUTINE_CODES, type SectionResult } from "../../domain/assessment/sectionClass";
import { CLASS_STATUS } from "../../domain/assessment/riverGrade";
import { FACTORS, canonicalCode, type FactorCode } from "../../domain/standards/factors";
import { classLabel, type WaterBody, type WaterClass } from "../../domain/standards/gb3838";
import type { CliCommand, CliIO } from "./command";

/** One input item after validation. */
interface AssessInput {
  body: WaterBody;
  sample: Record<string, number>;
}

/** One output object (the `--json` shape). */
export interface AssessOutput {
  /** 1–5 = Ⅰ–Ⅴ, 6 = 劣Ⅴ. */
  class: WaterClass;
  /** Class of each routine item, by HJ 212 code. */
  perFactor: Partial<Record<FactorCode, WaterClass>>;
  /** Up to three main pollutants; multiple rounded to 2 decimals, null for pH and DO. */
  mainPollutants: { code: FactorCode; multiple: number | null }[];
  /** Items evaluated separately (lake TN, fecal coliform), not part of `class`. */
  separate: Partial<Record<FactorCode, WaterClass>>;
}

class InputError extends Error {}

function validate(data: unknown): AssessInput[] {
  if (!Array.isArray(data)) throw new InputError("输入须为 JSON 数组 / input must be a JSON array");
  if (data.length === 0) throw new InputError("输入数组为空 / input array is empty");
  const problems: string[] = [];
  const items = data.map((item, i): AssessInput => {
    const at = `[${i}]`;
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      problems.push(`${at}: 须为对象 / must be an object { body, sample }`);
      return { body: "river", sample: {} };
    }
    const { body, sample } = item as { body?: unknown; sample?: unknown };
    if (body !== "river" && body !== "lake") problems.push(`${at}.body: 须为 "river" 或 "lake" / must be "river" or "lake"`);
    if (typeof sample !== "object" || sample === null || Array.isArray(sample)) {
      problems.push(`${at}.sample: 须为对象 / must be an object of HJ 212 code → mg/L`);
      return { body: body as WaterBody, sample: {} };
    }
    for (const [code, value] of Object.entries(sample)) {
      if (!canonicalCode(code)) problems.push(`${at}.sample.${code}: 未知因子编码 / unknown HJ 212 factor code`);
      else if (typeof value !== "number" || !Number.isFinite(value) || value < 0)
        problems.push(`${at}.sample.${code}: 须为非负数 / must be a non-negative number, got ${JSON.stringify(value)}`);
      else if (canonicalCode(code) === "w01001" && value > 14) problems.push(`${at}.sample.${code}: pH 须在 0–14 / pH must be 0–14`);
    }
    const codes = Object.keys(sample).map(canonicalCode);
    if (!codes.some((c) => c && (ROUTINE_CODES.includes(c) || (body === "lake" && c === "w21001"))))
      problems.push(`${at}.sample: 无可评价的常规指标 / no routine GB 3838 Table 1 item to class`);
    return { body: body as WaterBody, sample: sample as Record<string, number> };
  });
  if (problems.length) throw new InputError(problems.join("\n"));
  return items;
}

const round2 = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);

/** Classes validated input items into the `--json` output shape. */
export function assessItems(items: readonly AssessInput[]): AssessOutput[] {
  return items.map(({ body, sample }) => {
    let r: SectionResult;
    try {
      r = classifySample(sample, { body });
    } catch (err) {
      throw new InputError((err as Error).message);
    }
    if (r.class === null) throw new InputError("无可评价的常规指标 / no routine item to class");
    return {
      class: r.class,
      perFactor: r.perFactor,
      mainPollutants: r.mainPollutants.map((p) => ({ code: p.code, multiple: round2(p.multiple) })),
      separate: r.separate,
    };
  });
}

// Display width: CJK and full-width characters take two columns (Roman numerals Ⅰ–Ⅻ are narrow in most terminals).
const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
const pad = (s: string, w: number) => s + " ".repeat(Math.max(0, w - width(s)));

/** The readable Chinese table printed without --json. */
export function formatTable(items: readonly AssessInput[], out: readonly AssessOutput[]): string {
  const head = ["序号", "水体", "水质类别", "水质状况", "主要污染指标(超标倍数)", "单项类别"];
  const rows = out.map((o, i) => [
    String(i + 1),
    items[i].body === "lake" ? "湖库" : "河流",
    classLabel(o.class),
    CLASS_STATUS[o.class],
    o.mainPollutants.map((p) => FACTORS[p.code].nameZh + (p.multiple === null ? "" : `(${p.multiple.toFixed(2)})`)).join("、") || "—",
    [...Object.entries(o.perFactor), ...Object.entries(o.separate).map(([c, k]) => [c, k, "*"] as const)]
      .map(([c, k, star]) => `${FACTORS[c as FactorCode].nameZh}${star ?? ""} ${classLabel(k as WaterClass)}`)
      .join("，"),
  ]);
  const widths = head.map((h, j) => Math.max(width(h), ...rows.map((r) => width(r[j]))));
  const line = (cells: string[]) => cells.map((c, j) => (j === cells.length - 1 ? c : pad(c, widths[j]))).join("  ").trimEnd();
  const note = out.some((o) => Object.keys(o.separate).length) ? "\n* 参考指标，单独评价，不参与水质类别 / reference item, not in the class" : "";
  return [line(head), ...rows.map(line)].join("\n") + note + "\n";
}

async function readInput(file: string, io: CliIO): Promise<string> {
  if (file !== "-") return readFile(file, "utf8");
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

/** `qingliu assess` */
export const assess: CliCommand = {
  words: ["assess"],
  summary: "地表水水质类别评价 / classify surface-water samples (GB 3838-2002)",
  help: `用法 / usage: qingliu assess FILE [--json]

按 GB 3838-2002 与《地表水环境质量评价办法（试行）》单因子评价：21 项常规指标取最差类别（劣Ⅴ类 = 6），
水温、总氮（仅湖库）、粪大肠菌群单独评价；劣于Ⅲ类时给出主要污染指标及超标倍数（pH、溶解氧无倍数）。
Single-factor class per GB 3838-2002 and the 评价办法; main pollutants with multiples over class Ⅲ.

FILE（"-" 表示标准输入 / "-" reads stdin）:
  [{ "body": "river" | "lake", "sample": { "w01009": 4.8, "w21003": 1.2 } }]
  键为 HJ 212-2017 因子编码，单位一律 mg/L（含汞、镉、铅等，非 µg/L）；粪大肠菌群 个/L。
  Keys are HJ 212-2017 factor codes; every value in mg/L (also Hg, Cd, Pb…), fecal coliform in 个/L.

--json  输出 JSON 数组 / print a JSON array:
  [{ "class": 1–6, "perFactor": { code: class }, "mainPollutants": [{ "code", "multiple" }], "separate": { code: class } }]

退出码 / exit: 0 成功 / ok · 2 输入无效 / invalid input`,
  async run(argv, io) {
    let values: { json?: boolean };
    let positionals: string[];
    try {
      ({ values, positionals } = parseArgs({ args: argv, options: { json: { type: "boolean" } }, allowPositionals: true }));
    } catch (err) {
      io.stderr.write(`${(err as Error).message}\n\n${this.help}\n`);
      return 2;
    }
    if (positionals.length !== 1) {
      io.stderr.write(`须给出一个输入文件 / expected exactly one FILE\n\n${this.help}\n`);
      return 2;
    }
    const file = positionals[0];
    try {
      let text: string;
      try {
        text = await readInput(file, io);
      } catch (err) {
        throw new InputError(`无法读取 / cannot read ${file}: ${(err as Error).message}`);
      }
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch (err) {
        throw new InputError(`JSON 无效 / invalid JSON in ${file}: ${(err as Error).message}`);
      }
      const items = validate(data);
      const out = assessItems(items);
      io.stdout.write(values.json ? JSON.stringify(out) + "\n" : formatTable(items, out));
      return 0;
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      io.stderr.write(`输入无效 / invalid input:\n${err.message}\n`);
      return 2;
    }
  },
};
