/**
 * @module QARTOD quality flags (U.S. IOOS, "Manual for Real-Time Quality Control", flag scheme of the QARTOD
 * manuals: 1 pass, 2 not evaluated, 3 suspect / of high interest, 4 fail, 9 missing data) and how the flags of
 * several tests combine into one: missing data wins, then the worst of fail and suspect, then pass; a value no
 * test could evaluate stays "not evaluated".
 */

/** One QARTOD flag. */
export type QcFlag = 1 | 2 | 3 | 4 | 9;

/** The flag values by name. */
export const QC = { PASS: 1, NOT_EVALUATED: 2, SUSPECT: 3, FAIL: 4, MISSING: 9 } as const satisfies Record<string, QcFlag>;

/** Every flag, in display order. */
export const QC_FLAGS: readonly QcFlag[] = [1, 2, 3, 4, 9];

/** Whether a number is one of the QARTOD flags. */
export function isQcFlag(n: unknown): n is QcFlag {
  return n === 1 || n === 2 || n === 3 || n === 4 || n === 9;
}

/** Severity order used when combining: missing > fail > suspect > pass > not evaluated. */
const RANK: Record<QcFlag, number> = { 2: 0, 1: 1, 3: 2, 4: 3, 9: 4 };

/**
 * The aggregate flag of several tests' flags.
 * @example aggregateFlag([1, 2, 3]) // 3
 * @example aggregateFlag([2, 2]) // 2 — nothing was evaluated
 * @example aggregateFlag([]) // 2
 */
export function aggregateFlag(flags: Iterable<QcFlag>): QcFlag {
  let worst: QcFlag = 2;
  for (const f of flags) if (RANK[f] > RANK[worst]) worst = f;
  return worst;
}

/** Whether data with this flag needs a person to look at it (suspect or fail). */
export const needsReview = (f: QcFlag): boolean => f === 3 || f === 4;
