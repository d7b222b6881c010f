/**
 * @module Issues a supervision document: takes the next number of the office's series for its kind
 * (domain/supervision/docNumber.ts; a 提醒函 is informal and unnumbered), builds the .docx, stores it as a file and
 * records the document, with an audit entry, in the caller's transaction.
 */
import { audit, type CommandContext } from "../context";
import type { DocumentKind } from "../db/schema";
import { DEFAULT_DOC_SERIES, nextDocNumber, parseDocNumber, type DocSeries } from "../../domain/supervision/docNumber";
import { addDays, toIsoDate } from "../../domain/supervision/days";
import { buildSupervisionDocx, documentTitle, type SupervisionFacts } from "../documents/supervisionDocx";
import { insertFileRow, type FileStore } from "../repositories/file.repository";
import { insertDocument, issuedNumbers, lockSeries } from "../repositories/document.repository";
import { namesOf } from "../repositories/round.repository";
import { NotFound } from "../errors";

/** The issuing office (the seed plan's issuer). */
export const OFFICE_NAME = "中站区污染防治攻坚战领导小组办公室";

/** Which series numbers each kind (keys of {@link DocSeries}); null: unnumbered. */
export const SERIES_OF_KIND: Readonly<Record<DocumentKind, string | null>> = {
  reminder: null,
  notice: "supervision",
  interview: "supervision",
  letter: "letter",
  accountability: "office",
};

/** What to issue. */
export interface DocumentIssuerProps {
  kind: DocumentKind;
  /** The unit addressed. */
  unitId: string;
  /** The task concerned (null for the annual 实施方案). */
  taskId: string | null;
  /** The ladder the document belongs to. */
  ladderId: string | null;
  facts: SupervisionFacts;
  /** When it is issued: the day printed and the year of the number. */
  at: Date;
  /** Where the .docx bytes go. */
  files: FileStore;
  /** 约谈通知 only. */
  interview?: { scheduledFor: string; place: string | null };
  /** The office's series (a setting). */
  series?: DocSeries;
  /** Days the unit has to answer in writing. */
  replyDays?: number;
}

/** Issues the document; returns its row. */
export async function documentIssuer(ctx: CommandContext, p: DocumentIssuerProps) {
  const { units, tasks } = await namesOf(ctx.trx, { taskIds: p.taskId ? [p.taskId] : [], unitIds: [p.unitId] });
  const unitName = units.get(p.unitId);
  if (!unitName) throw NotFound("单位不存在");
  const task = p.taskId ? tasks.get(p.taskId) : undefined;
  const seriesKey = SERIES_OF_KIND[p.kind];
  const series = p.series ?? DEFAULT_DOC_SERIES;
  let numbering: { series: string; year: number; number: number; docNumber: string } | null = null;
  if (seriesKey) {
    const prefix = series[seriesKey];
    await lockSeries(ctx.trx, prefix);
    const docNumber = nextDocNumber(await issuedNumbers(ctx.trx, prefix, Number(toIsoDate(p.at.getTime()).slice(0, 4))), prefix, p.at.getTime());
    const parsed = parseDocNumber(docNumber)!;
    numbering = { series: prefix, year: parsed.year, number: parsed.number, docNumber };
  }
  const issuedOn = toIsoDate(p.at.getTime());
  const input = {
    kind: p.kind,
    docNumber: numbering?.docNumber ?? null,
    issuer: OFFICE_NAME,
    unitName,
    task: task ? { number: task.number, title: task.title } : null,
    facts: p.facts,
    issuedOn,
    replyBy: addDays(issuedOn, p.replyDays ?? 5),
    interview: p.interview,
  };
  const bytes = await buildSupervisionDocx(input);
  const sha256 = p.files.put(bytes);
  await insertFileRow(ctx.trx, { sha256, size: bytes.length, contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" });
  const doc = await insertDocument(ctx.trx, {
    kind: p.kind, series: numbering?.series ?? null, year: numbering?.year ?? null, number: numbering?.number ?? null,
    docNumber: numbering?.docNumber ?? null, unitId: p.unitId, taskId: p.taskId, ladderId: p.ladderId, title: documentTitle(input),
    facts: { ...p.facts, issuedOn, replyBy: input.replyBy, ...(p.interview ? { interview: p.interview } : {}) },
    fileSha256: sha256, issuedAt: p.at, issuedBy: ctx.actor?.id ?? null,
  });
  await audit(ctx, {
    action: "document.issue",
    entityType: "document",
    entityId: doc.id,
    unitId: p.unitId,
    data: { kind: p.kind, docNumber: doc.doc_number, title: doc.title, taskId: p.taskId, ladderId: p.ladderId, sha256 },
  });
  return doc;
}
