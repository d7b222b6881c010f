/**
 * @module Register / edit dialog of an outfall (查): code, name, HJ 1312-2023 type (cascading by level), receiving
 * water, keeping unit, 责任主体, location, coordinates, day found.
 */
import { Cascader, Col, DatePicker, Form, Input, InputNumber, Row, Select } from "antd";
import dayjs from "dayjs";
import { OUTFALL_TYPES } from "../../../../../domain/registries/outfallTypes";
import { useUnitOptions } from "../../../hooks/useUnits";
import { useT } from "../../../i18n";
import { useRiverOptions } from "../shared/options";
import { RecordFormModal } from "../shared/RecordFormModal";
import type { OutfallRecord } from "./types";

/** HJ 1312-2023 types as cascader options: 一级 → 二级 → 三级 (the leaf's value is the type code). */
export function typeOptions() {
  type Opt = { value: string; label: string; children?: Opt[] };
  const out: Opt[] = [];
  for (const x of OUTFALL_TYPES) {
    let l1 = out.find((o) => o.label === x.level1);
    if (!l1) out.push((l1 = { value: `L1:${x.level1}`, label: x.level1, children: [] }));
    if (!x.level3) {
      l1.children!.push({ value: x.code, label: x.level2 });
      continue;
    }
    let l2 = l1.children!.find((o) => o.label === x.level2);
    if (!l2) l1.children!.push((l2 = { value: `L2:${x.level2}`, label: x.level2, children: [] }));
    l2.children!.push({ value: x.code, label: x.level3 });
  }
  return out;
}

/** The cascader path of a type code. */
export function typePath(code: string): string[] {
  const x = OUTFALL_TYPES.find((t) => t.code === code);
  if (!x) return [];
  return x.level3 ? [`L1:${x.level1}`, `L2:${x.level2}`, code] : [`L1:${x.level1}`, code];
}

interface Values {
  code: string;
  name: string;
  type: string[];
  typeNote?: string;
  riverId?: string;
  receivingWater?: string;
  unitId: string;
  responsibleParty?: string;
  location?: string;
  lon?: number | null;
  lat?: number | null;
  foundOn: dayjs.Dayjs;
}

/** The dialog. */
export function OutfallForm({ open, onClose, outfall }: { open: boolean; onClose: () => void; outfall?: OutfallRecord }) {
  const t = useT();
  const units = useUnitOptions();
  const rivers = useRiverOptions();
  return (
    <RecordFormModal<Values>
      registry="outfalls"
      open={open}
      onClose={onClose}
      id={outfall?.id}
      title={t(outfall ? "registries.of.edit" : "registries.of.create")}
      width={820}
      initialValues={
        outfall
          ? { ...outfall, type: typePath(outfall.typeCode), typeNote: outfall.typeNote ?? undefined, riverId: outfall.riverId ?? undefined, receivingWater: outfall.receivingWater ?? undefined, responsibleParty: outfall.responsibleParty ?? undefined, location: outfall.location ?? undefined, foundOn: dayjs(outfall.foundOn) }
          : { foundOn: dayjs() }
      }
      toBody={(v) => ({
        code: v.code, name: v.name, typeCode: v.type?.[v.type.length - 1], typeNote: v.typeNote ?? null, riverId: v.riverId ?? null, receivingWater: v.receivingWater ?? null,
        unitId: v.unitId, responsibleParty: v.responsibleParty ?? null, location: v.location ?? null, lon: v.lon ?? null, lat: v.lat ?? null, foundOn: v.foundOn.format("YYYY-MM-DD"),
      })}
    >
      {() => (
        <Row gutter={12}>
          <Col span={8}><Form.Item name="code" label={t("registries.col.code")} rules={[{ required: true }]}><Input data-testid="of-form-code" /></Form.Item></Col>
          <Col span={16}><Form.Item name="name" label={t("registries.col.name")} rules={[{ required: true }]}><Input data-testid="of-form-name" /></Form.Item></Col>
          <Col span={16}><Form.Item name="type" label={t("registries.of.type")} rules={[{ required: true }]}><Cascader options={typeOptions()} expandTrigger="hover" data-testid="of-form-type" /></Form.Item></Col>
          <Col span={8}><Form.Item name="typeNote" label={t("registries.of.typeNote")}><Input /></Form.Item></Col>
          <Col span={8}><Form.Item name="riverId" label={t("registries.of.receiving")}><Select allowClear showSearch optionFilterProp="label" options={rivers} data-testid="of-form-river" /></Form.Item></Col>
          <Col span={8}><Form.Item name="receivingWater" label={t("registries.of.receivingOther")}><Input /></Form.Item></Col>
          <Col span={8}><Form.Item name="unitId" label={t("registries.col.unit")} rules={[{ required: true }]}><Select showSearch optionFilterProp="label" options={units.options} data-testid="of-form-unit" /></Form.Item></Col>
          <Col span={8}><Form.Item name="responsibleParty" label={t("registries.of.party")}><Input data-testid="of-form-party" /></Form.Item></Col>
          <Col span={16}><Form.Item name="location" label={t("registries.of.location")}><Input /></Form.Item></Col>
          <Col span={8}><Form.Item name="lon" label={t("registries.of.lon")}><InputNumber min={-180} max={180} step={0.0001} style={{ width: "100%" }} data-testid="of-form-lon" /></Form.Item></Col>
          <Col span={8}><Form.Item name="lat" label={t("registries.of.lat")}><InputNumber min={-90} max={90} step={0.0001} style={{ width: "100%" }} data-testid="of-form-lat" /></Form.Item></Col>
          <Col span={8}><Form.Item name="foundOn" label={t("registries.of.foundOn")} rules={[{ required: true }]}><DatePicker style={{ width: "100%" }} /></Form.Item></Col>
        </Row>
      )}
    </RecordFormModal>
  );
}
