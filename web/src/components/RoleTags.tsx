/**
 * @module Roles and units shown as tags with their localized labels.
 */
import { Tag } from "antd";
import type { Role, UnitKind, UnitRef } from "../api/types";
import { useT, type MessageKey } from "../i18n";

/** Label key of a role. */
export const roleKey = (r: Role) => `role.${r}` as MessageKey;
/** Label key of a unit kind. */
export const unitKindKey = (k: UnitKind) => `unitKind.${k}` as MessageKey;

const ROLE_COLORS: Record<Role, string> = {
  office_admin: "geekblue",
  unit_head: "cyan",
  unit_staff: "blue",
  monitoring_operator: "green",
  river_chief: "purple",
  auditor: "gold",
};

/** A user's roles as colored tags. */
export function RoleTags({ roles }: { roles: Role[] }) {
  const t = useT();
  return (
    <>
      {roles.map((r) => (
        <Tag key={r} color={ROLE_COLORS[r]}>
          {t(roleKey(r))}
        </Tag>
      ))}
    </>
  );
}

/** A user's units as tags; "none" when empty. */
export function UnitTags({ units, emptyText }: { units: UnitRef[]; emptyText?: string }) {
  const t = useT();
  if (units.length === 0) return <span style={{ color: "rgba(0,0,0,0.45)" }}>{emptyText ?? t("common.none")}</span>;
  return (
    <>
      {units.map((u) => (
        <Tag key={u.id} title={t(unitKindKey(u.kind))}>
          {u.name}
        </Tag>
      ))}
    </>
  );
}
