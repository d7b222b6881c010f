/**
 * @module Create / edit dialog of a river: name, kind, basin, keeping unit, length, and its course or outline as
 * GeoJSON text (the server validates it; a line's length is computed when left empty).
 */
import { Col, Form, Input, InputNumber, Row, Select } from "antd";
import { RIVER_KIND_LABELS, RIVER_KINDS } from "../../../../../domain/registries/rivers";
import { useUnitOptions } from "../../../hooks/useUnits";
import { useT } from "../../../i18n";
import { labelOptions } from "../shared/options";
import { RecordFormModal } from "../shared/RecordFormModal";
import type { RiverRecord } from "../shared/types";

interface Values {
  name: string;
  kind: string;
  basin?: string;
  unitId?: string;
  lengthKm?: number | null;
  geometry?: string;
  note?: string;
}

/** The dialog. */
export function RiverForm({ open, onClose, river }: { open: boolean; onClose: () => void; river?: RiverRecord }) {
  const t = useT();
  const units = useUnitOptions();
  return (
    <RecordFormModal<Values>
      registry="rivers"
      open={open}
      onClose={onClose}
      id={river?.id}
      title={t(river ? "registries.rivers.edit" : "registries.rivers.create")}
      initialValues={river ? { ...river, unitId: river.unitId ?? undefined, basin: river.basin ?? undefined, note: river.note ?? undefined, geometry: river.geometry ? JSON.stringify(river.geometry) : "" } : { kind: "river" }}
      toBody={(v) => ({ name: v.name, kind: v.kind, basin: v.basin ?? null, unitId: v.unitId ?? null, lengthKm: v.lengthKm ?? null, geometry: v.geometry?.trim() ? v.geometry : null, note: v.note ?? null })}
    >
      {() => (
        <>
          <Row gutter={12}>
            <Col span={12}><Form.Item name="name" label={t("registries.rivers.name")} rules={[{ required: true }]}><Input data-testid="river-form-name" /></Form.Item></Col>
            <Col span={12}><Form.Item name="kind" label={t("registries.rivers.kind")} rules={[{ required: true }]}><Select options={labelOptions(RIVER_KIND_LABELS, RIVER_KINDS, t)} /></Form.Item></Col>
            <Col span={12}><Form.Item name="basin" label={t("registries.rivers.basin")}><Input /></Form.Item></Col>
            <Col span={12}><Form.Item name="unitId" label={t("registries.col.unit")}><Select allowClear showSearch optionFilterProp="label" options={units.options} /></Form.Item></Col>
            <Col span={12}><Form.Item name="lengthKm" label={t("registries.rivers.length")}><InputNumber min={0} style={{ width: "100%" }} /></Form.Item></Col>
          </Row>
          <Form.Item name="geometry" label={t("registries.rivers.geometry")} extra={t("registries.rivers.geometryHelp")}><Input.TextArea rows={3} /></Form.Item>
          <Form.Item name="note" label={t("registries.col.note")}><Input.TextArea rows={2} /></Form.Item>
        </>
      )}
    </RecordFormModal>
  );
}
