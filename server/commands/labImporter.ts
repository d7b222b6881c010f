/**
 * @module Imports validated lab results (domain/labImport) as readings — source 'lab', period 'sample' — in the
 * caller's one transaction with one audit entry. While any row is bad nothing is imported, unless the caller chose
 * to skip bad rows; a value already stored for the same point, factor and time is kept (a change to a stored value
 * is a correction, with a reason, not a re-import).
 */
import type { NewReading } from "../db/schema";
import type { LabReading, LabRowError } from "../../domain/labImport/validate";
import { audit, type CommandContext } from "../context";
import { ValidationError } from "../errors";
import { insertReadings } from "../repositories/reading.repository";

/** What to import. */
export interface LabImporterProps {
  /** Name of the uploaded file, for the audit entry. */
  fileName: string;
  /** SHA-256 of the file content, so the audit entry identifies exactly what was imported. */
  sha256: string;
  readings: LabReading[];
  errors: LabRowError[];
  /** Import the good rows even though some rows are bad. */
  skipErrors: boolean;
  /** Called after each stored chunk (the CLI draws a progress bar). */
  onProgress?: (done: number, total: number) => void;
}

/** The outcome. */
export interface LabImportResult {
  /** Readings stored now. */
  inserted: number;
  /** Readings already stored for the same point, factor and time (kept as they were). */
  duplicates: number;
  /** Bad rows left out (only with skipErrors). */
  skippedRows: number;
}

/** Rows per insert call: small enough for the progress bar to move on a 100k-row file. */
const CHUNK = 2000;

/** Imports the readings; throws a validation error listing the bad rows unless `skipErrors`. */
export async function labImporter(ctx: CommandContext, p: LabImporterProps): Promise<LabImportResult> {
  if (p.errors.length && !p.skipErrors) {
    throw ValidationError(
      p.errors.map((e) => ({ path: `rows.${e.row}`, message: `第 ${e.row} 行：${e.reasons.join("；")}` })),
      `文件中有 ${p.errors.length} 行错误，未导入任何数据`,
    );
  }
  const rows: NewReading[] = p.readings.map((r) => ({
    point_id: r.pointId,
    factor: r.factor,
    period: "sample",
    t: r.t,
    value: r.value,
    flag: null,
    source: "lab",
    below_dl: r.belowDl,
    detection_limit: r.detectionLimit,
    original_value: r.originalValue,
    original_unit: r.originalUnit,
    min_value: null,
    max_value: null,
    cou_value: null,
    device_mn: null,
    packet_qn: null,
    author_id: ctx.actor?.id ?? null,
    reason: null,
    note: r.note,
  }));
  let inserted = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    inserted += await insertReadings(ctx.trx, rows.slice(i, i + CHUNK));
    p.onProgress?.(Math.min(i + CHUNK, rows.length), rows.length);
  }
  // A loop, not Math.min(...times): spreading 100k arguments overflows the stack.
  let from = Infinity;
  let to = -Infinity;
  for (const r of p.readings) {
    from = Math.min(from, r.t.getTime());
    to = Math.max(to, r.t.getTime());
  }
  const result = { inserted, duplicates: rows.length - inserted, skippedRows: p.skipErrors ? p.errors.length : 0 };
  await audit(ctx, {
    action: "reading.lab_import",
    entityType: "reading",
    data: {
      fileName: p.fileName,
      sha256: p.sha256,
      ...result,
      points: [...new Set(p.readings.map((r) => r.pointId))],
      from: p.readings.length ? new Date(from).toISOString() : null,
      to: p.readings.length ? new Date(to).toISOString() : null,
      skippedRowNumbers: p.skipErrors ? p.errors.map((e) => e.row) : [],
    },
  });
  return result;
}
