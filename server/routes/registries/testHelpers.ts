/**
 * @module Helpers of the registry route tests: binary downloads through a signed-in client (TestClient parses
 * bodies as text), and the users of a small district (the office, two units' staff, a river chief, an auditor).
 * For tests only.
 */
import type { Kysely } from "kysely";
import type { App } from "../../app";
import type { DB } from "../../db/schema";
import { buildUnit, buildUser } from "../../test/factories";
import type { TestClient } from "../../test/testServer";

/** GETs `url` and returns status, headers and the raw bytes. */
export async function download(app: App, client: TestClient, url: string) {
  const res = await app.inject({ method: "GET", url, headers: client.cookie ? { cookie: client.cookie } : {} });
  return { status: res.statusCode, headers: res.headers, bytes: res.rawPayload };
}

/** A small district: the office, 中站生态环境分局 (eco), 府城办事处 (fucheng), and one user per role. */
export async function buildDistrict(db: Kysely<DB>) {
  const office = await buildUnit(db, { name: "区污染防治攻坚战领导小组办公室", kind: "office", aliases: ["区攻坚办"] });
  const eco = await buildUnit(db, { name: "中站生态环境分局", kind: "branch", aliases: ["生态环境分局"] });
  const fucheng = await buildUnit(db, { name: "府城办事处", kind: "subdistrict" });
  const admin = await buildUser(db, { username: "admin", roles: ["office_admin"], unitIds: [office.id] });
  const ecoStaff = await buildUser(db, { username: "eco.staff", roles: ["unit_staff"], unitIds: [eco.id] });
  const fcStaff = await buildUser(db, { username: "fc.staff", roles: ["unit_staff"], unitIds: [fucheng.id] });
  const chief = await buildUser(db, { username: "river.chief", roles: ["river_chief"], unitIds: [fucheng.id] });
  const auditor = await buildUser(db, { username: "auditor", roles: ["auditor"], unitIds: [office.id] });
  return { office, eco, fucheng, admin, ecoStaff, fcStaff, chief, auditor };
}
