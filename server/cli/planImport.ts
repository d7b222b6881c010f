/**
 * @module `qingliu plan import FILE [--yes] [--year N]`: parses a plan (.txt or .docx) against the database's unit
 * directory, prints a preview (tasks, units per role, deadlines, unknown names) and imports it after confirmation.
 */
import { readFile } from "node:fs/promises";
import { planTextOf } from "../plans/planText";
import { parseArgs } from "node:util";
import { loadConfig } from "../env";
import { openConfiguredDatabase } from "../main";
import { migrate } from "../db/migrate";
import { planImporter } from "../commands/planImporter";
import { parseWithDirectory } from "../plans/parseWithDirectory";
import { AppError } from "../errors";
import type { CliCommand } from "./command";

const ROLE_LABEL = { lead: "牵头", co_lead: "按职责分工负责", participant: "参与", implementer: "落实", responsible: "负责" } as const;

async function readPlanText(file: string): Promise<string> {
  return planTextOf(await readFile(file), file);
}

/** `qingliu plan import` */
export const planImport: CliCommand = {
  words: ["plan", "import"],
  summary: "预览并导入实施方案 / preview and import a campaign plan",
  help: `用法 / usage: qingliu plan import FILE [--yes] [--year 2022]

按数据库中的单位目录解析方案（.txt 或 .docx），显示任务、各角色单位、时限和未知单位；加 --yes 才会导入。
有未知单位时不导入：请先在单位目录中添加该单位或别名。
Parses the plan against the database's unit directory and prints a preview; imports only with --yes. Unknown unit
names stop the import: add the unit or an alias to the directory first.`,
  async run(argv, io) {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { yes: { type: "boolean" }, year: { type: "string" } } });
    const [file] = positionals;
    if (!file) {
      io.stderr.write(this.help + "\n");
      return 2;
    }
    const text = await readPlanText(file);
    const database = await openConfiguredDatabase(loadConfig());
    try {
      await migrate(database.db);
      const plan = await parseWithDirectory(database.db, text, values.year ? Number(values.year) : undefined);
      io.stdout.write(`${plan.title ?? "（无标题）"}  ${plan.docNumber ?? ""}  ${plan.year ?? "年份未知"}\n任务 / tasks: ${plan.tasks.length}\n`);
      for (const t of plan.tasks) {
        const roles = (Object.keys(ROLE_LABEL) as (keyof typeof ROLE_LABEL)[])
          .filter((r) => t.units[r].length || t.collectives[r].length)
          .map((r) => `${ROLE_LABEL[r]}：${[...t.units[r], ...t.collectives[r]].join("、")}`)
          .join("；");
        io.stdout.write(`  ${t.number.padStart(3)}. ${t.title.slice(0, 28)}  ${roles}${t.deadlines.length ? `  时限：${t.deadlines.map((d) => d.date).join("，")}` : ""}\n`);
      }
      if (plan.unknownUnits.length) {
        io.stdout.write(`未知单位 / unknown units (请先添加到单位目录): ${plan.unknownUnits.map((u) => `${u.name}（任务 ${u.taskNumbers.join("、")}）`).join("，")}\n`);
        return 1;
      }
      if (!values.yes) {
        io.stdout.write("预览完成；加 --yes 导入 / preview only; add --yes to import\n");
        return 0;
      }
      if (plan.year === null) {
        io.stderr.write("无法确定计划年份，请用 --year 指定 / cannot tell the plan year: pass --year\n");
        return 2;
      }
      const result = await database.db.transaction().execute((trx) =>
        planImporter({ trx, actor: { id: null, name: "命令行 / CLI" }, ip: null, correlationId: "cli" }, {
          plan: { ...plan, year: plan.year!, title: plan.title ?? "未命名实施方案" },
          sourceText: text,
          importedBy: null,
        }),
      );
      io.stdout.write(`已导入 / imported: ${result.tasks} tasks, ${result.taskUnits} unit assignments, ${result.deadlines} deadlines (plan ${result.planId})\n`);
      return 0;
    } catch (err) {
      if (err instanceof AppError) {
        io.stderr.write(`${err.message}\n`);
        return 1;
      }
      throw err;
    } finally {
      await database.close();
    }
  },
};
