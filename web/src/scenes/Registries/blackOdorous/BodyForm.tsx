/**
 * @module Create / edit dialog of a listed black-odorous body: code, name, kind, river, 主责部门, 河湖长 (of that
 * river), location, 达标期限, grade when listed, measures, stretch as GeoJSON.
 */
import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from "antd";
import dayjs from "dayjs";
import { BODY_KIND_LABELS, BODY_KINDS } from "../../../../../domain/blackOdorous/lifecycle";
import { GRADE_LABELS } from "../../../../../domain/blackOdorous/thresholds";
import { useUnitOptions } from "../../../hooks/useUnits";
import { useT } from "../../../i18n";
import { labelOptions, useChiefOptions, useRiverOptions } from "../shared/options";
import { RecordFormModal } from "../shared/RecordFormModal";
import type { BodyRecord } from "./types";

interface Values {
  code: string;
  name: string;
  bodyKind: string;
  riverId?: string;
  unitId: string;
  chiefId?: string;
  location?: string;
  lengthKm?: number | null;
  areaKm2?: number | null;
  deadline?: dayjs.Dayjs | null;
  identifiedGrade?: string;
  measures?: string;
  geometry?: string;
}

/** The chiefs of the river chosen in the same form (antd passes value/onChange). */
function ChiefSelect(props: { value?: string; onChange?: (v: string | undefined) => void }) {
  const form = Form.useFormInstance();
  const riverId = Form.useWatch("riverId", form) as string | undefined;
  const chiefs = useChiefOptions(riverId ?? null);
  return <Select allowClear options={chiefs} value={props.value} onChange={props.onChange} data-testid="bo-form-chief" />;
}

/** The dialog. */
export function BodyForm({ open, onClose, body }: { open: boolean; onClose: () => void; body?: BodyRecord }) {
  const t = useT();
  const units = useUnitOptions();
  const rivers = useRiverOptions();
  return (
    <RecordFormModal<Values>
      registry="black-odorous"
      open={open}
      onClose={onClose}
      id={body?.id}
      title={t(body ? "registries.bo.edit" : "registries.bo.create")}
      width={820}
      initialValues={
        body
          ? { ...body, riverId: body.riverId ?? undefined, chiefId: body.chief?.id, location: body.location ?? undefined, measures: body.measures ?? undefined, identifiedGrade: body.identifiedGrade ?? undefined, deadline: body.deadline ? dayjs(body.deadline) : null, geometry: body.geometry ? JSON.stringify(body.geometry) : "" }
          : { bodyKind: "river" }
      }
      toBody={(v) => ({
        code: v.code, name: v.name, bodyKind: v.bodyKind, riverId: v.riverId ?? null, unitId: v.unitId, chiefId: v.chiefId ?? null, location: v.location ?? null,
        lengthKm: v.lengthKm ?? null, areaKm2: v.areaKm2 ?? null, deadline: v.deadline ? v.deadline.format("YYYY-MM-DD") : null, identifiedGrade: v.identifiedGrade ?? null,
        measures: v.measures ?? null, geometry: v.geometry?.trim() ? v.geometry : null,
      })}
    >
      {(f) => {
        return (
          <Row gutter={12}>
            <Col span={8}><Form.Item name="code" label={t("registries.col.code")} rules={[{ required: true }]}><Input data-testid="bo-form-code" /></Form.Item></Col>
            <Col span={16}><Form.Item name="name" label={t("registries.col.name")} rules={[{ required: true }]}><Input data-testid="bo-form-name" /></Form.Item></Col>
            <Col span={8}><Form.Item name="bodyKind" label={t("registries.bo.kind")}><Select options={labelOptions(BODY_KIND_LABELS, BODY_KINDS, t)} /></Form.Item></Col>
            <Col span={8}><Form.Item name="riverId" label={t("registries.col.river")}><Select allowClear showSearch optionFilterProp="label" options={rivers} onChange={() => f.setFieldValue("chiefId", undefined)} /></Form.Item></Col>
            <Col span={8}><Form.Item name="unitId" label={t("registries.bo.department")} rules={[{ required: true }]}><Select showSearch optionFilterProp="label" options={units.options} data-testid="bo-form-unit" /></Form.Item></Col>
            <Col span={8}><Form.Item name="chiefId" label={t("registries.col.chief")}><ChiefSelect /></Form.Item></Col>
            <Col span={8}><Form.Item name="deadline" label={t("registries.bo.deadline")}><DatePicker style={{ width: "100%" }} /></Form.Item></Col>
            <Col span={8}><Form.Item name="identifiedGrade" label={t("registries.bo.identifiedGrade")}><Select allowClear options={(["light", "severe"] as const).map((g) => ({ value: g, label: GRADE_LABELS[g][t.lang] }))} /></Form.Item></Col>
            <Col span={12}><Form.Item name="location" label={t("registries.bo.location")}><Input /></Form.Item></Col>
            <Col span={6}><Form.Item name="lengthKm" label={t("registries.rivers.length")}><InputNumber min={0} style={{ width: "100%" }} addonAfter="km" /></Form.Item></Col>
            <Col span={6}><Form.Item name="areaKm2" label={t("registries.bo.area")}><InputNumber min={0} style={{ width: "100%" }} addonAfter="km²" /></Form.Item></Col>
            <Col span={24}><Form.Item name="measures" label={t("registries.bo.measures")}><Input.TextArea rows={2} /></Form.Item></Col>
            <Col span={24}><Form.Item name="geometry" label={t("registries.rivers.geometry")} extra={t("registries.rivers.geometryHelp")}><Input.TextArea rows={2} /></Form.Item></Col>
          </Row>
        );
      }}
    </RecordFormModal>
  );
}
