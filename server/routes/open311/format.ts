/**
 * @module Open311 GeoReport v2 wire formats: XML (required by the spec: UTF-8 declaration, no namespace, lists as
 * repeated child elements) and JSON (the Spark convention: the root list as an array), W3C date-times with the
 * offset, and form-encoded request bodies with `attribute[code]=v` and `attribute[code][]=v` pairs.
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

/** A form-encoded body: single keys as strings, repeated keys as arrays, attributes gathered. */
export interface FormBody {
  fields: Record<string, string>;
  attributes: Record<string, string | string[]>;
}

/** Parses application/x-www-form-urlencoded text (UTF-8). */
export function parseForm(text: string): FormBody {
  const fields: Record<string, string> = {};
  const attributes: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(text)) {
    const m = /^attribute\[([^\]]+)\](\[\])?$/.exec(k);
    if (m) {
      if (m[2]) attributes[m[1]] = [...((attributes[m[1]] as string[] | undefined) ?? []), v];
      else attributes[m[1]] = v;
    } else if (!(k in fields)) fields[k] = v;
  }
  return { fields, attributes };
}
