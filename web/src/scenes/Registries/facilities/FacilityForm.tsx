/**
 * @module Create / edit dialog of a facility of one kind: the common fields (code, name, responsible unit, river,
 * address, position, status of the kind, deadline, completion day, note; the outline for eco projects) and the
 * kind's own attributes, from its declaration.
 */
import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from "antd";
import dayjs from "dayjs";
import type { FacilityKindSpec } from "../../../../../domain/registries/facility";
import type { FacilityRecord } from "../../../api/enterprises";
import { useUnitOptions } from "../../../hooks/useUnits";
import { useT } from "../../../i18n";
import { useRiverOptions } from "../shared/options";
import { RecordFormModal } from "../shared/RecordFormModal";
import { attrControl } from "./attrs";

type Values = Record<string, unknown>;
const DATE_KEYS = ["deadline", "completedOn"];

/** The dialog. */
export function FacilityForm({ spec, open, onClose, facility }: { spec: FacilityKindSpec; open: boolean; onClose: () => void; facility?: FacilityRecord }) {
  const t = useT();
  const units = useUnitOptions();
  const rivers = useRiverOptions();
  const dates = [...DATE_KEYS, ...spec.fields.filter((f) => f.kind === "date").map((f) => f.key)];
  const initial: Values = facility
    ? Object.fromEntries(Object.entries(facility).map(([k, v]) => [k, dates.includes(k) && typeof v === "string" ? dayjs(v) : k === "geometry" ? (v ? JSON.stringify(v) : "") : v ?? undefined]))
    : { status: spec.statuses[0].value };
  return (
    <RecordFormModal<Values>
      registry={spec.key}
      open={open}
      onClose={onClose}
      id={facility?.id}
      title={`${t(facility ? "common.edit" : "common.create")} · ${spec.title[t.lang]}`}
      width={860}
      initialValues={initial}
      toBody={(v) => {
        const body: Record<string, unknown> = {};
        for (const k of ["code", "name", "unitId", "riverId", "address", "lon", "lat", "status", "deadline", "completedOn", "note", ...spec.fields.map((f) => f.key)]) {
          const x = v[k];
          body[k] = dayjs.isDayjs(x) ? x.format("YYYY-MM-DD") : x === undefined || x === "" ? null : x;
        }
        if (spec.geometry) body.geometry = typeof v.geometry === "string" && v.geometry.trim() ? v.geometry : null;
        return body;
      }}
    >
      {() => (
        <Row gutter={12}>
          <Col span={6}><Form.Item name="code" label={t("registries.col.code")} rules={[{ required: true }]}><Input data-testid="facility-form-code" /></Form.Item></Col>
          <Col span={12}><Form.Item name="name" label={t("registries.col.name")} rules={[{ required: true }]}><Input data-testid="facility-form-name" /></Form.Item></Col>
          <Col span={6}><Form.Item name="status" label={t("registries.col.status")} rules={[{ required: true }]}><Select options={spec.statuses.map((s) => ({ value: s.value, label: s.label[t.lang] }))} data-testid="facility-form-status" /></Form.Item></Col>
          <Col span={8}><Form.Item name="unitId" label={t("registries.col.unit")} rules={[{ required: true }]}><Select showSearch optionFilterProp="label" options={units.options} data-testid="facility-form-unit" /></Form.Item></Col>
          <Col span={8}><Form.Item name="riverId" label={t("registries.col.river")}><Select allowClear showSearch optionFilterProp="label" options={rivers} /></Form.Item></Col>
          <Col span={4}><Form.Item name="deadline" label={t("facilities.deadline")}><DatePicker style={{ width: "100%" }} /></Form.Item></Col>
          <Col span={4}><Form.Item name="completedOn" label={t("facilities.completedOn")}><DatePicker style={{ width: "100%" }} /></Form.Item></Col>
          {spec.fields.map((f) => (
            <Col span={f.kind === "text" && (f.maxLength ?? 0) > 200 ? 24 : 8} key={f.key}>
              <Form.Item name={f.key} label={f.label[t.lang]} rules={f.required ? [{ required: true }] : undefined} valuePropName={f.kind === "boolean" ? "checked" : "value"} tooltip={f.note || undefined}>
                {attrControl(f, t)}
              </Form.Item>
            </Col>
          ))}
          <Col span={12}><Form.Item name="address" label={t("facilities.address")}><Input /></Form.Item></Col>
          <Col span={6}><Form.Item name="lon" label={t("drinking.lon")}><InputNumber min={-180} max={180} step={0.001} style={{ width: "100%" }} /></Form.Item></Col>
          <Col span={6}><Form.Item name="lat" label={t("drinking.lat")}><InputNumber min={-90} max={90} step={0.001} style={{ width: "100%" }} /></Form.Item></Col>
          {spec.geometry && <Col span={24}><Form.Item name="geometry" label={t("facilities.geometry")} extra={t("registries.rivers.geometryHelp")}><Input.TextArea rows={2} /></Form.Item></Col>}
          <Col span={24}><Form.Item name="note" label={t("registries.col.note")}><Input /></Form.Item></Col>
        </Row>
      )}
    </RecordFormModal>
  );
}
