/**
 * @module Create / edit dialog of an enterprise: code, name, 统一社会信用代码, 排污许可证编号 and class, validity,
 * industry, address, supervising unit, receiving water, pollutants, 涉氟企业, declared online monitors, outlets
 * (outlet points not yet another enterprise's) and position. The server checks codes and the 涉氟 rule.
 */
import { Col, DatePicker, Form, Input, InputNumber, Row, Select, Switch } from "antd";
import { useQuery } from "@tanstack/react-query";
import dayjs from "dayjs";
import { PERMIT_CLASS_LABELS, PERMIT_CLASSES } from "../../../../../domain/registries/enterprise";
import { listOutletPoints, type EnterpriseRecord } from "../../../api/enterprises";
import { useUnitOptions } from "../../../hooks/useUnits";
import { useT } from "../../../i18n";
import { labelOptions, useRiverOptions } from "../shared/options";
import { RecordFormModal } from "../shared/RecordFormModal";
import { pollutantOptions } from "./monitors";

interface Values {
  code: string;
  name: string;
  creditCode?: string;
  permitNo?: string;
  permitClass?: string;
  permitValidTo?: dayjs.Dayjs | null;
  industry?: string;
  address?: string;
  unitId: string;
  riverId?: string;
  pollutants?: string[];
  fluoride?: boolean;
  declaredMonitors?: string[];
  outletCodes?: string[];
  lon?: number | null;
  lat?: number | null;
  note?: string;
}

/** The dialog. */
export function EnterpriseForm({ open, onClose, enterprise }: { open: boolean; onClose: () => void; enterprise?: EnterpriseRecord }) {
  const t = useT();
  const units = useUnitOptions();
  const rivers = useRiverOptions();
  const points = useQuery({ queryKey: ["registries", "enterprises", "outlet-points"], queryFn: listOutletPoints, enabled: open });
  const outletOptions = (points.data ?? []).filter((p) => !p.enterpriseId || p.enterpriseId === enterprise?.id).map((p) => ({ value: p.code, label: `${p.code} ${p.name}` }));
  const e = enterprise;
  return (
    <RecordFormModal<Values>
      registry="enterprises"
      open={open}
      onClose={onClose}
      id={e?.id}
      title={t(e ? "enterprises.edit" : "enterprises.create")}
      width={860}
      initialValues={
        e
          ? {
            code: e.code, name: e.name, creditCode: e.creditCode ?? undefined, permitNo: e.permitNo ?? undefined, permitClass: e.permitClass ?? undefined,
            permitValidTo: e.permitValidTo ? dayjs(e.permitValidTo) : null, industry: e.industry ?? undefined, address: e.address ?? undefined, unitId: e.unitId,
            riverId: e.riverId ?? undefined, pollutants: e.pollutants.map((p) => p.code), fluoride: e.fluoride, declaredMonitors: e.declaredMonitors,
            outletCodes: e.outlets.map((o) => o.code), lon: e.lon, lat: e.lat, note: e.note ?? undefined,
          }
          : { fluoride: false, pollutants: [], declaredMonitors: [], outletCodes: [] }
      }
      toBody={(v) => ({
        code: v.code, name: v.name, creditCode: v.creditCode ?? null, permitNo: v.permitNo ?? null, permitClass: v.permitClass ?? null,
        permitValidTo: v.permitValidTo ? v.permitValidTo.format("YYYY-MM-DD") : null, industry: v.industry ?? null, address: v.address ?? null, unitId: v.unitId,
        riverId: v.riverId ?? null, pollutants: v.pollutants ?? [], fluoride: v.fluoride ?? false, declaredMonitors: v.declaredMonitors ?? [], outletCodes: v.outletCodes ?? [],
        lon: v.lon ?? null, lat: v.lat ?? null, note: v.note ?? null,
      })}
    >
      {(form) => (
        <Row gutter={12}>
          <Col span={6}><Form.Item name="code" label={t("registries.col.code")} rules={[{ required: true }]}><Input data-testid="enterprise-form-code" /></Form.Item></Col>
          <Col span={18}><Form.Item name="name" label={t("enterprises.name")} rules={[{ required: true }]}><Input data-testid="enterprise-form-name" /></Form.Item></Col>
          <Col span={8}><Form.Item name="creditCode" label={t("enterprises.creditCode")}><Input maxLength={18} style={{ fontFamily: "monospace" }} /></Form.Item></Col>
          <Col span={8}><Form.Item name="permitNo" label={t("enterprises.permitNo")}><Input style={{ fontFamily: "monospace" }} /></Form.Item></Col>
          <Col span={4}><Form.Item name="permitClass" label={t("enterprises.permitClass")}><Select allowClear options={labelOptions(PERMIT_CLASS_LABELS, PERMIT_CLASSES, t)} /></Form.Item></Col>
          <Col span={4}><Form.Item name="permitValidTo" label={t("enterprises.permitValidTo")}><DatePicker style={{ width: "100%" }} /></Form.Item></Col>
          <Col span={8}><Form.Item name="industry" label={t("enterprises.industry")}><Input /></Form.Item></Col>
          <Col span={8}><Form.Item name="unitId" label={t("enterprises.unit")} rules={[{ required: true }]}><Select showSearch optionFilterProp="label" options={units.options} data-testid="enterprise-form-unit" /></Form.Item></Col>
          <Col span={8}><Form.Item name="riverId" label={t("enterprises.river")}><Select allowClear showSearch optionFilterProp="label" options={rivers} /></Form.Item></Col>
          <Col span={18}>
            <Form.Item name="pollutants" label={t("enterprises.pollutants")}>
              <Select mode="multiple" optionFilterProp="label" options={pollutantOptions(t)} onChange={(codes: string[]) => codes.includes("w21017") && form.setFieldValue("fluoride", true)} data-testid="enterprise-form-pollutants" />
            </Form.Item>
          </Col>
          <Col span={6}><Form.Item name="fluoride" label={t("enterprises.fluoride")} valuePropName="checked" extra={t("enterprises.fluoride.help")}><Switch data-testid="enterprise-form-fluoride" /></Form.Item></Col>
          <Col span={12}><Form.Item name="declaredMonitors" label={t("enterprises.declaredMonitors")} extra={t("enterprises.declaredMonitors.help")}><Select mode="multiple" optionFilterProp="label" options={pollutantOptions(t)} /></Form.Item></Col>
          <Col span={12}><Form.Item name="outletCodes" label={t("enterprises.outlets")} extra={t("enterprises.outlets.help")}><Select mode="multiple" options={outletOptions} loading={points.isFetching} data-testid="enterprise-form-outlets" /></Form.Item></Col>
          <Col span={12}><Form.Item name="address" label={t("enterprises.address")}><Input /></Form.Item></Col>
          <Col span={6}><Form.Item name="lon" label={t("drinking.lon")}><InputNumber min={-180} max={180} step={0.001} style={{ width: "100%" }} /></Form.Item></Col>
          <Col span={6}><Form.Item name="lat" label={t("drinking.lat")}><InputNumber min={-90} max={90} step={0.001} style={{ width: "100%" }} /></Form.Item></Col>
          <Col span={24}><Form.Item name="note" label={t("registries.col.note")}><Input /></Form.Item></Col>
        </Row>
      )}
    </RecordFormModal>
  );
}
