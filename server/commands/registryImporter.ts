/**
 * @module Imports a checked registry sheet (server/registries/importCheck.ts) in the caller's one transaction:
 * every planned row is created or updated through the registry's own save command (so each record gets its own
 * audit entry), then one entry records the import itself. A row the save refuses aborts the whole import — the
 * error names the row — so a file is imported completely or not at all.
 */
import { audit, type CommandContext } from "../context";
import { AppError, ValidationError } from "../errors";
import type { AnyRegistryModule } from "../registries/definition";
import type { CheckedImport } from "../registries/importCheck";

/** What to import. */
export interface ImporterProps {
  module: AnyRegistryModule;
  checked: CheckedImport;
}

/** Stores every row or none; returns the counts. */
export async function registryImporter(ctx: CommandContext, p: ImporterProps) {
  const { report, plan } = p.checked;
  if (!report.clean) {
    const issues = report.fileError
      ? [{ path: "file", message: report.fileError }]
      : report.errors.map((e) => ({ path: `rows.${e.row}`, message: `第 ${e.row} 行：${e.reasons.join("；")}` }));
    throw ValidationError(issues, report.fileError ?? `有 ${report.errors.length} 行有误，未导入任何数据`);
  }
  const ids: string[] = [];
  for (const r of plan) {
    try {
      const saved = await p.module.save(ctx, r.existing, r.input);
      ids.push(saved.id);
    } catch (e) {
      // The transaction is rolled back by the caller; say which row it was.
      if (e instanceof AppError && (e.id === "validation" || e.id === "conflict")) {
        const issues = ((e.data as { issues?: { path: string; message: string }[] } | undefined)?.issues ?? [{ path: "", message: e.message }])
          .map((x) => ({ path: `rows.${r.row}${x.path ? `.${x.path}` : ""}`, message: `第 ${r.row} 行：${x.message}` }));
        throw ValidationError(issues, `第 ${r.row} 行未能保存，未导入任何数据：${issues.map((x) => x.message).join("；")}`);
      }
      throw e;
    }
  }
  await audit(ctx, {
    action: `${p.module.entityType}.import`,
    entityType: p.module.entityType,
    entityId: null,
    data: { fileName: report.fileName, sha256: report.sha256, rows: report.rows, created: report.creates, updated: report.updates, unchanged: report.unchanged },
  });
  return { created: report.creates, updated: report.updates, unchanged: report.unchanged, ids };
}
