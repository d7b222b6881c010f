/**
 * @module The platform's secret key (QINGLIU_SECRET_KEY: 32 bytes as 64 hex digits or base64) and the subkeys derived
 * from it with HKDF-SHA-256 (RFC 5869), one per purpose: field encryption, keyed hashes of contacts and addresses,
 * and the signatures of anonymous-post challenges. Without the variable a fixed DEMO key is used — it is public
 * (it is in this file), so production must set its own; the web service logs a warning when it runs on it.
 */
import { createHash, hkdfSync } from "node:crypto";

/**
 * The demo/development key. NOT SECRET: anyone can read it here. Set QINGLIU_SECRET_KEY in production
 * (e.g. `openssl rand -hex 32`).
 */
const DEMO_KEY = createHash("sha256").update("qingliu-demo-key-NOT-SECRET-set-QINGLIU_SECRET_KEY").digest();

/** Purposes of the derived subkeys. */
export type KeyPurpose = "field-encryption" | "lookup-hash" | "challenge";

/** The master key and whether it is the public demo one. */
export interface MasterKey {
  key: Buffer;
  demo: boolean;
}

/** Parses QINGLIU_SECRET_KEY; throws a clear error when it is set but malformed. */
export function readMasterKey(env: NodeJS.ProcessEnv = process.env): MasterKey {
  const v = env.QINGLIU_SECRET_KEY?.trim();
  if (!v) return { key: DEMO_KEY, demo: true };
  let key: Buffer | null = null;
  if (/^[0-9a-fA-F]{64}$/.test(v)) key = Buffer.from(v, "hex");
  else if (/^[A-Za-z0-9+/_-]{43}=?$/.test(v)) key = Buffer.from(v.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  if (!key || key.length !== 32) throw new Error("QINGLIU_SECRET_KEY must be 32 bytes: 64 hex digits or base64 (e.g. `openssl rand -hex 32`)");
  return { key, demo: false };
}

let cached: { source: string | undefined; master: MasterKey } | null = null;

/** The master key of this process (read once per value of the variable). */
export function masterKey(): MasterKey {
  const source = process.env.QINGLIU_SECRET_KEY;
  if (!cached || cached.source !== source) cached = { source, master: readMasterKey() };
  return cached.master;
}

/** A 32-byte subkey for one purpose. */
export function subkey(purpose: KeyPurpose, master: MasterKey = masterKey()): Buffer {
  return Buffer.from(hkdfSync("sha256", master.key, Buffer.alloc(0), `qingliu/${purpose}/v1`, 32));
}

/** A short, non-secret id of the master key (first 8 hex digits of a hash of a subkey), stored with ciphertexts. */
export function keyId(master: MasterKey = masterKey()): string {
  return createHash("sha256").update(subkey("field-encryption", master)).digest("hex").slice(0, 8);
}
