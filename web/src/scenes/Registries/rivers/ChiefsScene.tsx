/**
 * @module /registries/river-chiefs: the 河湖长 directory by river and level (区级 → 街道级 → 村级), with filters;
 * a unit keeps its own entries, the office all; contact numbers are for staff only.
 */
import { useState } from "react";
import { Button, Col, Form, Input, Row, Select, Space, Switch, Tag } from "antd";
import { Link, useSearchParams } from "react-router";
import { CHIEF_LEVEL_LABELS, CHIEF_LEVELS } from "../../../../../domain/registries/rivers";
import { policyOf } from "../../../hooks/usePolicy";
import { useUnitOptions } from "../../../hooks/useUnits";
import { useT } from "../../../i18n";
import { RegistryListPage } from "../shared/RegistryListPage";
import { RecordFormModal } from "../shared/RecordFormModal";
import { DemoTag } from "../shared/bits";
import { labelOf, labelOptions, useRiverOptions } from "../shared/options";
import type { ChiefRecord } from "../shared/types";

interface Values {
  riverId: string;
  level: string;
  name: string;
  position: string;
  reach?: string;
  phone?: string;
  unitId?: string;
  active?: boolean;
}

function ChiefForm({ open, onClose, chief }: { open: boolean; onClose: () => void; chief?: ChiefRecord }) {
  const t = useT();
  const units = useUnitOptions();
  const rivers = useRiverOptions();
  const [params] = useSearchParams();
  return (
    <RecordFormModal<Values>
      registry="river-chiefs"
      open={open}
      onClose={onClose}
      id={chief?.id}
      title={t(chief ? "registries.chiefs.edit" : "registries.chiefs.create")}
      initialValues={chief ? { ...chief, reach: chief.reach ?? undefined, phone: chief.phone ?? undefined, unitId: chief.unitId ?? undefined } : { level: "village", active: true, riverId: params.get("riverId") ?? undefined }}
      toBody={(v) => ({ riverId: v.riverId, level: v.level, name: v.name, position: v.position, reach: v.reach ?? null, phone: v.phone ?? null, unitId: v.unitId ?? null, active: v.active ?? true })}
    >
      {() => (
        <Row gutter={12}>
          <Col span={12}><Form.Item name="riverId" label={t("registries.col.river")} rules={[{ required: true }]}><Select showSearch optionFilterProp="label" options={rivers} data-testid="chief-form-river" /></Form.Item></Col>
          <Col span={12}><Form.Item name="level" label={t("registries.chiefs.level")} rules={[{ required: true }]}><Select options={labelOptions(CHIEF_LEVEL_LABELS, CHIEF_LEVELS, t)} /></Form.Item></Col>
          <Col span={12}><Form.Item name="name" label={t("registries.chiefs.name")} rules={[{ required: true }]}><Input /></Form.Item></Col>
          <Col span={12}><Form.Item name="position" label={t("registries.chiefs.position")} rules={[{ required: true }]}><Input /></Form.Item></Col>
          <Col span={12}><Form.Item name="reach" label={t("registries.chiefs.reach")}><Input placeholder={t("registries.chiefs.wholeRiver")} /></Form.Item></Col>
          <Col span={12}><Form.Item name="phone" label={t("registries.chiefs.phone")}><Input /></Form.Item></Col>
          <Col span={12}><Form.Item name="unitId" label={t("registries.col.unit")}><Select allowClear showSearch optionFilterProp="label" options={units.options} /></Form.Item></Col>
          <Col span={12}><Form.Item name="active" label={t("registries.chiefs.active")} valuePropName="checked"><Switch /></Form.Item></Col>
        </Row>
      )}
    </RecordFormModal>
  );
}

/** The page. */
export default function ChiefsScene() {
  const t = useT();
  const rivers = useRiverOptions();
  const [editing, setEditing] = useState<ChiefRecord | null>(null);
  return (
    <>
      <RegistryListPage<ChiefRecord>
        registry="river-chiefs"
        path="river-chiefs"
        title={t("registries.chiefs.title")}
        filters={[
          { name: "q", placeholder: t("registries.chiefs.filterQ") },
          { name: "riverId", placeholder: t("registries.col.river"), options: rivers },
          { name: "level", placeholder: t("registries.chiefs.level"), options: labelOptions(CHIEF_LEVEL_LABELS, CHIEF_LEVELS, t) },
        ]}
        rowTestId={(r) => `chief-row-${r.name}`}
        renderCreate={(open, close) => <ChiefForm open={open} onClose={close} />}
        columns={(policies) => [
          { title: t("registries.col.river"), key: "river", width: 160, render: (_, r) => <Link to={`/registries/rivers/${r.riverId}`}>{r.riverName}</Link> },
          { title: t("registries.chiefs.level"), dataIndex: "level", width: 120, render: (l) => labelOf(CHIEF_LEVEL_LABELS, l, t) },
          { title: t("registries.chiefs.name"), key: "name", width: 190, render: (_, r) => <Space>{r.name}<DemoTag demo={r.demo} /></Space> },
          { title: t("registries.chiefs.position"), dataIndex: "position" },
          { title: t("registries.chiefs.reach"), dataIndex: "reach", render: (v) => v ?? t("registries.chiefs.wholeRiver") },
          { title: t("registries.chiefs.phone"), dataIndex: "phone", width: 130, render: (v) => v ?? "—" },
          { title: t("registries.col.unit"), dataIndex: "unitName", render: (v) => v ?? "—" },
          { title: t("registries.chiefs.active"), dataIndex: "active", width: 70, render: (v: boolean) => (v ? <Tag color="green">{t("registries.yes")}</Tag> : <Tag>{t("registries.no")}</Tag>) },
          {
            title: t("common.actions"),
            key: "actions",
            width: 80,
            render: (_, r) => (policyOf(policies, r.id).update ? <Button size="small" onClick={() => setEditing(r)} data-testid={`chief-edit-${r.name}`}>{t("common.edit")}</Button> : null),
          },
        ]}
      />
      {editing && <ChiefForm open onClose={() => setEditing(null)} chief={editing} />}
    </>
  );
}
