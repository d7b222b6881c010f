/**
 * @module Open311 GeoReport v2 wire formats: XML (required by the spec: UTF-8 declaration, no namespace, lists as
 * repeated child elements) and JSON (the Spark convention: the root list as an array), W3C date-times with the
 * offset, and request bodies: form-encoded with `attribute[code]=v` and `attribute[code][]=v` pairs, or
 * multipart/form-data with the same fields and a `media` file (the media-handling extension of GeoReport v2,
 * wiki.open311.org/GeoReport_v2/Extensions "Media Handling", GeoReport v2.1 draft).
 */

/** Child element name of each list the API returns. */
const ITEM: Record<string, string> = {
  services: "service", attributes: "attribute", values: "value", service_requests: "request", errors: "error", endpoints: "endpoint", formats: "format",
};

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);

function element(tag: string, value: unknown, indent: string): string {
  if (value === null || value === undefined) return `${indent}<${tag}/>`;
  if (Array.isArray(value)) {
    const item = ITEM[tag] ?? "item";
    if (!value.length) return `${indent}<${tag}/>`;
    return `${indent}<${tag}>\n${value.map((v) => element(item, v, `${indent}  `)).join("\n")}\n${indent}</${tag}>`;
  }
  if (typeof value === "object") {
    const inner = Object.entries(value as Record<string, unknown>).map(([k, v]) => element(k, v, `${indent}  `)).join("\n");
    return `${indent}<${tag}>\n${inner}\n${indent}</${tag}>`;
  }
  return `${indent}<${tag}>${escape(String(value))}</${tag}>`;
}

/**
 * An XML document whose root element `root` holds `value` (a list or an object).
 * @example toXml("services", [{ service_code: "001" }]) // <?xml …?>\n<services>\n  <service>…
 */
export function toXml(root: string, value: unknown): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value, "")}\n`;
}

/** A date-time in the W3C profile of ISO 8601 with the Beijing offset, e.g. 2024-05-06T09:30:00+08:00. */
export function w3(d: Date | string | null): string | null {
  if (!d) return null;
  const t = new Date(new Date(d).getTime() + 8 * 3_600_000);
  return `${t.toISOString().slice(0, 19)}+08:00`;
}

/** A file part of a multipart body. */
export interface FormFile {
  /** The form field it came in (`media`). */
  field: string;
  fileName: string | null;
  contentType: string | null;
  bytes: Buffer;
}

/** A form body: single keys as strings, repeated keys as arrays, attributes gathered; files of a multipart body. */
export interface FormBody {
  fields: Record<string, string>;
  attributes: Record<string, string | string[]>;
  files: FormFile[];
}

function addField(body: FormBody, k: string, v: string) {
  const m = /^attribute\[([^\]]+)\](\[\])?$/.exec(k);
  if (m) {
    if (m[2]) body.attributes[m[1]] = [...((body.attributes[m[1]] as string[] | undefined) ?? []), v];
    else body.attributes[m[1]] = v;
  } else if (!(k in body.fields)) body.fields[k] = v;
}

/** Parses application/x-www-form-urlencoded text (UTF-8). */
export function parseForm(text: string): FormBody {
  const body: FormBody = { fields: {}, attributes: {}, files: [] };
  for (const [k, v] of new URLSearchParams(text)) addField(body, k, v);
  return body;
}

/** Why a multipart body could not be read. */
export class MultipartError extends Error {}

/** The boundary of a multipart/form-data content type, or null. */
export function boundaryOf(contentType: string | undefined): string | null {
  const m = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType ?? "");
  return m ? (m[1] ?? m[2]) : null;
}

/**
 * Parses a multipart/form-data body (RFC 7578): parts without a file name are fields (UTF-8), parts with one are
 * files. Throws MultipartError when the body does not follow the boundary.
 * @example parseMultipart(Buffer.from('--b\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--b--\r\n'), "b").fields // { a: "1" }
 */
export function parseMultipart(raw: Buffer, boundary: string): FormBody {
  const body: FormBody = { fields: {}, attributes: {}, files: [] };
  const delimiter = Buffer.from(`--${boundary}`);
  let at = raw.indexOf(delimiter);
  if (at < 0) throw new MultipartError("multipart body without its boundary");
  for (;;) {
    at += delimiter.length;
    if (raw.subarray(at, at + 2).toString() === "--") return body;
    if (raw.subarray(at, at + 2).toString() !== "\r\n") throw new MultipartError("malformed multipart boundary line");
    at += 2;
    const headEnd = raw.indexOf("\r\n\r\n", at);
    if (headEnd < 0) throw new MultipartError("multipart part without headers");
    const headers = raw.subarray(at, headEnd).toString("utf8").split("\r\n");
    const next = raw.indexOf(Buffer.concat([Buffer.from("\r\n"), delimiter]), headEnd + 4);
    if (next < 0) throw new MultipartError("multipart body not closed");
    const content = raw.subarray(headEnd + 4, next);
    const disposition = headers.find((h) => /^content-disposition:/i.test(h)) ?? "";
    const name = /;\s*name="([^"]*)"/i.exec(disposition)?.[1];
    if (!name) throw new MultipartError("multipart part without a name");
    const fileName = /;\s*filename="([^"]*)"/i.exec(disposition)?.[1];
    const type = headers.find((h) => /^content-type:/i.test(h))?.replace(/^content-type:\s*/i, "").trim() ?? null;
    if (fileName !== undefined) body.files.push({ field: name, fileName: fileName || null, contentType: type, bytes: Buffer.from(content) });
    else addField(body, name, content.toString("utf8"));
    at = next + 2;
  }
}
