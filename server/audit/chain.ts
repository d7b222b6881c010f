/**
 * @module The audit log's hash chain: each entry's hash is SHA-256 over the previous hash and the entry's canonical
 * content, so changing or removing any stored entry breaks every later link.
 */
import { createHash } from "node:crypto";
import type { AuditRow } from "../db/schema";

/** The hash that precedes the first entry. */
export const GENESIS_HASH = "0".repeat(64);

/** The hashed content of one entry (everything but the hashes themselves). */
export interface AuditContent {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  unitId: string | null;
  ip: string | null;
  correlationId: string | null;
  data: unknown;
}

/** The hashed content of a stored row (its columns in the chain's names). */
export function auditContentOf(r: AuditRow): AuditContent {
  return {
    seq: Number(r.seq),
    at: new Date(r.at).toISOString(),
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    unitId: r.unit_id,
    ip: r.ip,
    correlationId: r.correlation_id,
    data: r.data,
  };
}

/** JSON with object keys sorted at every depth, so the same value always serialises the same (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(",")}}`;
}

/** The hash of an entry given the previous entry's hash. */
export function entryHash(prevHash: string, content: AuditContent): string {
  return createHash("sha256").update(prevHash).update("\n").update(canonicalJson(content)).digest("hex");
}
