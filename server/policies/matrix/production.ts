/**
 * @module Authorization matrix rows of one area — Production (issue 7): the monthly reports, their downloads, the
 * mailing list and the public water-quality reports. See ./area.ts for the format. Fixture: a water-quality report
 * of 2024-05 (the base section has a reading that month) and a pool of recipients, one handed to each delete.
 */
import { defineMatrixArea } from "./area";
import { reportGenerator } from "../../commands/reportGenerator";
import { FileStore, SHARED_TEMP_FILES_DIR } from "../../repositories/file.repository";
import { insertRecipient } from "../../repositories/report.repository";

/** Ids of the fixture. */
interface Fixture {
  reportId: string;
  /** Recipients nobody deleted yet, one per delete request. */
  recipients: string[];
}

/** The area's rows, fixtures and requests. */
export const productionMatrix = defineMatrixArea<Fixture>({
  name: "production",
  table: `
GET /api/reports                          D A A A A A A
GET /api/reports/:id/:format              D A A A A A A
POST /api/reports                         D A D D D D D
POST /api/reports/:id/mail                D A D D D D D
GET /api/reports/recipients               D A D D D D D
POST /api/reports/recipients              D A D D D D D
DELETE /api/reports/recipients/:id        D A D D D D D
GET /api/public/reports                   A A A A A A A
GET /api/public/reports/:id/:format       A A A A A A A
`,
  async fixture(base) {
    const files = new FileStore(SHARED_TEMP_FILES_DIR);
    const report = await base.db.transaction().execute((trx) =>
      reportGenerator({ trx, actor: null, ip: null, correlationId: "matrix" }, { kind: "water_quality", period: "2024-05", trigger: "schedule", now: new Date(), files }));
    const recipients: string[] = [];
    for (let i = 0; i < 10; i++) recipients.push((await insertRecipient(base.db, { email: `pool${i}@example.gov.cn`, name: `收件人${i}`, kinds: ["water_quality"], createdBy: null })).id);
    return { reportId: report.id, recipients };
  },
  requests: {
    "GET /api/reports": () => ({ url: "/api/reports" }),
    "GET /api/reports/:id/:format": (f) => ({ url: `/api/reports/${f.reportId}/docx` }),
    "POST /api/reports": () => ({ url: "/api/reports", body: { kind: "water_quality", period: "2024-05" } }),
    // No SMTP server in this harness: the authorized call is refused with mail.not_configured.
    "POST /api/reports/:id/mail": (f) => ({ url: `/api/reports/${f.reportId}/mail`, body: {}, allowStatus: 409 }),
    "GET /api/reports/recipients": () => ({ url: "/api/reports/recipients" }),
    "POST /api/reports/recipients": (_f, _b, n) => ({ url: "/api/reports/recipients", body: { email: `matrix${n}@example.gov.cn`, name: `收件人${n}`, kinds: ["water_quality"] } }),
    "DELETE /api/reports/recipients/:id": (f) => ({ url: `/api/reports/recipients/${f.recipients.shift()}` }),
    "GET /api/public/reports": () => ({ url: "/api/public/reports" }),
    "GET /api/public/reports/:id/:format": (f) => ({ url: `/api/public/reports/${f.reportId}/xlsx` }),
  },
});
