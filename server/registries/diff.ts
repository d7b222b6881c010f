/**
 * @module What an update changed, for its audit entry: the fields whose stored values differ, as
 * `{ field: [before, after] }` (dates and JSON compared by value).
 */

const norm = (v: unknown) => (v instanceof Date ? v.toISOString() : v === undefined ? null : v);

/**
 * The changed fields between two rows (only `keys` are compared).
 * @example changes({ name: "a", kind: "river" }, { name: "b", kind: "river" }, ["name", "kind"]) // { name: ["a", "b"] }
 */
export function changes<T extends object>(before: T | undefined, after: T, keys: readonly (keyof T)[]): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const k of keys) {
    const a = norm(before?.[k]);
    const b = norm(after[k]);
    if (JSON.stringify(a) !== JSON.stringify(b)) out[String(k)] = [a, b];
  }
  return out;
}
