/**
 * @module Create / edit dialog of an enterprise-year: enterprise, year, 工业用水量 (new-water intake, m³), 工业增加值
 * (万元, comparable prices), water reused, note.
 */
import { Col, Form, Input, InputNumber, Row, Select } from "antd";
import { useQuery } from "@tanstack/react-query";
import { listRecords } from "../../../api/registries";
import type { EnterpriseRecord, YearRecord } from "../../../api/enterprises";
import { useT } from "../../../i18n";
import { RecordFormModal } from "../shared/RecordFormModal";

interface Values {
  enterpriseId: string;
  year: number;
  waterM3?: number | null;
  valueAddedWan?: number | null;
  reusedM3?: number | null;
  note?: string;
}

/** The dialog. */
export function YearForm({ open, onClose, year, enterpriseId }: { open: boolean; onClose: () => void; year?: YearRecord; enterpriseId?: string }) {
  const t = useT();
  const ents = useQuery({ queryKey: ["registries", "enterprises", "all"], queryFn: () => listRecords<EnterpriseRecord>("enterprises", { pageSize: 200 }), staleTime: 60_000, enabled: open });
  return (
    <RecordFormModal<Values>
      registry="enterprise-years"
      open={open}
      onClose={onClose}
      id={year?.id}
      title={t(year ? "enterprises.years.edit" : "enterprises.years.add")}
      initialValues={year ? { ...year, note: year.note ?? undefined } : { enterpriseId, year: new Date().getFullYear() - 1 }}
      toBody={(v) => ({ enterpriseId: v.enterpriseId, year: v.year, waterM3: v.waterM3 ?? null, valueAddedWan: v.valueAddedWan ?? null, reusedM3: v.reusedM3 ?? null, note: v.note ?? null })}
    >
      {() => (
        <Row gutter={12}>
          <Col span={16}><Form.Item name="enterpriseId" label={t("enterprises.years.enterprise")} rules={[{ required: true }]}><Select showSearch optionFilterProp="label" options={(ents.data?.data ?? []).map((e) => ({ value: e.id, label: e.name }))} /></Form.Item></Col>
          <Col span={8}><Form.Item name="year" label={t("enterprises.years.year")} rules={[{ required: true }]}><InputNumber min={2000} max={2100} style={{ width: "100%" }} /></Form.Item></Col>
          <Col span={8}><Form.Item name="waterM3" label={t("enterprises.years.water")} extra={t("enterprises.years.waterHelp")}><InputNumber min={0} style={{ width: "100%" }} /></Form.Item></Col>
          <Col span={8}><Form.Item name="valueAddedWan" label={t("enterprises.years.valueAdded")} extra={t("enterprises.years.valueAddedHelp")}><InputNumber min={0} style={{ width: "100%" }} /></Form.Item></Col>
          <Col span={8}><Form.Item name="reusedM3" label={t("enterprises.years.reused")}><InputNumber min={0} style={{ width: "100%" }} /></Form.Item></Col>
          <Col span={24}><Form.Item name="note" label={t("registries.col.note")}><Input /></Form.Item></Col>
        </Row>
      )}
    </RecordFormModal>
  );
}
