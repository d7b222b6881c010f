/**
 * @module What gateways publish to the JetStream stream and writers read back: one message per upload packet
 * (the decoded readings, exactly as the group committer would store them) and, now and then, the devices' refusal
 * counts. JSON, versioned; times as ISO 8601 so that no precision is lost (readings are millisecond times).
 */
import type { NewReading } from "../db/schema";
import type { DecodedUpload, DeviceErrors } from "../gateway/store";

/** Wire version; a writer refuses messages of a version it does not know. */
export const MESSAGE_VERSION = 1;

/** A decoded upload on the wire. */
interface UploadMessage {
  v: 1;
  kind: "upload";
  mn: string;
  cn: string;
  qn: string;
  dataTime: string | null;
  readings: (Omit<NewReading, "t"> & { t: string })[];
}

/** Refusal counts on the wire. */
interface ErrorsMessage {
  v: 1;
  kind: "errors";
  errors: [string, DeviceErrors][];
}

/** A message as the writer sees it. */
export type StreamMessage = { kind: "upload"; upload: DecodedUpload } | { kind: "errors"; errors: [string, DeviceErrors][] };

/** The nullable columns of a reading the gateway writes, restored as null when a message leaves them out. */
const NULL_COLUMNS = {
  value: null, flag: null, detection_limit: null, original_value: null, original_unit: null, min_value: null, max_value: null,
  cou_value: null, device_mn: null, packet_qn: null, author_id: null, reason: null,
} as const;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Subjects of the stream: `<STREAM>.upload.<MN>` and `<STREAM>.errors`. */
export const streamSubjects = (stream: string) => ({
  all: `${stream}.>`,
  upload: (token: string) => `${stream}.upload.${token}`,
  errors: `${stream}.errors`,
});

/** Subject token for an MN: NATS subjects split on "." and treat "*" and ">" as wildcards. */
export function subjectToken(mn: string): string {
  return mn.replace(/[^A-Za-z0-9_-]/g, "_") || "_";
}

/**
 * The message id JetStream deduplicates on within its window: the same packet published twice (a device resending
 * after a lost 9014, through the same or another gateway) is kept once. Mirrors the packet ledger's QN key.
 */
export function uploadMessageId(u: DecodedUpload): string {
  return `${u.mn}|${u.cn}|${u.qn}|${u.dataTime ? u.dataTime.getTime() : ""}`;
}

/** Encodes an upload. */
export function encodeUpload(u: DecodedUpload): Uint8Array {
  const m: UploadMessage = {
    v: MESSAGE_VERSION,
    kind: "upload",
    mn: u.mn,
    cn: u.cn,
    qn: u.qn,
    dataTime: u.dataTime ? u.dataTime.toISOString() : null,
    // Null columns are left out (a third to half of a reading's fields): the insert treats a missing column as null.
    readings: u.readings.map((r) => {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(r)) if (v !== null && v !== undefined) out[k] = v;
      out.t = new Date(r.t as Date | string).toISOString();
      return out as UploadMessage["readings"][number];
    }),
  };
  return encoder.encode(JSON.stringify(m));
}

/** Encodes refusal counts. */
export function encodeErrors(errors: [string, DeviceErrors][]): Uint8Array {
  const m: ErrorsMessage = { v: MESSAGE_VERSION, kind: "errors", errors };
  return encoder.encode(JSON.stringify(m));
}

/** Decodes a message; throws on anything malformed (the writer terminates such a message rather than retrying). */
export function decodeMessage(data: Uint8Array): StreamMessage {
  const m = JSON.parse(decoder.decode(data)) as UploadMessage | ErrorsMessage;
  if (!m || m.v !== MESSAGE_VERSION) throw new Error(`unknown message version ${(m as { v?: unknown })?.v}`);
  if (m.kind === "errors") {
    if (!Array.isArray(m.errors)) throw new Error("errors message without errors");
    return { kind: "errors", errors: m.errors };
  }
  if (m.kind !== "upload" || typeof m.mn !== "string" || typeof m.cn !== "string" || typeof m.qn !== "string" || !Array.isArray(m.readings)) {
    throw new Error("malformed upload message");
  }
  return {
    kind: "upload",
    upload: {
      mn: m.mn,
      cn: m.cn,
      qn: m.qn,
      dataTime: m.dataTime === null ? null : new Date(m.dataTime),
      readings: m.readings.map((r) => ({ ...NULL_COLUMNS, ...r, t: new Date(r.t) })),
    },
  };
}
