/**
 * @module `qingliu migrate`: applies pending migrations (or shows their status).
 */
import { parseArgs } from "node:util";
import { loadConfig } from "../env";
import { openConfiguredDatabase } from "../main";
import { migrate, migrationStatus } from "../db/migrate";
import type { CliCommand } from "./command";

/** `qingliu migrate` */
export const migrateCommand: CliCommand = {
  words: ["migrate"],
  summary: "执行数据库迁移 / apply database migrations",
  help: `用法 / usage: qingliu migrate [--status]

对 DATABASE_URL（或 ./data 下的 PGlite）执行尚未执行的迁移；--status 只显示状态。
Applies pending migrations to DATABASE_URL (or PGlite under ./data); --status only reports.`,
  async run(argv, io) {
    const { values } = parseArgs({ args: argv, options: { status: { type: "boolean" } } });
    const database = await openConfiguredDatabase(loadConfig());
    try {
      if (values.status) {
        const s = await migrationStatus(database.db);
        io.stdout.write(`applied: ${s.applied.join(", ") || "-"}\npending: ${s.pending.join(", ") || "-"}\n`);
        if (s.changed.length) io.stdout.write(`CHANGED after apply: ${s.changed.join(", ")}\n`);
        return s.changed.length ? 1 : 0;
      }
      const applied = await migrate(database.db);
      io.stdout.write(applied.length ? `已执行 / applied: ${applied.join(", ")}\n` : "数据库已是最新 / up to date\n");
      return 0;
    } finally {
      await database.close();
    }
  },
};
