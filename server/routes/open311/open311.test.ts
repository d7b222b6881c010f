import { readFileSync } from "node:fs";
import exifr from "exifr";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../test/testDatabase";
import { createTestServer, TestClient, type TestServer } from "../../test/testServer";
import { buildUnit, buildUser } from "../../test/factories";
import { boundaryOf, MultipartError, parseForm, parseMultipart, toXml, w3 } from "./format";

const GPS_JPEG = readFileSync(new URL("../../documents/fixtures/photo-gps.jpg", import.meta.url));

/** A multipart/form-data body as a phone client sends it (RFC 7578), fields first, then files. */
function multipart(boundary: string, fields: [string, string][], files: { field: string; fileName: string; type: string; bytes: Buffer }[]) {
  const parts: Buffer[] = [];
  for (const [k, v] of fields) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.fileName}"\r\nContent-Type: ${f.type}\r\n\r\n`), f.bytes, Buffer.from("\r\n"));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(parts);
}

/**
 * Open311 GeoReport v2 checked against the examples of the specification (wiki.open311.org/GeoReport_v2): the
 * shapes of the example responses (element names, nesting, JSON arrays), the example POST body, the error format
 * and status codes, the 90-day window of GET requests, and tokens of batch services.
 */

/** A tiny reader of the API's XML (no attributes, no mixed content): element → string or child list. */
type X = { tag: string; text: string | null; children: X[] };
function readXml(xml: string): X {
  expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n')).toBe(true);
  const tokens = xml.replace(/^<\?xml[^>]*\?>\s*/, "").match(/<\/?[a-z_]+\/?>|[^<]+/g)!.filter((t) => t.trim() !== "");
  let i = 0;
  const node = (): X => {
    const open = tokens[i++];
    const tag = /^<([a-z_]+)\/?>$/.exec(open)![1];
    if (open.endsWith("/>")) return { tag, text: null, children: [] };
    const children: X[] = [];
    let text: string | null = null;
    while (tokens[i] !== `</${tag}>`) {
      if (tokens[i].startsWith("<")) children.push(node());
      else text = tokens[i++].replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
    }
    i++;
    return { tag, text, children };
  };
  return node();
}
const child = (x: X, tag: string) => x.children.find((c) => c.tag === tag);

describe("Open311 formats", () => {
  it("writes the spec's XML shape with escaping", () => {
    const xml = toXml("services", [{ service_code: "001", service_name: "Cans left out 24x7", metadata: true, keywords: "a<b & c" }]);
    expect(xml).toBe('<?xml version="1.0" encoding="utf-8"?>\n<services>\n  <service>\n    <service_code>001</service_code>\n    <service_name>Cans left out 24x7</service_name>\n    <metadata>true</metadata>\n    <keywords>a&lt;b &amp; c</keywords>\n  </service>\n</services>\n');
    expect(toXml("service_requests", [{ service_request_id: "1", account_id: null }])).toContain("<account_id/>");
  });
  it("reads the spec's example POST body, attributes included", () => {
    const f = parseForm("api_key=xyz&jurisdiction_id=city.gov&service_code=001&lat=37.76524078&long=-122.4212043&address_string=1234+5th+street&email=smit333%40sfgov.edu&device_id=tt222111&account_id=123456&first_name=john&last_name=smith&phone=111111111&description=A+large+sinkhole+is+destroying+the+street&media_url=http%3A%2F%2Ffarm3.static.flickr.com%2F2002%2F2212426634_5ed477a060.jpg&attribute[WHISPAWN]=123456&attribute[WHISDORN]=COISL001&attribute[MULTI][]=a&attribute[MULTI][]=b");
    expect(f.fields).toMatchObject({ api_key: "xyz", address_string: "1234 5th street", email: "smit333@sfgov.edu", description: "A large sinkhole is destroying the street", media_url: "http://farm3.static.flickr.com/2002/2212426634_5ed477a060.jpg" });
    expect(f.attributes).toEqual({ WHISPAWN: "123456", WHISDORN: "COISL001", MULTI: ["a", "b"] });
  });
  it("reads a multipart body: the example's fields, attributes and a media file byte for byte", () => {
    const bytes = Buffer.from([0xff, 0xd8, 0x0d, 0x0a, 0x2d, 0x2d, 0xff, 0xd9]);
    const raw = multipart("XyZ", [["api_key", "xyz"], ["description", "A large sinkhole is destroying the street"], ["attribute[WHISPAWN]", "123456"], ["attribute[MULTI][]", "a"], ["attribute[MULTI][]", "b"], ["address_string", "府城街道"]], [{ field: "media", fileName: "hole.jpg", type: "image/jpeg", bytes }]);
    expect(boundaryOf('multipart/form-data; boundary="XyZ"')).toBe("XyZ");
    expect(boundaryOf("multipart/form-data; charset=utf-8; boundary=XyZ")).toBe("XyZ");
    const f = parseMultipart(raw, "XyZ");
    expect(f.fields).toEqual({ api_key: "xyz", description: "A large sinkhole is destroying the street", address_string: "府城街道" });
    expect(f.attributes).toEqual({ WHISPAWN: "123456", MULTI: ["a", "b"] });
    // CR LF and "--" inside the file do not end it.
    expect(f.files).toEqual([{ field: "media", fileName: "hole.jpg", contentType: "image/jpeg", bytes }]);
    expect(() => parseMultipart(raw.subarray(0, raw.length - 12), "XyZ")).toThrow(MultipartError);
    expect(() => parseMultipart(raw, "other")).toThrow(MultipartError);
  });
  it("formats W3C date-times with the offset", () => {
    expect(w3(new Date("2010-04-14T14:37:38Z"))).toBe("2010-04-14T22:37:38+08:00");
  });
});

