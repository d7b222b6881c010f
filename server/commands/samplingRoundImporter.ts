/**
 * @module Imports a checked sampling round of a black-odorous body (domain/blackOdorous/samplingSheet.ts) and grades
 * it by the 2015 guide (point rule, ≥ 3 consecutive 重度 points, ≥ 60% 重度 points, shallow-water transparency;
 * domain/blackOdorous/waterBody.ts): the round, its results and the original file are stored, the body's latest
 * grade is updated, and — when the body was eliminated or 长制久清 and the round is black-odorous again — the
 * 返黑返臭 is raised (relapseRaiser). One transaction: a file with any bad row stores nothing.
 */
import { audit, type CommandContext } from "../context";
import { ValidationError } from "../errors";
import { gradeWaterBody } from "../../domain/blackOdorous/waterBody";
import { pointsOf, type SamplingCheck } from "../../domain/blackOdorous/samplingSheet";
import { detectRelapse } from "../../domain/blackOdorous/relapse";
import { dayNumber } from "../../domain/supervision/days";
import type { BlackOdorousBodyRow } from "../db/tables/registries";
import { insertRound, updateBody } from "../repositories/blackOdorous.repository";
import { insertFileRow, type FileStore } from "../repositories/file.repository";
import { XLSX_TYPE } from "../registries/sheetFile";
import { relapseRaiser } from "./relapseRaiser";

/** What to import. */
export interface RoundImporterProps {
  /** The body, locked by the caller. */
  body: BlackOdorousBodyRow;
  check: SamplingCheck;
  fileName: string;
  /** The uploaded file, kept as evidence (null: rounds entered without a file, e.g. the demo seed). */
  bytes: Buffer | null;
  files: FileStore | null;
  /** The local day of the import (due date of a relapse task). */
  today: string;
}

/** Stores and grades the round; returns it with the relapse raised, if any. */
export async function samplingRoundImporter(ctx: CommandContext, p: RoundImporterProps) {
  const c = p.check;
  if (c.fileError || c.errors.length || !c.sampledFrom || !c.sampledTo) {
    const message = c.fileError ?? (c.errors.length ? `有 ${c.errors.length} 行有误，未导入任何数据` : "文件中没有数据行");
    throw ValidationError(c.fileError ? [{ path: "file", message }] : c.errors.map((e) => ({ path: `rows.${e.row}`, message: `第 ${e.row} 行：${e.reasons.join("；")}` })), message);
  }
  const grade = gradeWaterBody(pointsOf(c.samples));
  const finding = detectRelapse({ id: p.body.id, name: p.body.name, status: p.body.status, statusSince: p.body.status_since }, c.sampledTo, grade);
  const sha256 = p.bytes && p.files ? p.files.put(p.bytes) : null;
  if (sha256 && p.bytes) await insertFileRow(ctx.trx, { sha256, size: p.bytes.length, contentType: XLSX_TYPE });
  const round = await insertRound(
    ctx.trx,
    { bodyId: p.body.id, from: c.sampledFrom, to: c.sampledTo, grade: grade.grade, result: grade, fileName: p.fileName, sha256, relapse: finding !== null, importedBy: ctx.actor?.id ?? null },
    c.samples,
  );
  // A round sampled before the newest one (a late file) does not replace the body's latest grade.
  let body = p.body;
  if (!body.latest_sampled_to || dayNumber(c.sampledTo) >= dayNumber(body.latest_sampled_to))
    body = await updateBody(ctx.trx, body.id, { latest_grade: grade.grade, latest_sampled_to: c.sampledTo });
  await audit(ctx, {
    action: "black_odorous_body.round",
    entityType: "black_odorous_body",
    entityId: body.id,
    unitId: body.unit_id,
    data: {
      roundId: round.id, fileName: p.fileName, sha256, sampledFrom: c.sampledFrom, sampledTo: c.sampledTo, grade: grade.grade,
      points: grade.points.length, samples: c.samples.length, reasons: grade.reasons.map((r) => r.zh), warnings: grade.warnings.map((w) => w.zh),
    },
  });
  const relapse = finding ? await relapseRaiser(ctx, { body, finding, roundId: round.id, today: p.today }) : null;
  return { round, grade, relapse, body: relapse?.body ?? body };
}
