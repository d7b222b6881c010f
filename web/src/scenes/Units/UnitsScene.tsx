/**
 * @module /admin/units: the district's unit directory (name, kind, aliases); create and edit where abilities and
 * per-unit policies allow.
 */
import { useState } from "react";
import { Button, Card, Input, Table, Tag } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import type { Policies, Unit, UnitAction, UnitKind } from "../../api/types";
import { UNIT_KINDS } from "../../api/types";
import { useAbility, usePolicy } from "../../hooks/usePolicy";
import { useUnits } from "../../hooks/useUnits";
import { PageHeader } from "../../components/PageHeader";
import { unitKindKey } from "../../components/RoleTags";
import { LoadError } from "../../components/Status";
import { useT } from "../../i18n";
import { UnitFormModal } from "./UnitFormModal";

const KIND_COLORS: Record<UnitKind, string> = { office: "geekblue", department: "blue", branch: "cyan", subdistrict: "green", other: "default" };

function EditUnitButton({ unit, policies, onEdit }: { unit: Unit; policies: Policies<UnitAction> | undefined; onEdit: () => void }) {
  const t = useT();
  const policy = usePolicy(policies, unit.id);
  if (!policy.update) return null;
  return (
    <Button type="link" size="small" onClick={onEdit} data-testid={`unit-edit-${unit.id}`}>
      {t("common.edit")}
    </Button>
  );
}

/** The /admin/units page. */
export default function UnitsScene() {
  const t = useT();
  const canManage = useAbility("unit.manage");
  const units = useUnits();
  const [editing, setEditing] = useState<Unit | "new" | null>(null);
  const [q, setQ] = useState("");

  if (units.isError) return <LoadError error={units.error} onRetry={() => void units.refetch()} />;
  const needle = q.trim();
  const rows = (units.data?.data ?? []).filter((u) => !needle || u.name.includes(needle) || u.aliases.some((a) => a.includes(needle)));
  const anyEditable = rows.some((u) => units.data?.policies?.[u.id]?.update);

  return (
    <>
      <PageHeader
        title={t("units.title")}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")} data-testid="unit-create">
              {t("units.create")}
            </Button>
          )
        }
      />
      <Card>
        <Input.Search placeholder={t("common.search")} allowClear onChange={(e) => setQ(e.target.value)} style={{ width: 240, marginBottom: 16 }}
          data-testid="units-filter-q" />
        <div data-testid="units-table">
          <Table<Unit>
            rowKey="id"
            size="middle"
            loading={units.isFetching}
            dataSource={rows}
            pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
            columns={[
              { title: t("units.col.name"), dataIndex: "name" },
              {
                title: t("units.col.kind"),
                dataIndex: "kind",
                width: 140,
                filters: UNIT_KINDS.map((k) => ({ text: t(unitKindKey(k)), value: k })),
                onFilter: (value, u) => u.kind === value,
                render: (k: UnitKind) => <Tag color={KIND_COLORS[k]}>{t(unitKindKey(k))}</Tag>,
              },
              {
                title: t("units.col.aliases"),
                dataIndex: "aliases",
                render: (a: string[]) => (a.length ? a.map((x) => <Tag key={x}>{x}</Tag>) : null),
              },
              ...(anyEditable
                ? [{
                    title: t("common.actions"),
                    key: "actions",
                    width: 100,
                    render: (_: unknown, u: Unit) => (
                      <EditUnitButton unit={u} policies={units.data?.policies} onEdit={() => setEditing(u)} />
                    ),
                  }]
                : []),
            ]}
          />
        </div>
      </Card>
      <UnitFormModal open={editing !== null} unit={editing && editing !== "new" ? editing : undefined} onClose={() => setEditing(null)} />
    </>
  );
}