describe.each(ENGINES)("Open311 GeoReport v2 on %s", (engine) => {
  let s: TestServer;
  let key: string;
  beforeAll(async () => {
    s = await createTestServer(engine);
    const eco = await buildUnit(s.db, { name: "中站生态环境分局" });
    await buildUser(s.db, { username: "admin", roles: ["office_admin"] });
    const admin = await TestClient.signIn(s.app, "admin");
    await admin.patch("/api/complaints/categories/sewage", { unitId: eco.id });
    key = (await admin.post("/api/open311/keys", { name: "12345 热线" })).body.data.key;
  });
  afterAll(() => s.close());

  const get = (url: string) => s.app.inject({ url });
  const form = (url: string, body: string) => s.app.inject({ method: "POST", url, payload: body, headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" } });

  it("GET services: the example's fields in XML and a JSON array", async () => {
    const xml = await get("/api/open311/v2/services.xml?jurisdiction_id=zhongzhan.jiaozuo.gov.cn");
    expect(xml.statusCode).toBe(200);
    expect(xml.headers["content-type"]).toBe("text/xml; charset=utf-8");
    const root = readXml(xml.body);
    expect(root.tag).toBe("services");
    const sewage = root.children.find((c) => child(c, "service_code")?.text === "sewage")!;
    expect(sewage.children.map((c) => c.tag)).toEqual(["service_code", "service_name", "description", "metadata", "type", "keywords", "group"]);
    expect(child(sewage, "metadata")?.text).toBe("true");
    expect(child(sewage, "type")?.text).toBe("realtime");
    const json = JSON.parse((await get("/api/open311/v2/services.json")).body);
    expect(Array.isArray(json)).toBe(true);
    expect(json.find((x: { service_code: string }) => x.service_code === "other")).toMatchObject({ type: "batch", group: "其他" });
  });

  it("GET a service definition: attributes with values, as in the DMV66 example", async () => {
    const root = readXml((await get("/api/open311/v2/services/sewage.xml")).body);
    expect(root.tag).toBe("service_definition");
    expect(child(root, "service_code")?.text).toBe("sewage");
    const attrs = child(root, "attributes")!.children;
    expect(attrs.map((a) => a.tag)).toEqual(["attribute", "attribute"]);
    expect(attrs[1].children.map((c) => c.tag)).toEqual(["variable", "code", "datatype", "required", "datatype_description", "order", "description", "values"]);
    expect(child(attrs[1], "values")!.children.map((v) => [child(v, "key")?.text, child(v, "name")?.text])).toEqual([["yes", "保密"], ["no", "不保密"]]);
    const json = JSON.parse((await get("/api/open311/v2/services/sewage.json")).body);
    expect(json.attributes[1]).toMatchObject({ code: "ANONYMOUS", datatype: "singlevaluelist", datatype_description: null, order: 2 });
    expect((await get("/api/open311/v2/services/nothing.json")).statusCode).toBe(404);
  });

  it("POST a request with the example's fields; then GET it, alone and in a list", async () => {
    const body = `api_key=${key}&jurisdiction_id=zhongzhan.jiaozuo.gov.cn&service_code=sewage&lat=35.19652&long=113.17120&address_string=%E5%BA%9C%E5%9F%8E%E8%A1%97%E9%81%93&email=smit333%40example.com&device_id=tt222111&account_id=123456&first_name=%E4%B8%89&last_name=%E5%BC%A0&phone=13912345678&description=%E5%A4%A7%E6%B2%99%E6%B2%B3%E6%A1%A5%E4%B8%8B%E6%9C%89%E6%B1%A1%E6%B0%B4%E7%9B%B4%E6%8E%92&media_url=http%3A%2F%2Fexample.com%2F1.jpg&attribute[SUBJECT]=%E6%9F%90%E5%8E%82&attribute[ANONYMOUS]=no`;
    const r = await form("/api/open311/v2/requests.xml", body);
    expect(r.statusCode).toBe(200);
    const root = readXml(r.body);
    expect(root.tag).toBe("service_requests");
    const req = root.children[0];
    expect(req.tag).toBe("request");
    expect(req.children.map((c) => c.tag)).toEqual(["service_request_id", "service_notice", "account_id"]);
    const id = child(req, "service_request_id")!.text!;
    expect(id).toMatch(/^\d{4}-\d{6}$/);
    expect(child(req, "service_notice")!.text).toBe("中站生态环境分局将于15日内办理");
    expect(child(req, "account_id")!.text).toBeNull();

    const one = JSON.parse((await get(`/api/open311/v2/requests/${id}.json?jurisdiction_id=zhongzhan.jiaozuo.gov.cn`)).body);
    expect(one).toHaveLength(1);
    expect(Object.keys(one[0])).toEqual(["service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible", "service_notice", "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url"]);
    expect(one[0]).toMatchObject({ service_request_id: id, status: "open", service_code: "sewage", agency_responsible: "中站生态环境分局", lat: 35.197, long: 113.171 });
    expect(one[0].requested_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    // A media_url the client sent is not republished (it is not ours to vouch for); no file, no media_url.
    expect(one[0].media_url).toBeNull();
    // The contact given through Open311 is encrypted like any other, never echoed.
    expect(JSON.stringify(one)).not.toContain("13912345678");

    const now = Date.now();
    const start = new Date(now - 86_400_000).toISOString().slice(0, 19) + "Z";
    const end = new Date(now + 86_400_000).toISOString().slice(0, 19) + "Z";
    const list = readXml((await get(`/api/open311/v2/requests.xml?start_date=${start}&end_date=${end}&status=open&jurisdiction_id=zhongzhan.jiaozuo.gov.cn`)).body);
    expect(list.children.map((c) => child(c, "service_request_id")?.text)).toContain(id);
    // status_notes: the newest answer the reporter reads.
    const admin = await TestClient.signIn(s.app, "admin");
    const [row] = await s.db.selectFrom("complaints").select(["id", "unit_id"]).where("number", "=", id).execute();
    expect((await admin.post(`/api/complaints/${row.id}/transitions`, { transition: "dispatch", unitId: row.unit_id, note: "已转办" })).status).toBe(200);
    const noted = JSON.parse((await get(`/api/open311/v2/requests/${id}.json`)).body);
    expect(noted[0].status_notes).toBe("已转办");
    const closed = JSON.parse((await get(`/api/open311/v2/requests.json?status=closed`)).body);
    expect(closed).toEqual([]);
    const byIds = JSON.parse((await get(`/api/open311/v2/requests.json?service_request_id=${id},2000-000001`)).body);
    expect(byIds.map((x: { service_request_id: string }) => x.service_request_id)).toEqual([id]);
  });

  it("answers errors as the spec's errors list: 403 key, 404 jurisdiction or code, 400 otherwise", async () => {
    const noKey = await form("/api/open311/v2/requests.xml", "service_code=sewage&lat=35.19&long=113.17&description=%E6%9C%89%E6%B1%A1%E6%B0%B4%E6%8E%92%E5%87%BA");
    expect(noKey.statusCode).toBe(403);
    const e = readXml(noKey.body);
    expect(e.tag).toBe("errors");
    expect(child(e.children[0], "code")?.text).toBe("403");
    const wrongKey = JSON.parse((await form("/api/open311/v2/requests.json", "api_key=xyz&service_code=sewage&lat=1&long=1&description=hello world")).body);
    expect(wrongKey).toEqual([{ code: 403, description: "Invalid api_key received -- can't proceed with create_request." }]);
    expect((await get("/api/open311/v2/services.json?jurisdiction_id=city.gov")).statusCode).toBe(404);
    expect((await form("/api/open311/v2/requests.json", `api_key=${key}&service_code=nope&lat=1&long=1&description=hello world`)).statusCode).toBe(404);
    const noPlace = await form("/api/open311/v2/requests.json", `api_key=${key}&service_code=sewage&description=hello world`);
    expect(noPlace.statusCode).toBe(400);
    expect(JSON.parse(noPlace.body)[0].description).toMatch(/location/);
    const tooLong = await form("/api/open311/v2/requests.json", `api_key=${key}&service_code=sewage&address_string=x&description=${"a".repeat(4001)}`);
    expect(tooLong.statusCode).toBe(400);
    const span = await get("/api/open311/v2/requests.json?start_date=2010-01-01T00:00:00Z&end_date=2010-06-01T00:00:00Z");
    expect(span.statusCode).toBe(400);
    expect(JSON.parse(span.body)[0].description).toMatch(/90 days/);
    expect((await get("/api/open311/v2/requests.json?start_date=yesterday")).statusCode).toBe(400);
    expect((await get("/api/open311/v2/requests/2000-000001.json")).statusCode).toBe(404);
    // JSON posts are refused: the spec's POST is form-encoded.
    const asJson = await s.app.inject({ method: "POST", url: "/api/open311/v2/requests.json", payload: { api_key: key }, headers: { "content-type": "application/json" } });
    expect(asJson.statusCode).toBe(400);
  });

  it("a batch service answers a token; the token resolves to the request id", async () => {
    const r = JSON.parse((await form("/api/open311/v2/requests.json", `api_key=${key}&service_code=other&address_string=%E6%96%B0%E6%B2%B3&description=%E6%B2%B3%E9%9D%A2%E6%9C%89%E5%A4%A7%E9%87%8F%E6%B3%A1%E6%B2%AB`)).body);
    expect(Object.keys(r[0]).sort()).toEqual(["account_id", "service_notice", "token"]);
    const t = readXml((await get(`/api/open311/v2/tokens/${r[0].token}.xml`)).body);
    const req = t.children[0];
    expect(req.children.map((c) => c.tag)).toEqual(["service_request_id", "token"]);
    expect(child(req, "token")?.text).toBe(r[0].token);
    expect((await get("/api/open311/v2/tokens/doesnotexist.json")).statusCode).toBe(404);
  });

  it("a revoked key can no longer post", async () => {
    const admin = await TestClient.signIn(s.app, "admin");
    const k = (await admin.post("/api/open311/keys", { name: "临时" })).body.data;
    expect((await form("/api/open311/v2/requests.json", `api_key=${k.key}&service_code=sewage&address_string=x&description=hello world`)).statusCode).toBe(200);
    await admin.post(`/api/open311/keys/${k.id}/revoke`, {});
    expect((await form("/api/open311/v2/requests.json", `api_key=${k.key}&service_code=sewage&address_string=x&description=hello world`)).statusCode).toBe(403);
  });

  it("POST with a media file (multipart): media_url of GET links to the copy without EXIF; bad files are refused", async () => {
    const fields: [string, string][] = [["api_key", key], ["jurisdiction_id", "zhongzhan.jiaozuo.gov.cn"], ["service_code", "sewage"], ["lat", "35.19652"], ["long", "113.17120"], ["description", "大沙河桥下有污水直排，附照片"], ["attribute[ANONYMOUS]", "yes"]];
    const post = (payload: Buffer, boundary = "----qingliu7MA4YWxk") => s.app.inject({ method: "POST", url: "/api/open311/v2/requests.json", payload, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } });
    const r = await post(multipart("----qingliu7MA4YWxk", fields, [{ field: "media", fileName: "IMG_0001.jpg", type: "image/jpeg", bytes: GPS_JPEG }]));
    expect(r.statusCode).toBe(200);
    const id = JSON.parse(r.body)[0].service_request_id;
    const one = JSON.parse((await get(`/api/open311/v2/requests/${id}.json`)).body)[0];
    expect(one.media_url).toMatch(new RegExp(`^http://[^/]+/api/public/complaints/${id}/photos/0$`));
    const pub = await get(new URL(one.media_url).pathname);
    expect(pub.headers["content-type"]).toBe("image/jpeg");
    // The fixture carries GPS 35.1962 N; the public copy has none, the original keeps it (staff only).
    expect(await exifr.gps(GPS_JPEG)).toMatchObject({ latitude: expect.closeTo(35.1962, 4) });
    expect((await exifr.gps(pub.rawPayload))?.latitude).toBeUndefined();
    expect(pub.rawPayload.length).toBeLessThan(GPS_JPEG.length);
    const xml = readXml((await get(`/api/open311/v2/requests/${id}.xml`)).body);
    expect(child(xml.children[0], "media_url")?.text).toBe(one.media_url);
    const [photo] = await s.db.selectFrom("complaint_photos as p").innerJoin("complaints as c", "c.id", "p.complaint_id").select(["p.original_sha256", "p.public_sha256"]).where("c.number", "=", id).execute();
    expect(photo.original_sha256).not.toBe(photo.public_sha256);
    // A PDF called .jpg, a file in another field, a body cut short, no boundary: 400 in the errors list.
    const pdf = await post(multipart("b1", fields, [{ field: "media", fileName: "x.jpg", type: "image/jpeg", bytes: Buffer.from("%PDF-1.7 not a photo") }]), "b1");
    expect(pdf.statusCode).toBe(400);
    expect(JSON.parse(pdf.body)[0].description).toMatch(/media\.0/);
    const stray = await post(multipart("b2", fields, [{ field: "photo", fileName: "a.jpg", type: "image/jpeg", bytes: GPS_JPEG }]), "b2");
    expect(JSON.parse(stray.body)).toEqual([{ code: 400, description: "unexpected file field photo: media files go in the media field" }]);
    const cut = multipart("b3", fields, []);
    expect((await post(cut.subarray(0, cut.length - 10), "b3")).statusCode).toBe(400);
    const noBoundary = await s.app.inject({ method: "POST", url: "/api/open311/v2/requests.xml", payload: cut, headers: { "content-type": "multipart/form-data" } });
    expect(noBoundary.statusCode).toBe(400);
    expect(readXml(noBoundary.body).tag).toBe("errors");
    // Without a key the file is not stored.
    const before = await s.db.selectFrom("complaint_photos").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    const noKey = await post(multipart("b4", fields.filter(([k]) => k !== "api_key"), [{ field: "media", fileName: "a.jpg", type: "image/jpeg", bytes: GPS_JPEG }]), "b4");
    expect(noKey.statusCode).toBe(403);
    expect((await s.db.selectFrom("complaint_photos").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow()).n).toEqual(before.n);
  });
});
