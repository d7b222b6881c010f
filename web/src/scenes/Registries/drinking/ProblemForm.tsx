/**
 * @module Create / edit dialog of a drinking-water source problem: source, zone, category, how found, what it is,
 * day found, responsible unit, deadline, position. Its status moves through the steps on its page.
 */
import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from "antd";
import { useQuery } from "@tanstack/react-query";
import dayjs from "dayjs";
import { PROBLEM_CATEGORIES, PROBLEM_CATEGORY_LABELS, PROBLEM_ORIGINS, PROBLEM_ORIGIN_LABELS, PROBLEM_PLACES, PROBLEM_PLACE_LABELS } from "../../../../../domain/registries/drinkingSource";
import { listRecords } from "../../../api/registries";
import type { ProblemRecord, SourceRecord } from "../../../api/enterprises";
import { useUnitOptions } from "../../../hooks/useUnits";
import { useT } from "../../../i18n";
import { labelOptions } from "../shared/options";
import { RecordFormModal } from "../shared/RecordFormModal";

interface Values {
  code: string;
  sourceId: string;
  place: string;
  category: string;
  origin: string;
  description: string;
  foundOn: dayjs.Dayjs;
  unitId: string;
  deadline?: dayjs.Dayjs | null;
  lon?: number | null;
  lat?: number | null;
}

/** The sources as select options (cached). */
export function useSourceOptions() {
  const q = useQuery({ queryKey: ["registries", "drinking-sources", "all"], queryFn: () => listRecords<SourceRecord>("drinking-sources", { pageSize: 200 }), staleTime: 60_000 });
  return (q.data?.data ?? []).map((s) => ({ value: s.id, label: s.name }));
}

/** The dialog. */
export function ProblemForm({ open, onClose, problem, sourceId }: { open: boolean; onClose: () => void; problem?: ProblemRecord; sourceId?: string }) {
  const t = useT();
  const units = useUnitOptions();
  const sources = useSourceOptions();
  return (
    <RecordFormModal<Values>
      registry="drinking-problems"
      open={open}
      onClose={onClose}
      id={problem?.id}
      title={t(problem ? "drinking.problem.edit" : "drinking.problem.create")}
      width={780}
      initialValues={
        problem
          ? { ...problem, foundOn: dayjs(problem.foundOn), deadline: problem.deadline ? dayjs(problem.deadline) : null, lon: problem.lon, lat: problem.lat }
          : { sourceId, place: "zone2", origin: "review", category: "other", foundOn: dayjs() }
      }
      toBody={(v) => ({
        code: v.code, sourceId: v.sourceId, place: v.place, category: v.category, origin: v.origin, description: v.description,
        foundOn: v.foundOn.format("YYYY-MM-DD"), unitId: v.unitId, deadline: v.deadline ? v.deadline.format("YYYY-MM-DD") : null, lon: v.lon ?? null, lat: v.lat ?? null,
      })}
    >
      {() => (
        <Row gutter={12}>
          <Col span={8}><Form.Item name="code" label={t("registries.col.code")} rules={[{ required: true }]}><Input data-testid="problem-form-code" /></Form.Item></Col>
          <Col span={16}><Form.Item name="sourceId" label={t("drinking.problem.source")} rules={[{ required: true }]}><Select showSearch optionFilterProp="label" options={sources} /></Form.Item></Col>
          <Col span={8}><Form.Item name="place" label={t("drinking.problem.place")} rules={[{ required: true }]}><Select options={labelOptions(PROBLEM_PLACE_LABELS, PROBLEM_PLACES, t)} /></Form.Item></Col>
          <Col span={8}><Form.Item name="category" label={t("drinking.problem.category")} rules={[{ required: true }]}><Select options={labelOptions(PROBLEM_CATEGORY_LABELS, PROBLEM_CATEGORIES, t)} /></Form.Item></Col>
          <Col span={8}><Form.Item name="origin" label={t("drinking.problem.origin")} rules={[{ required: true }]}><Select options={labelOptions(PROBLEM_ORIGIN_LABELS, PROBLEM_ORIGINS, t)} /></Form.Item></Col>
          <Col span={24}><Form.Item name="description" label={t("drinking.problem.description")} rules={[{ required: true }]}><Input.TextArea rows={2} data-testid="problem-form-description" /></Form.Item></Col>
          <Col span={8}><Form.Item name="foundOn" label={t("drinking.problem.foundOn")} rules={[{ required: true }]}><DatePicker style={{ width: "100%" }} /></Form.Item></Col>
          <Col span={8}><Form.Item name="deadline" label={t("drinking.problem.deadline")}><DatePicker style={{ width: "100%" }} /></Form.Item></Col>
          <Col span={8}><Form.Item name="unitId" label={t("drinking.problem.unit")} rules={[{ required: true }]}><Select showSearch optionFilterProp="label" options={units.options} data-testid="problem-form-unit" /></Form.Item></Col>
          <Col span={6}><Form.Item name="lon" label={t("drinking.lon")}><InputNumber min={-180} max={180} step={0.001} style={{ width: "100%" }} /></Form.Item></Col>
          <Col span={6}><Form.Item name="lat" label={t("drinking.lat")}><InputNumber min={-90} max={90} step={0.001} style={{ width: "100%" }} /></Form.Item></Col>
        </Row>
      )}
    </RecordFormModal>
  );
}
