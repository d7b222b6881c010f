/**
 * @module `qingliu import readings FILE [--skip-errors] [--yes]`: checks a lab-result file (.xlsx or .csv, the
 * template of GET /api/readings/lab-template) and prints the report; with --yes it imports through `labImporter`
 * in one transaction, drawing a progress bar on stderr for large files. Without --yes nothing is stored.
 */
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import type { Database } from "../db/database";
import { loadConfig } from "../env";
import { openConfiguredDatabase } from "../main";
import { migrate } from "../db/migrate";
import { labImporter } from "../commands/labImporter";
import { checkLabFile, labReport } from "../routes/readings/labFile";
import { formatShanghai } from "../../domain/labImport/time";
import type { CliCommand, CliIO } from "./command";

/** Files with more readings than this get a progress bar. */
const PROGRESS_FROM = 5000;

/** A progress bar on one stderr line, redrawn with \r. */
export function progressBar(done: number, total: number, width = 30): string {
  const share = total === 0 ? 1 : done / total;
  const filled = Math.round(share * width);
  return `\r导入 / importing [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} ${Math.floor(share * 100)}%`;
}

function printReport(io: CliIO, report: ReturnType<typeof labReport>) {
  io.stdout.write(`文件 / file: ${report.fileName}  (sha256 ${report.sha256.slice(0, 12)}…)\n`);
  if (report.fileError) {
    io.stdout.write(`文件错误 / file error: ${report.fileError}\n`);
    return;
  }
  io.stdout.write(`数据行 / rows: ${report.rows}  有效 / valid: ${report.valid}  错误 / errors: ${report.errors.length}\n`);
  for (const e of report.errors) io.stdout.write(`  第 ${e.row} 行 / row ${e.row}: ${e.reasons.join("；")}\n`);
}

/** Builds the command over a database opener (tests pass their own database). */
export function makeImportReadings(open: () => Promise<Database> = () => openConfiguredDatabase(loadConfig())): CliCommand {
  return {
    words: ["import", "readings"],
    summary: "导入化验结果 / import lab results (.xlsx, .csv)",
    help: `用法 / usage: qingliu import readings FILE [--skip-errors] [--yes]

检查化验结果文件（.xlsx 或 .csv，列：站点、采样时间、因子、数值、单位、检出限、备注）并打印报告；
加 --yes 才写入数据库（来源 lab，周期 sample，一个事务，记入审计日志）。存在错误行时不导入任何数据，
除非给出 --skip-errors（跳过错误行，报告中列出）。时间无时区时按北京时间。
Checks a lab-result file and prints the report; --yes imports it (one transaction, audited). While any row is
bad nothing is imported unless --skip-errors is given. Times without an offset are Beijing time.

退出码 / exit: 0 成功或检查通过 / ok · 1 有错误行，未导入 / bad rows, nothing imported · 2 用法或文件错误 / usage or file error`,
    async run(argv, io) {
      const { values, positionals } = parseArgs({
        args: argv,
        options: { "skip-errors": { type: "boolean" }, yes: { type: "boolean", short: "y" } },
        allowPositionals: true,
      });
      if (positionals.length !== 1) {
        io.stderr.write(`须给出一个文件 / expected exactly one FILE\n\n${this.help}\n`);
        return 2;
      }
      const file = positionals[0];
      let content: Buffer;
      try {
        content = await readFile(file);
      } catch (err) {
        io.stderr.write(`无法读取 / cannot read ${file}: ${(err as Error).message}\n`);
        return 2;
      }
      const database = await open();
      try {
        await migrate(database.db);
        const checked = await checkLabFile(database.db, basename(file), content);
        const report = labReport(checked);
        printReport(io, report);
        const v = checked.validation;
        if (v.fileError) return 2;
        const skip = values["skip-errors"] === true;
        if (v.errors.length && !skip) {
          io.stdout.write(`有 ${v.errors.length} 行错误，未导入任何数据；修正后重试，或加 --skip-errors 跳过错误行。\nNothing imported: fix the rows or pass --skip-errors.\n`);
          return 1;
        }
        if (!values.yes) {
          io.stdout.write(`检查通过，未写入；加 --yes 导入 ${v.readings.length} 条。/ Check only: pass --yes to import ${v.readings.length} readings.\n`);
          return 0;
        }
        const big = v.readings.length >= PROGRESS_FROM;
        const result = await database.db.transaction().execute((trx) =>
          labImporter(
            { trx, actor: { id: null, name: "命令行 / CLI" }, ip: null, correlationId: "cli" },
            {
              fileName: checked.fileName,
              sha256: checked.sha256,
              readings: v.readings,
              errors: v.errors,
              skipErrors: skip,
              onProgress: big ? (done, total) => io.stderr.write(progressBar(done, total)) : undefined,
            },
          ),
        );
        if (big) io.stderr.write("\n");
        const times = v.readings.map((r) => r.t.getTime()).sort((a, b) => a - b);
        io.stdout.write(
          `已导入 / imported: ${result.inserted}  已存在未改动 / already stored: ${result.duplicates}  跳过错误行 / skipped rows: ${result.skippedRows}\n` +
            (times.length ? `时间范围 / time range: ${formatShanghai(new Date(times[0]))} – ${formatShanghai(new Date(times[times.length - 1]))}（北京时间）\n` : ""),
        );
        return 0;
      } finally {
        await database.close();
      }
    },
  };
}

/** `qingliu import readings` */
export const importReadings: CliCommand = makeImportReadings();
