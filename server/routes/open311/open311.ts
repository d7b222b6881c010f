/**
 * @module Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2) under /api/open311/v2: service discovery, GET
 * services and a service definition, POST a request (form-encoded, API key required), GET requests (by ids, codes,
 * dates ≤ 90 days, status; at most 1000), GET one request, GET a request id from a token (services of type
 * `batch`). A POST may also be multipart/form-data with the same fields and one or more `media` files (JPEG/PNG,
 * the portal's photo limits; the media-handling extension): the file is kept as uploaded for staff and its public
 * copy, metadata (EXIF: GPS, time, device) removed, is what `media_url` of GET requests links to. A `media_url`
 * the client sends is kept for staff in the request's attributes, never fetched and never republished.
 * Every resource answers `.xml` or `.json`; errors are the spec's `errors` list with 403 for a missing or
 * wrong api_key, 404 for what does not exist, 400 otherwise. One jurisdiction: a jurisdiction_id other than ours
 * is 404. Public routes (no session); writes are authorised by the key alone.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { publicCommand } from "../public/publicCommand";
import { complaintFiler } from "../../commands/complaintFiler";
import { apiKeyHash } from "../../commands/complaintCatalogSaver";
import { AppError } from "../../errors";
import { presentCategory } from "../../presenters/presentComplaint";
import { findComplaint, findComplaintByToken, latestPublicNotes, listComplaints, listPhotos, type ComplaintView } from "../../repositories/complaint.repository";
import { findCategory, listCategories, portalSettings } from "../../repositories/complaintCatalog.repository";
import { findLiveKey, touchKey } from "../../repositories/reward.repository";
import type { FileStore } from "../../repositories/file.repository";
import { open311Status, type ComplaintState } from "../../../domain/complaints/states";
import type { RouteDeps } from "../types";
import { boundaryOf, MultipartError, parseForm, parseMultipart, toXml, w3, type FormBody } from "./format";

/** Largest multipart body: the portal's largest photo setting (20 MB) and the fields. */
const MULTIPART_LIMIT = 21 * 1024 * 1024;

/** An Open311 error: HTTP status, code and description. */
class Open311Error extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}
const bad = (m: string) => new Open311Error(400, m);
const notFound = (m: string) => new Open311Error(404, m);

const PUBLIC = { config: { public: true } } as const;
type Format = "xml" | "json";

/** The service definition every category shares. */
const ATTRIBUTES = [
  { variable: true, code: "SUBJECT", datatype: "string", required: false, datatype_description: "企业、单位或场所名称", order: 1, description: "被投诉的企业或单位（如知道）", values: [] as { key: string; name: string }[] },
  { variable: true, code: "ANONYMOUS", datatype: "singlevaluelist", required: false, datatype_description: null, order: 2, description: "是否对承办单位保密举报人身份", values: [{ key: "yes", name: "保密" }, { key: "no", name: "不保密" }] },
];

