/**
 * @module Select options the registry forms and filters share: units (the directory), rivers and river chiefs of
 * the register (one cached request each), and enum options from domain label tables in the current language.
 */
import { useQuery } from "@tanstack/react-query";
import { listRecords } from "../../../api/registries";
import type { Label } from "../../../../../domain/registries/lifecycle";
import type { Translate } from "../../../i18n";
import type { RiverRecord, ChiefRecord } from "./types";

/** Rivers of the register (cached). */
export function useRivers() {
  return useQuery({ queryKey: ["registries", "rivers", "all"], queryFn: () => listRecords<RiverRecord>("rivers", { pageSize: 200 }), staleTime: 60_000 });
}

/** `{ value, label }` of the register's rivers. */
export function useRiverOptions() {
  const q = useRivers();
  return (q.data?.data ?? []).map((r) => ({ value: r.id, label: r.name }));
}

/** River chiefs (cached), optionally of one river. */
export function useChiefOptions(riverId?: string | null) {
  const q = useQuery({ queryKey: ["registries", "river-chiefs", "all"], queryFn: () => listRecords<ChiefRecord>("river-chiefs", { pageSize: 200, active: "1" }), staleTime: 60_000 });
  return (q.data?.data ?? []).filter((c) => !riverId || c.riverId === riverId).map((c) => ({ value: c.id, label: `${c.name}（${c.position}${riverId ? "" : `，${c.riverName}`}）` }));
}

/** Options of a domain label table in the current language. */
export function labelOptions<K extends string>(labels: Readonly<Record<K, Label>>, keys: readonly K[], t: Translate) {
  return keys.map((k) => ({ value: k, label: labels[k][t.lang] }));
}

/** A label in the current language. */
export const labelOf = <K extends string>(labels: Readonly<Record<K, Label>>, k: K | null | undefined, t: Translate) => (k ? labels[k]?.[t.lang] ?? k : "—");
