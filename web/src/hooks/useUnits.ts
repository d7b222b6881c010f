/**
 * @module The unit directory as select options, shared by forms and filters (one cached request).
 */
import { useQuery } from "@tanstack/react-query";
import { listUnits } from "../api/units";
import { ROLES } from "../api/types";
import type { Translate } from "../i18n";
import { roleKey } from "../components/RoleTags";

/** Cache key of the unit directory. */
export const UNITS_KEY = ["units"] as const;

/** The unit directory query (data, policies). */
export function useUnits() {
  return useQuery({ queryKey: UNITS_KEY, queryFn: listUnits, staleTime: 5 * 60_000 });
}

/** `{ value: id, label: name }` for every unit, for antd Select. */
export function useUnitOptions() {
  const units = useUnits();
  return {
    loading: units.isPending,
    options: (units.data?.data ?? []).map((u) => ({ value: u.id, label: u.name })),
  };
}

/** `{ value: role, label }` for every role in the current language. */
export function roleOptions(t: Translate) {
  return ROLES.map((r) => ({ value: r, label: t(roleKey(r)) }));
}