/** Registers the Open311 endpoints in their own scope (the only place form-encoded bodies are parsed). */
export function open311Routes(app: FastifyInstance, { db, readDb }: RouteDeps, files: FileStore) {
  app.register(async (scope) => {
    scope.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string", bodyLimit: 64 * 1024 }, (_req, body, done) => done(null, parseForm(String(body))));
    scope.addContentTypeParser("multipart/form-data", { parseAs: "buffer", bodyLimit: MULTIPART_LIMIT }, (req, body, done) => {
      const boundary = boundaryOf(req.headers["content-type"]);
      try {
        if (!boundary) throw new MultipartError("multipart/form-data without a boundary");
        done(null, parseMultipart(body as Buffer, boundary));
      } catch (e) {
        if (e instanceof MultipartError) done(null, { malformed: e.message });
        else done(e as Error);
      }
    });

    const send = (reply: FastifyReply, format: Format, root: string, value: unknown, status = 200) =>
      format === "xml"
        ? reply.status(status).type("text/xml; charset=utf-8").send(toXml(root, value))
        : reply.status(status).type("application/json; charset=utf-8").send(JSON.stringify(value));

    const formatOf = (req: FastifyRequest): Format => {
      const f = (req.params as { format?: string }).format;
      if (f === "xml" || f === "json") return f;
      throw notFound("format must be xml or json");
    };

    scope.setErrorHandler((err: Error & { statusCode?: number }, req, reply) => {
      const f = (req.params as { format?: string } | undefined)?.format === "json" ? "json" : "xml";
      const status = err instanceof Open311Error ? err.status : err instanceof AppError ? (err.status === 429 ? 429 : err.status >= 500 ? 500 : 400) : err.statusCode === 413 || err.statusCode === 415 ? err.statusCode : 500;
      if (status >= 500) req.log.error({ err }, "open311 failed");
      const description = err instanceof AppError && err.id === "validation" ? `${err.message}: ${((err.data as { issues: { path: string; message: string }[] }).issues ?? []).map((i) => `${i.path.replace(/^photos/, "media")} ${i.message}`).join("; ")}` : status >= 500 ? "internal error" : err.message;
      return send(reply, f, "errors", [{ code: status, description }], status);
    });

    /** Checks jurisdiction_id when given: this endpoint serves one jurisdiction. */
    const jurisdiction = async (req: FastifyRequest, given: string | undefined) => {
      const s = await portalSettings(readDb);
      if (given !== undefined && given !== "" && given !== s.jurisdictionId) throw notFound(`jurisdiction_id ${given} not found`);
      return s;
    };
    const query = (req: FastifyRequest) => req.query as Record<string, string | undefined>;
    const origin = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

    scope.get("/api/open311/v2/discovery.:format", PUBLIC, async (req, reply) => {
      const format = formatOf(req);
      const s = await jurisdiction(req, query(req).jurisdiction_id);
      return send(reply, format, "discovery", {
        changeset: "2024-01-01T00:00:00+08:00", contact: "区污染防治攻坚战领导小组办公室", key_service: "向区攻坚办申请 API 密钥",
        endpoints: [{ specification: "http://wiki.open311.org/GeoReport_v2", url: `${origin(req)}/api/open311/v2`, changeset: "2024-01-01T00:00:00+08:00", type: "production", formats: ["text/xml", "application/json"], jurisdiction_id: s.jurisdictionId }],
      });
    });

    scope.get("/api/open311/v2/services.:format", PUBLIC, async (req, reply) => {
      const format = formatOf(req);
      await jurisdiction(req, query(req).jurisdiction_id);
      const list = (await listCategories(readDb)).map((c) => presentCategory(c, true));
      return send(reply, format, "services", list.map((c) => ({
        service_code: c.code, service_name: c.name, description: c.description, metadata: true, type: c.open311Type, keywords: c.keywords, group: c.group,
      })));
    });

    scope.get("/api/open311/v2/services/:code.:format", PUBLIC, async (req, reply) => {
      const format = formatOf(req);
      await jurisdiction(req, query(req).jurisdiction_id);
      const { code } = req.params as { code: string };
      const c = await findCategory(readDb, code);
      if (!c || !c.active) throw notFound(`service_code ${code} not found`);
      // JSON: the attribute list as an array; XML: <attributes><attribute>…</attribute></attributes>.
      return send(reply, format, "service_definition", { service_code: c.code, attributes: ATTRIBUTES });
    });

    scope.post("/api/open311/v2/requests.:format", PUBLIC, async (req, reply) => {
      const format = formatOf(req);
      const body = req.body as FormBody | { malformed: string } | undefined;
      if (body && "malformed" in body) throw bad(body.malformed);
      if (!body || !("fields" in body)) throw bad("Content-Type must be application/x-www-form-urlencoded or multipart/form-data");
      const f = body.fields;
      const stray = body.files.find((x) => x.field !== "media");
      if (stray) throw bad(`unexpected file field ${stray.field}: media files go in the media field`);
      const key = f.api_key ? await findLiveKey(db, apiKeyHash(f.api_key)) : undefined;
      if (!key) throw new Open311Error(403, f.api_key ? "Invalid api_key received -- can't proceed with create_request." : "api_key was not provided");
      const settings = await jurisdiction(req, f.jurisdiction_id);
      if (!f.service_code) throw bad("service_code was not provided");
      const category = await findCategory(db, f.service_code);
      if (!category || !category.active) throw notFound(`service_code ${f.service_code} not found`);
      const lat = f.lat !== undefined && f.lat !== "" ? Number(f.lat) : null;
      const lon = f.long !== undefined && f.long !== "" ? Number(f.long) : null;
      if ((lat === null) !== (lon === null) || (lat !== null && (!Number.isFinite(lat) || Math.abs(lat) > 90 || !Number.isFinite(lon!) || Math.abs(lon!) > 180))) throw bad("lat and long must both be given as WGS84 degrees");
      if (lat === null && !f.address_string && !f.address_id) throw bad("a location is required: lat & long, address_string or address_id");
      const description = (f.description ?? "").trim();
      if (description.length > 4000) throw bad("description is limited to 4,000 characters");
      if (description.length < 5) throw bad("description is required (at least 5 characters)");
      const attrs = body.attributes;
      const name = [f.last_name, f.first_name].filter(Boolean).join("") || null;
      const now = new Date();
      const r = await publicCommand(db, req, async (ctx) => {
        const filed = await complaintFiler(ctx, {
          categoryCode: category.code, description, address: f.address_string || (f.address_id ? `地址编号 ${f.address_id}` : null), lat, lon,
          subject: typeof attrs.SUBJECT === "string" ? attrs.SUBJECT : null, anonymous: attrs.ANONYMOUS !== "no",
          contact: name || f.phone || f.email ? { name, phone: f.phone || null, email: f.email || null } : null, wantsReward: false, photos: body.files.map((x) => x.bytes),
          source: "open311", open311KeyId: key.id, ip: req.ip, at: now, files, settings,
          attributes: { open311: { attributes: attrs, media_url: f.media_url ?? null, device_id: f.device_id ?? null, account_id: f.account_id ?? null, address_id: f.address_id ?? null } },
        });
        await touchKey(ctx.trx, key.id, now);
        return filed;
      }, `Open311：${key.name}`);
      const notice = `${category.unit_name ?? "区攻坚办"}将于${category.deadline_days}日内办理`;
      const item = r.complaint.open311_token
        ? { token: r.complaint.open311_token, service_notice: notice, account_id: null }
        : { service_request_id: r.complaint.number, service_notice: notice, account_id: null };
      return send(reply, format, "service_requests", [item]);
    });

    const present = async (req: FastifyRequest, rows: ComplaintView[]) => {
      const [photos, notes] = await Promise.all([listPhotos(readDb, rows.map((r) => r.id)), latestPublicNotes(readDb, rows.map((r) => r.id))]);
      const out = [];
      for (const c of rows) {
        const photo = photos.find((p) => p.complaint_id === c.id);
        out.push({
          service_request_id: c.number, status: open311Status(c.state), status_notes: notes.get(c.id) ?? null,
          service_name: c.category_name, service_code: c.category_code, description: c.hidden ? null : c.public_description,
          agency_responsible: c.unit_name, service_notice: null, requested_datetime: w3(c.received_at), updated_datetime: w3(c.updated_at),
          expected_datetime: w3(c.due_at), address: c.address, address_id: null, zipcode: null,
          lat: c.lat === null ? null : Math.round(c.lat * 1000) / 1000, long: c.lon === null ? null : Math.round(c.lon * 1000) / 1000,
          media_url: photo && !c.hidden ? `${origin(req)}/api/public/complaints/${c.number}/photos/${photo.sort}` : null,
        });
      }
      return out;
    };
    const parseW3 = (name: string, v: string | undefined) => {
      if (v === undefined || v === "") return undefined;
      if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v) || Number.isNaN(Date.parse(v))) throw bad(`${name} must be a W3C date-time with a time zone, e.g. 2010-01-01T00:00:00Z`);
      return new Date(v);
    };

    scope.get("/api/open311/v2/requests.:format", PUBLIC, async (req, reply) => {
      const format = formatOf(req);
      const q = query(req);
      await jurisdiction(req, q.jurisdiction_id);
      let rows: ComplaintView[];
      if (q.service_request_id) {
        rows = await listComplaints(readDb, { numbers: q.service_request_id.split(",").map((s) => s.trim()).filter(Boolean).slice(0, 1000) });
      } else {
        const start = parseW3("start_date", q.start_date);
        const end = parseW3("end_date", q.end_date);
        const to = end ?? (start ? new Date(start.getTime() + 90 * 86_400_000) : new Date());
        const from = start ?? new Date(to.getTime() - 90 * 86_400_000);
        if (from > to) throw bad("start_date is after end_date");
        if (to.getTime() - from.getTime() > 90 * 86_400_000) throw bad("start_date and end_date may not span more than 90 days");
        const statuses = q.status ? q.status.split(",").map((s) => s.trim()) : [];
        if (statuses.some((s) => s !== "open" && s !== "closed")) throw bad("status must be open or closed");
        const states: ComplaintState[] | undefined = statuses.length === 1 ? (statuses[0] === "open" ? ["received", "dispatched", "investigating"] : ["resolved", "closed_not_fixed", "duplicate", "invalid"]) : undefined;
        const codes = q.service_code ? q.service_code.split(",").map((s) => s.trim()) : null;
        rows = (await listComplaints(readDb, { states, from, to: new Date(to.getTime() + 1), publicOnly: true, limit: 1000 }))
          .filter((c) => !codes || codes.includes(c.category_code));
      }
      return send(reply, format, "service_requests", await present(req, rows));
    });

    scope.get("/api/open311/v2/requests/:id.:format", PUBLIC, async (req, reply) => {
      const format = formatOf(req);
      await jurisdiction(req, query(req).jurisdiction_id);
      const { id } = req.params as { id: string };
      const [c] = /^\d{4}-\d{6}$/.test(id) ? await listComplaints(readDb, { numbers: [id] }) : [];
      if (!c) throw notFound(`service_request_id ${id} not found`);
      return send(reply, format, "service_requests", await present(req, [c]));
    });

    scope.get("/api/open311/v2/tokens/:token.:format", PUBLIC, async (req, reply) => {
      const format = formatOf(req);
      await jurisdiction(req, query(req).jurisdiction_id);
      const { token } = req.params as { token: string };
      const c = /^[A-Za-z0-9_-]{8,40}$/.test(token) ? await findComplaintByToken(readDb, token) : undefined;
      if (!c) throw notFound(`token ${token} not found`);
      const view = await findComplaint(readDb, c.id);
      return send(reply, format, "service_requests", [{ service_request_id: view!.number, token }]);
    });
  });
}
