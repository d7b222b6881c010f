import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql, type Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB, NewReading } from "../db/schema";
import { createTestDatabase } from "../test/testDatabase";
import { seedDemoDistrict } from "../seed/demo";
import { insertReadings } from "../repositories/reading.repository";
import { verifyAudit } from "../repositories/audit.repository";
import { backupTables } from "./tables";
import { writeBackup } from "./backup";
import { restoreBackup } from "./restore";
import { reportGenerator } from "../commands/reportGenerator";
import { FileStore } from "../repositories/file.repository";
import { insertRecipient } from "../repositories/report.repository";

/** Every table's rows as PostgreSQL renders them, in a total order. */
async function snapshot(db: Kysely<DB>) {
  const out: Record<string, unknown[]> = {};
  for (const t of await backupTables(db)) {
    const order = sql.join(t.columns.map((c) => sql`x.${sql.ref(c.name)}::text`));
    out[t.name] = (await sql<{ j: unknown }>`select to_json(x)::text as j from ${sql.table(t.name)} x order by ${order}`.execute(db)).rows.map((r) => r.j);
  }
  return out;
}

describe("backup and restore round trip", () => {
  const dir = mkdtempSync(join(tmpdir(), "qingliu-backup-"));
  let source: Awaited<ReturnType<typeof createTestDatabase>>;
  let demoReadings = 0;
  const filesDir = join(dir, "files");
  beforeAll(async () => {
    source = await createTestDatabase("pglite");
    await seedDemoDistrict(source.db, "Backup-test-2026");
    demoReadings = Number((await sql<{ n: number }>`select count(*) as n from readings`.execute(source.db)).rows[0].n);
    const point = await source.db.selectFrom("monitoring_points").select("id").where("code", "=", "ZZ-DSH-01").executeTakeFirstOrThrow();
    const rows: NewReading[] = [];
    for (let h = 0; h < 24 * 40; h++) {
      rows.push({ point_id: point.id, factor: "w21003", period: "hour", t: new Date(Date.UTC(2022, 4, 20) + h * 3_600_000), value: Math.round(h * 13.7) / 1000,
        flag: h % 50 ? "N" : "M", source: "gateway", device_mn: null, packet_qn: null, detection_limit: null, original_value: null, original_unit: null,
        min_value: null, max_value: null, cou_value: null, author_id: null, reason: null });
    }
    await insertReadings(source.db, rows);
    // A timestamp with microseconds and an exotic number must survive exactly.
    await sql`update units set updated_at = '2022-05-18 09:30:00.123456+08' where name = '中站生态环境分局'`.execute(source.db);
    mkdirSync(join(filesDir, "ab"), { recursive: true });
    writeFileSync(join(filesDir, "ab", "evidence.pdf"), Buffer.from("%PDF-1.4 整改照片说明 \u0000\u00ff"));
    // A monthly report (its two files go to the files directory) and a recipient: the production area's tables.
    await source.db.transaction().execute((trx) => reportGenerator({ trx, actor: null, ip: null, correlationId: "backup" },
      { kind: "water_quality", period: "2022-05", trigger: "schedule", now: new Date(), files: new FileStore(filesDir) }));
    await insertRecipient(source.db, { email: "office@example.gov.cn", name: "攻坚办", kinds: ["water_quality"], createdBy: null });
  });
  afterAll(async () => {
    await source.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(["postgres", "pglite"] as const)("restores a PGlite backup into %s with zero differences, files included", async (engine) => {
    const file = join(dir, `backup-${engine}.qlb`);
    const summary = await writeBackup(source.db, file, filesDir);
    expect(summary.tables.readings).toBe(demoReadings + 960);
    expect(summary.tables.reports).toBe(1);
    expect(summary.files).toBe(3);
    const target = await createTestDatabase(engine);
    const targetFiles = join(dir, `restored-${engine}`);
    try {
      await restoreBackup(target.db, file, targetFiles);
      expect(await snapshot(target.db)).toEqual(await snapshot(source.db));
      expect(readFileSync(join(targetFiles, "ab", "evidence.pdf"))).toEqual(readFileSync(join(filesDir, "ab", "evidence.pdf")));
      expect((await verifyAudit(target.db)).ok).toBe(true);
      // Serial ids continue after the restored ones.
      await target.db.insertInto("login_attempts").values({ username: "x", ip: "127.0.0.1", success: false }).execute();
      // Restoring again into the now non-empty database is refused and changes nothing.
      const before = await snapshot(target.db);
      await expect(restoreBackup(target.db, file, null)).rejects.toThrow(/empty database/);
      expect(await snapshot(target.db)).toEqual(before);
    } finally {
      await target.close();
    }
  });
});
