/**
 * @module QARTOD syntax test, for stored HJ 212 values: a value without a number is missing (9); a number that is
 * not finite, or a data flag outside HJ 212-2017 table 8 (N F M S D C T B), fails — the record is not what the
 * standard allows. Everything else passes. Lab values carry no flag.
 */
import type { QcFlag } from "./flags";
import { HJ212_FLAGS, type QcSample } from "./sample";

const KNOWN = new Set<string>(HJ212_FLAGS);

/**
 * Flag of one value.
 * @example syntaxTest({ t: 0, value: 7.1, flag: "N" }) // 1
 * @example syntaxTest({ t: 0, value: null, flag: "D" }) // 9
 * @example syntaxTest({ t: 0, value: 7.1, flag: "X" }) // 4
 */
export function syntaxTest(s: QcSample): QcFlag {
  if (s.value === null) return 9;
  if (!Number.isFinite(s.value)) return 4;
  if (s.flag !== undefined && s.flag !== null && !KNOWN.has(s.flag)) return 4;
  return 1;
}
