/**
 * @module `qingliu hj212 check [FILE|-]`: checks HJ 212 packets, one per line (CR LF optional), from FILE or stdin,
 * and prints one JSON object per line with the codec's verdict (domain/hj212/check.ts).
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { checkPacket } from "../../domain/hj212/check";
import type { CliCommand } from "./command";

/** `qingliu hj212 check`. */
export const hj212Check: CliCommand = {
  words: ["hj212", "check"],
  summary: "逐行检查 HJ 212 数据包 / check HJ 212 packets line by line",
  help: `用法 / usage: qingliu hj212 check [FILE | -]

逐行读取 HJ 212-2017 / HJ/T 212-2005 数据包（行尾 CR LF 可有可无；空行跳过），每行输出一个 JSON 对象。
Reads one packet per line (CR LF optional; blank lines skipped) from FILE, or stdin when FILE is "-" or absent,
and prints one JSON object per packet:

  { "line": n, "ok": bool, "reason": null | { "code", "message": { "zh", "en" }, "detail" },
    "crcOk": bool, "lengthOk": bool, "version": "2017" | "2005" | null,
    "st", "cn", "mn", "qn": string | null, "warnings": [ … ] }

CRC 按 HJ 212 附录A（非 Modbus）计算，十六进制大小写均可 / CRC per Appendix A (not Modbus), hex in either case.
数据段长度按字符数或 UTF-8 字节数均可 / the length may count characters or UTF-8 bytes.

退出码 / exit: 0 全部通过 / all ok · 1 有包未通过 / some packet refused · 2 用法或读取错误 / usage or read error`,
  async run(argv, io) {
    let positionals: string[];
    try {
      ({ positionals } = parseArgs({ args: argv, options: {}, allowPositionals: true }));
    } catch (err) {
      io.stderr.write(`${(err as Error).message}\n\n${this.help}\n`);
      return 2;
    }
    if (positionals.length > 1) {
      io.stderr.write(`最多一个输入文件 / at most one FILE\n\n${this.help}\n`);
      return 2;
    }
    const file = positionals[0] ?? "-";
    const input = file === "-" ? io.stdin : createReadStream(file);
    let allOk = true;
    let n = 0;
    try {
      const lines = createInterface({ input, crlfDelay: Infinity });
      for await (const raw of lines) {
        n++;
        const line = raw.replace(/\r$/, "");
        if (!line.trim()) continue;
        const result = checkPacket(line);
        if (!result.ok) allOk = false;
        io.stdout.write(JSON.stringify({ line: n, ...result }) + "\n");
      }
    } catch (err) {
      io.stderr.write(`无法读取 / cannot read ${file}: ${(err as Error).message}\n`);
      return 2;
    }
    return allOk ? 0 : 1;
  },
};
