/**
 * @module Create / edit dialog of a drinking-water source: code, name, kind and level, the water it takes from,
 * keeping unit, water works, population and capacity, approval, 规范化建设, its intakes (drinking-water intake
 * points not yet another source's) and position. The protection zones are drawn on the map (./ZoneEditor.tsx).
 */
import { Col, Form, Input, InputNumber, Row, Select, Switch } from "antd";
import { useQuery } from "@tanstack/react-query";
import { SOURCE_KIND_LABELS, SOURCE_KINDS, SOURCE_LEVEL_LABELS, SOURCE_LEVELS } from "../../../../../domain/registries/drinkingSource";
import { listIntakePoints, type SourceRecord } from "../../../api/enterprises";
import { useUnitOptions } from "../../../hooks/useUnits";
import { useT } from "../../../i18n";
import { labelOptions, useRiverOptions } from "../shared/options";
import { RecordFormModal } from "../shared/RecordFormModal";

interface Values {
  code: string;
  name: string;
  sourceKind: string;
  level: string;
  riverId?: string;
  unitId: string;
  waterWorks?: string;
  populationWan?: number | null;
  capacityWanM3d?: number | null;
  approval?: string;
  standardized?: boolean;
  intakeCodes?: string[];
  lon?: number | null;
  lat?: number | null;
  note?: string;
}

/** The dialog. */
export function SourceForm({ open, onClose, source }: { open: boolean; onClose: () => void; source?: SourceRecord }) {
  const t = useT();
  const units = useUnitOptions();
  const rivers = useRiverOptions();
  const points = useQuery({ queryKey: ["registries", "drinking-sources", "intake-points"], queryFn: listIntakePoints, enabled: open });
  const intakeOptions = (points.data ?? [])
    .filter((p) => !p.sourceId || p.sourceId === source?.id)
    .map((p) => ({ value: p.code, label: `${p.code} ${p.name}` }));
  return (
    <RecordFormModal<Values>
      registry="drinking-sources"
      open={open}
      onClose={onClose}
      id={source?.id}
      title={t(source ? "drinking.edit" : "drinking.create")}
      width={820}
      initialValues={
        source
          ? { ...source, riverId: source.riverId ?? undefined, waterWorks: source.waterWorks ?? undefined, approval: source.approval ?? undefined, note: source.note ?? undefined, intakeCodes: source.intakes.map((i) => i.code) }
          : { sourceKind: "river", level: "city", standardized: false, intakeCodes: [] }
      }
      toBody={(v) => ({
        code: v.code, name: v.name, sourceKind: v.sourceKind, level: v.level, riverId: v.riverId ?? null, unitId: v.unitId, waterWorks: v.waterWorks ?? null,
        populationWan: v.populationWan ?? null, capacityWanM3d: v.capacityWanM3d ?? null, approval: v.approval ?? null, standardized: v.standardized ?? false,
        intakeCodes: v.intakeCodes ?? [], lon: v.lon ?? null, lat: v.lat ?? null, note: v.note ?? null,
      })}
    >
      {() => (
        <Row gutter={12}>
          <Col span={8}><Form.Item name="code" label={t("registries.col.code")} rules={[{ required: true }]}><Input data-testid="source-form-code" /></Form.Item></Col>
          <Col span={16}><Form.Item name="name" label={t("registries.col.name")} rules={[{ required: true }]}><Input data-testid="source-form-name" /></Form.Item></Col>
          <Col span={8}><Form.Item name="sourceKind" label={t("drinking.kind")} rules={[{ required: true }]}><Select options={labelOptions(SOURCE_KIND_LABELS, SOURCE_KINDS, t)} /></Form.Item></Col>
          <Col span={8}><Form.Item name="level" label={t("drinking.level")} rules={[{ required: true }]}><Select options={labelOptions(SOURCE_LEVEL_LABELS, SOURCE_LEVELS, t)} /></Form.Item></Col>
          <Col span={8}><Form.Item name="riverId" label={t("drinking.river")}><Select allowClear showSearch optionFilterProp="label" options={rivers} /></Form.Item></Col>
          <Col span={8}><Form.Item name="unitId" label={t("registries.col.unit")} rules={[{ required: true }]}><Select showSearch optionFilterProp="label" options={units.options} data-testid="source-form-unit" /></Form.Item></Col>
          <Col span={8}><Form.Item name="waterWorks" label={t("drinking.waterWorks")}><Input /></Form.Item></Col>
          <Col span={8}><Form.Item name="approval" label={t("drinking.approval")}><Input /></Form.Item></Col>
          <Col span={8}><Form.Item name="populationWan" label={t("drinking.population")}><InputNumber min={0} style={{ width: "100%" }} addonAfter={t("drinking.unit.wan")} /></Form.Item></Col>
          <Col span={8}><Form.Item name="capacityWanM3d" label={t("drinking.capacity")}><InputNumber min={0} style={{ width: "100%" }} addonAfter={t("drinking.unit.wanM3d")} /></Form.Item></Col>
          <Col span={8}><Form.Item name="standardized" label={t("drinking.standardized")} valuePropName="checked"><Switch /></Form.Item></Col>
          <Col span={24}><Form.Item name="intakeCodes" label={t("drinking.intakes")} extra={t("drinking.intakes.help")}><Select mode="multiple" options={intakeOptions} loading={points.isFetching} data-testid="source-form-intakes" /></Form.Item></Col>
          <Col span={6}><Form.Item name="lon" label={t("drinking.lon")}><InputNumber min={-180} max={180} step={0.001} style={{ width: "100%" }} /></Form.Item></Col>
          <Col span={6}><Form.Item name="lat" label={t("drinking.lat")}><InputNumber min={-90} max={90} step={0.001} style={{ width: "100%" }} /></Form.Item></Col>
          <Col span={12}><Form.Item name="note" label={t("registries.col.note")}><Input /></Form.Item></Col>
        </Row>
      )}
    </RecordFormModal>
  );
}
