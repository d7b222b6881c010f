/**
 * @module Test fixtures of the complaints area: complaints filed through the real command (so routing, encryption
 * and audit run as in production), moved along by the real transitioner, and permissive portal settings.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema";
import { complaintFiler, type ComplaintFilerProps } from "../../commands/complaintFiler";
import { complaintTransitioner } from "../../commands/complaintHandler";
import { writeSetting, portalSettings } from "../../repositories/complaintCatalog.repository";
import { FileStore, SHARED_TEMP_FILES_DIR } from "../../repositories/file.repository";
import type { CommandContext } from "../../context";
import type { TransitionName } from "../../../domain/complaints/states";

/** The files directory test apps use (see buildApp). */
export const TEST_FILES = new FileStore(SHARED_TEMP_FILES_DIR);

/** A 1×1 PNG. */
export const TINY_PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

const system = <T>(db: Kysely<DB>, fn: (ctx: CommandContext) => Promise<T>) =>
  db.transaction().execute((trx) => fn({ trx, actor: { id: null, name: "test" }, ip: null, correlationId: "test" }));

/** Raises the limits and lowers the challenge so a test can post many times from one address. */
export async function relaxPortalLimits(db: Kysely<DB>, difficulty = 4) {
  await writeSetting(db, "portal", { limits: { perAddressPerHour: 10_000, perContactPerDay: 10_000, perKeyPerHour: 10_000, challengeDifficulty: difficulty } });
}

/** Files a complaint (defaults: category sewage, a point on 大沙河, no contact); returns it and the receipt. */
export async function buildComplaint(db: Kysely<DB>, v: Partial<Omit<ComplaintFilerProps, "files" | "settings">> = {}) {
  const settings = await portalSettings(db);
  return system(db, (ctx) => complaintFiler(ctx, {
    categoryCode: "sewage", description: "大沙河桥下排口有黑水直排，气味很大", address: "府城街道大沙河桥", lat: 35.196, lon: 113.171, subject: null,
    anonymous: true, contact: null, wantsReward: false, photos: [], source: "web", open311KeyId: null, ip: "192.0.2.10", at: new Date(),
    ...v, files: TEST_FILES, settings: { ...settings, limits: { ...settings.limits, perAddressPerHour: 1e6, perContactPerDay: 1e6, perKeyPerHour: 1e6 } },
  }));
}

/** Moves a complaint through `steps` (as the office unless `as` says unit). */
export async function moveComplaint(db: Kysely<DB>, id: string, steps: { t: Exclude<TransitionName, "reopen" | "markDuplicate">; unitId?: string; note?: string; confirmed?: boolean }[]) {
  for (const s of steps) {
    await system(db, (ctx) => complaintTransitioner(ctx, { complaintId: id, transition: s.t, as: "office", unitId: s.unitId, note: s.note ?? "已处理", internalNote: null, confirmed: s.confirmed, at: new Date() }));
  }
}
