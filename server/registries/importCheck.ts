/**
 * @module Checks a registry .xlsx before anything is stored: the file must really be an .xlsx workbook (sniffed),
 * every row is read (domain/registries/sheet.ts), validated by the registry's own create or update schema, matched
 * to an existing record by its key, and checked against the actor's permissions (a unit imports only its own
 * records). The result is a row-level report and, when it is clean, the plan the importer carries out.
 */
import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema";
import type { Actor } from "../policies/cancan";
import { canCreateRecord, registryPolicy } from "../policies/registry.policy";
import { parseSheet, type SheetRowError } from "../../domain/registries/sheet";
import { sniffType } from "../documents/sniff";
import type { AnyRegistryModule, RegistryRecord } from "./definition";
import { readSheetXlsx } from "./sheetFile";

/** One row to store. */
export interface PlannedRow {
  row: number;
  existing: RegistryRecord | undefined;
  input: Record<string, unknown>;
}

/** The report of a checked file. */
export interface ImportReport {
  fileName: string;
  sha256: string;
  fileError: string | null;
  /** Data rows in the file. */
  rows: number;
  /** New records. */
  creates: number;
  /** Changed records. */
  updates: number;
  /** Rows identical to the stored record (nothing to do). */
  unchanged: number;
  errors: SheetRowError[];
  /** Nothing wrong: an import would store every row. */
  clean: boolean;
}

/** A checked file: report and plan. */
export interface CheckedImport {
  report: ImportReport;
  plan: PlannedRow[];
}

const blank = (v: unknown) => v === null || v === undefined || v === "";
const same = (a: unknown, b: unknown) => (blank(a) && blank(b)) || JSON.stringify(a) === JSON.stringify(b);

/** Checks `bytes` as an import of `module` by `actor`. Reads only; `db` may be the import's transaction. */
export async function checkImport(db: Kysely<DB>, module: AnyRegistryModule, actor: Actor, fileName: string, bytes: Buffer): Promise<CheckedImport> {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const empty = (fileError: string): CheckedImport => ({
    report: { fileName, sha256, fileError, rows: 0, creates: 0, updates: 0, unchanged: 0, errors: [], clean: false },
    plan: [],
  });
  if (!/\.xlsx$/i.test(fileName.trim()) || sniffType(bytes) !== "xlsx") return empty("只支持 .xlsx 文件（请使用下载的模板；.xls 请另存为 .xlsx）");
  let table: string[][];
  try {
    table = await readSheetXlsx(bytes, module.sheet.spec.sheetName);
  } catch {
    return empty("无法读取 Excel 文件");
  }
  const spec = module.sheet.spec;
  const refs = await module.sheet.refs(db);
  const parsed = parseSheet(spec, table, refs);
  if (parsed.fileError) return empty(parsed.fileError);
  const errors = [...parsed.errors];
  const header = (key: string) => spec.columns.find((c) => c.key === key)?.header ?? key;
  const plan: PlannedRow[] = [];
  let creates = 0;
  let updates = 0;
  let unchanged = 0;
  const existingRows = await Promise.all(parsed.good.map((g) => module.findByKey(db, g.values)));
  const scopes = await module.scope(db, existingRows.filter((r): r is RegistryRecord => Boolean(r)));
  for (const [i, g] of parsed.good.entries()) {
    const existing = existingRows[i];
    const schema = existing ? module.updateSchema : module.createSchema;
    const result = schema.safeParse(g.values);
    const fail = (reasons: string[]) =>
      errors.push({ row: g.row, reasons, cells: Object.fromEntries(spec.columns.map((c) => [c.header, g.values[c.key] === null ? "" : String(g.values[c.key])])) });
    if (!result.success) {
      fail(result.error.issues.map((x) => `${x.path.length ? header(String(x.path[0])) : "行"}：${x.message}`));
      continue;
    }
    const input = result.data as Record<string, unknown>;
    const newUnit = await module.unitOf({ ...(existing ? module.sheet.toValues(existing) : {}), ...input }, db);
    if (existing) {
      const scope = scopes.get(existing.id) ?? { unitId: existing.unit_id };
      if (!registryPolicy.update(actor, scope)) { fail(["没有权限修改这条已有记录（只能修改本单位的记录）"]); continue; }
      if (newUnit !== existing.unit_id && !canCreateRecord(actor, newUnit)) { fail(["不能把记录转给其他单位"]); continue; }
      const stored = module.sheet.toValues(existing);
      if (spec.columns.every((c) => same(stored[c.key], g.values[c.key]))) { unchanged++; continue; }
      updates++;
    } else {
      const allowed = module.canCreate ? await module.canCreate(db, actor, input) : canCreateRecord(actor, newUnit);
      if (!allowed) { fail(["没有权限为该单位新增记录（只能新增本单位的记录）"]); continue; }
      creates++;
    }
    plan.push({ row: g.row, existing, input });
  }
  errors.sort((a, b) => a.row - b.row);
  return {
    report: { fileName, sha256, fileError: null, rows: parsed.rows, creates, updates, unchanged, errors, clean: errors.length === 0 },
    plan,
  };
}
