/**
 * @module Report / edit dialog of a 清四乱 problem: category and a sub-type of it, river and its chief, place and
 * coordinates, source, day found, description, severity, the unit that must rectify, deadline.
 */
import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from "antd";
import dayjs from "dayjs";
import { CHAOS_CATALOGUE, CHAOS_CATEGORIES, CHAOS_SEVERITIES, CHAOS_SEVERITY_LABELS, CHAOS_SOURCE_LABELS, CHAOS_SOURCES, type ChaosCategory } from "../../../../../domain/registries/fourChaos";
import { useUnitOptions } from "../../../hooks/useUnits";
import { useT } from "../../../i18n";
import { labelOptions, useChiefOptions, useRiverOptions } from "../shared/options";
import { RecordFormModal } from "../shared/RecordFormModal";
import type { ProblemRecord } from "./types";

interface Values {
  code: string;
  category: ChaosCategory;
  subtype: string;
  riverId: string;
  chiefId?: string;
  location?: string;
  lon?: number | null;
  lat?: number | null;
  source: string;
  foundOn: dayjs.Dayjs;
  description: string;
  severity?: string;
  unitId: string;
  deadline?: dayjs.Dayjs | null;
}

/** Sub-types of the category chosen in the same form. */
function SubtypeSelect(props: { value?: string; onChange?: (v: string) => void }) {
  const form = Form.useFormInstance();
  const category = Form.useWatch("category", form) as ChaosCategory | undefined;
  return <Select value={props.value} onChange={props.onChange} options={(category ? CHAOS_CATALOGUE[category].subtypes : []).map((s) => ({ value: s, label: s }))} data-testid="fc-form-subtype" />;
}

/** Chiefs of the river chosen in the same form. */
function ChiefSelect(props: { value?: string; onChange?: (v: string | undefined) => void }) {
  const form = Form.useFormInstance();
  const riverId = Form.useWatch("riverId", form) as string | undefined;
  const chiefs = useChiefOptions(riverId ?? null);
  return <Select allowClear value={props.value} onChange={props.onChange} options={chiefs} />;
}

/** The dialog. */
export function ProblemForm({ open, onClose, problem }: { open: boolean; onClose: () => void; problem?: ProblemRecord }) {
  const t = useT();
  const units = useUnitOptions();
  const rivers = useRiverOptions();
  return (
    <RecordFormModal<Values>
      registry="four-chaos"
      open={open}
      onClose={onClose}
      id={problem?.id}
      title={t(problem ? "registries.fc.edit" : "registries.fc.create")}
      width={860}
      initialValues={
        problem
          ? { ...problem, chiefId: problem.chief?.id, location: problem.location ?? undefined, severity: problem.severity ?? undefined, foundOn: dayjs(problem.foundOn), deadline: problem.deadline ? dayjs(problem.deadline) : null }
          : { category: "dumping", source: "patrol", foundOn: dayjs() }
      }
      toBody={(v) => ({
        code: v.code, category: v.category, subtype: v.subtype, riverId: v.riverId, chiefId: v.chiefId ?? null, location: v.location ?? null, lon: v.lon ?? null, lat: v.lat ?? null,
        source: v.source, foundOn: v.foundOn.format("YYYY-MM-DD"), description: v.description, severity: v.severity ?? null, unitId: v.unitId, deadline: v.deadline ? v.deadline.format("YYYY-MM-DD") : null,
      })}
    >
      {(f) => (
        <Row gutter={12}>
          <Col span={8}><Form.Item name="code" label={t("registries.col.code")} rules={[{ required: true }]}><Input data-testid="fc-form-code" /></Form.Item></Col>
          <Col span={6}><Form.Item name="category" label={t("registries.fc.category")} rules={[{ required: true }]}><Select options={labelOptions(CHAOS_CATALOGUE, CHAOS_CATEGORIES, t)} onChange={() => f.setFieldValue("subtype", undefined)} /></Form.Item></Col>
          <Col span={10}><Form.Item name="subtype" label={t("registries.fc.subtype")} rules={[{ required: true }]}><SubtypeSelect /></Form.Item></Col>
          <Col span={8}><Form.Item name="riverId" label={t("registries.col.river")} rules={[{ required: true }]}><Select showSearch optionFilterProp="label" options={rivers} onChange={() => f.setFieldValue("chiefId", undefined)} data-testid="fc-form-river" /></Form.Item></Col>
          <Col span={8}><Form.Item name="chiefId" label={t("registries.col.chief")}><ChiefSelect /></Form.Item></Col>
          <Col span={8}><Form.Item name="unitId" label={t("registries.col.unit")} rules={[{ required: true }]}><Select showSearch optionFilterProp="label" options={units.options} data-testid="fc-form-unit" /></Form.Item></Col>
          <Col span={8}><Form.Item name="source" label={t("registries.fc.source")}><Select options={labelOptions(CHAOS_SOURCE_LABELS, CHAOS_SOURCES, t)} /></Form.Item></Col>
          <Col span={8}><Form.Item name="foundOn" label={t("registries.fc.foundOn")} rules={[{ required: true }]}><DatePicker style={{ width: "100%" }} /></Form.Item></Col>
          <Col span={8}><Form.Item name="deadline" label={t("registries.fc.deadline")}><DatePicker style={{ width: "100%" }} /></Form.Item></Col>
          <Col span={24}><Form.Item name="description" label={t("registries.fc.description")} rules={[{ required: true }]}><Input.TextArea rows={2} data-testid="fc-form-description" /></Form.Item></Col>
          <Col span={8}><Form.Item name="severity" label={t("registries.fc.severity")}><Select allowClear options={labelOptions(CHAOS_SEVERITY_LABELS, CHAOS_SEVERITIES, t)} /></Form.Item></Col>
          <Col span={8}><Form.Item name="lon" label={t("registries.of.lon")}><InputNumber min={-180} max={180} step={0.0001} style={{ width: "100%" }} /></Form.Item></Col>
          <Col span={8}><Form.Item name="lat" label={t("registries.of.lat")}><InputNumber min={-90} max={90} step={0.0001} style={{ width: "100%" }} /></Form.Item></Col>
          <Col span={24}><Form.Item name="location" label={t("registries.of.location")}><Input /></Form.Item></Col>
        </Row>
      )}
    </RecordFormModal>
  );
}
