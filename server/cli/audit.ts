/**
 * @module `qingliu audit verify`: checks the audit log's hash chain; exit 0 and "OK" when intact, exit 1 naming the
 * first bad entry otherwise.
 */
import { loadConfig } from "../env";
import { openConfiguredDatabase } from "../main";
import { verifyAudit } from "../repositories/audit.repository";
import type { CliCommand } from "./command";

/** `qingliu audit verify` */
export const auditVerify: CliCommand = {
  words: ["audit", "verify"],
  summary: "校验审计日志哈希链 / verify the audit log's hash chain",
  help: `用法 / usage: qingliu audit verify

逐条校验审计日志的哈希链：完好时打印 OK 并以 0 退出；发现被修改或删除的记录时指出第一条并以 1 退出。
Walks the audit chain: prints OK and exits 0 when intact; names the first altered or missing entry and exits 1.`,
  async run(_argv, io) {
    const database = await openConfiguredDatabase(loadConfig());
    try {
      const r = await verifyAudit(database.db);
      if (r.ok) {
        io.stdout.write(`OK — ${r.count} entries, chain intact (head ${r.headSeq})\n`);
        return 0;
      }
      io.stdout.write(`FAILED — first bad entry: ${r.seq}: ${r.reason} (${r.count} entries verified before it)\n`);
      return 1;
    } finally {
      await database.close();
    }
  },
};
