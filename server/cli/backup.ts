/**
 * @module `qingliu backup FILE` and `qingliu restore FILE`: a consistent copy of the database (PGlite or
 * PostgreSQL) and the attachment files, restorable into either engine.
 */
import { join } from "node:path";
import { loadConfig } from "../env";
import { openConfiguredDatabase } from "../main";
import { writeBackup } from "../backup/backup";
import { restoreBackup } from "../backup/restore";
import type { CliCommand } from "./command";

/** Runs `fn` with FILE and the configured database and files directory; prints `help` when FILE is missing. */
async function withFileAndDatabase(
  argv: string[],
  io: { stderr: NodeJS.WritableStream },
  help: string,
  fn: (file: string, db: Awaited<ReturnType<typeof openConfiguredDatabase>>["db"], filesDir: string) => Promise<number>,
): Promise<number> {
  const [file] = argv;
  if (!file) {
    io.stderr.write(help + "\n");
    return 2;
  }
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  try {
    return await fn(file, database.db, join(config.dataDir, "files"));
  } finally {
    await database.close();
  }
}

/** `qingliu backup` */
export const backup: CliCommand = {
  words: ["backup"],
  summary: "备份数据库与附件 / back up the database and attachments",
  help: `用法 / usage: qingliu backup FILE

将数据库（DATABASE_URL 或 ./data 下的 PGlite）与 DATA_DIR/files 下的附件写入一个压缩文件；读取在同一快照中进行，
平台运行时也可备份（PGlite 为嵌入式，须在平台停止时执行）。
Writes the database and the attachments under DATA_DIR/files to one gzip'd file, read from one snapshot. PostgreSQL
can be backed up while the platform runs; embedded PGlite is opened by one process only, so stop the platform first.`,
  run(argv, io) {
    return withFileAndDatabase(argv, io, this.help, async (file, db, filesDir) => {
      const s = await writeBackup(db, file, filesDir);
      const rows = Object.values(s.tables).reduce((a, b) => a + b, 0);
      io.stdout.write(`已备份 / backed up: ${Object.keys(s.tables).length} tables, ${rows} rows, ${s.files} files → ${file}\n`);
      return 0;
    });
  },
};

/** `qingliu restore` */
export const restore: CliCommand = {
  words: ["restore"],
  summary: "从备份恢复到空数据库 / restore a backup into an empty database",
  help: `用法 / usage: qingliu restore FILE

把备份恢复到一个空数据库（DATABASE_URL，或一个新的 DATA_DIR），附件写回 DATA_DIR/files。目标库非空时拒绝执行，
恢复在一个事务中进行，失败时数据库保持原样。
Restores into an empty database (DATABASE_URL, or a fresh DATA_DIR) and writes the attachments back to DATA_DIR/files.
Refuses a database that holds data; runs in one transaction, so a failure leaves the database as it was.`,
  run(argv, io) {
    return withFileAndDatabase(argv, io, this.help, async (file, db, filesDir) => {
      try {
        const s = await restoreBackup(db, file, filesDir);
        const rows = Object.values(s.tables).reduce((a, b) => a + b, 0);
        io.stdout.write(`已恢复 / restored: ${Object.keys(s.tables).length} tables, ${rows} rows, ${s.files} files\n`);
        return 0;
      } catch (err) {
        io.stderr.write(`恢复失败 / restore failed: ${(err as Error).message}\n`);
        return 1;
      }
    });
  },
};
