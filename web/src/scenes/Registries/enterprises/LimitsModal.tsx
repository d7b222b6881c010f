/**
 * @module Editing an outlet's permit limits (project decision 9: from the permit; GB 8978 / GB 18918 / GB 18466
 * values as presets — no provincial values built in): a row per pollutant with upper and lower bound, unit and
 * basis; a preset of a standard, grade and table fills or replaces its pollutants' rows, the others stay. Saved
 * as a whole through the enterprise (PUT …/outlets/:pointId/limits).
 */
import { useState } from "react";
import { App, Button, Divider, InputNumber, Input, Modal, Select, Space, Switch, Table, Typography } from "antd";
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  FLUORIDE_SCOPE_LABELS, GB18466_TABLE_LABELS, GB18466_TABLES, GB18918_GRADE_LABELS, GB18918_GRADES, GB8978_FLUORIDE_SCOPES, GB8978_GRADES,
  mergeLimits, presetLimits, type FluorideScope, type Gb18466Table, type Gb18918Grade, type Gb8978Grade, type PresetChoice, type PresetStandard,
} from "../../../../../domain/registries/dischargePresets";
import { putLimits, type LimitView } from "../../../api/enterprises";
import { buttonTestId } from "../../../components/testId";
import { errorMessage } from "../../../i18n/errors";
import { useT, type MessageKey } from "../../../i18n";
import { labelOptions } from "../shared/options";
import { pollutantOptions } from "./monitors";

/** The dialog for one outlet. */
export function LimitsModal({ enterpriseId, outlet, onClose }: { enterpriseId: string; outlet: { id: string; code: string; name: string; limits: LimitView[] } | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [rows, setRows] = useState<LimitView[]>(outlet?.limits ?? []);
  const [standard, setStandard] = useState<PresetStandard>("gb8978F");
  const [grade, setGrade] = useState<string>("1");
  const [scope, setScope] = useState<string>("other");
  const [table, setTable] = useState<string>("t2discharge");
  const [before2006, setBefore2006] = useState(false);
  const save = useMutation({
    mutationFn: () => putLimits(enterpriseId, outlet!.id, rows),
    onSuccess: () => {
      message.success(t("common.saved"));
      void qc.invalidateQueries({ queryKey: ["registries", "enterprises"] });
      onClose();
    },
    onError: (e) => message.error(errorMessage(e, t)),
  });
  const choice = (): PresetChoice =>
    standard === "gb18918" ? { standard, grade: grade as Gb18918Grade, builtBefore2006: before2006 }
      : standard === "gb8978F" ? { standard, grade: grade as Gb8978Grade, scope: scope as FluorideScope }
        : { standard, table: table as Gb18466Table };
  const set = (i: number, patch: Partial<LimitView>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Modal open={Boolean(outlet)} width={920} title={t("enterprises.limits.title", { outlet: outlet ? `${outlet.code} ${outlet.name}` : "" })} onCancel={onClose} onOk={() => save.mutate()}
      okText={t("common.save")} okButtonProps={{ ...buttonTestId("limits-save"), loading: save.isPending }} destroyOnHidden>
      <Space wrap>
        <Typography.Text>{t("enterprises.limits.preset")}</Typography.Text>
        <Select value={standard} onChange={(s: PresetStandard) => { setStandard(s); setGrade(s === "gb18918" ? "1A" : "1"); }} style={{ width: 240 }} data-testid="preset-standard"
          options={(["gb8978F", "gb18918", "gb18466"] as const).map((s) => ({ value: s, label: t(`enterprises.preset.${s}` as MessageKey) }))} />
        {standard === "gb18918" && <Select value={grade} onChange={setGrade} style={{ width: 130 }} options={labelOptions(GB18918_GRADE_LABELS, GB18918_GRADES, t)} />}
        {standard === "gb18918" && <Space size={4}><Switch size="small" checked={before2006} onChange={setBefore2006} /><span>{t("enterprises.preset.before2006")}</span></Space>}
        {standard === "gb8978F" && <Select value={grade} onChange={setGrade} style={{ width: 100 }} options={GB8978_GRADES.map((g) => ({ value: g, label: t(`enterprises.preset.grade${g}` as MessageKey) }))} />}
        {standard === "gb8978F" && <Select value={scope} onChange={setScope} style={{ width: 250 }} options={labelOptions(FLUORIDE_SCOPE_LABELS, GB8978_FLUORIDE_SCOPES, t)} />}
        {standard === "gb18466" && <Select value={table} onChange={setTable} style={{ width: 280 }} options={labelOptions(GB18466_TABLE_LABELS, GB18466_TABLES, t)} />}
        <Button onClick={() => setRows(mergeLimits(rows, presetLimits(choice())))} data-testid="preset-apply">{t("enterprises.limits.apply")}</Button>
      </Space>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 6 }}>{t("enterprises.limits.presetHelp")}</Typography.Paragraph>
      <Divider style={{ margin: "8px 0" }} />
      <Table<LimitView> size="small" rowKey={(r) => r.factor || String(rows.indexOf(r))} pagination={false} dataSource={rows} data-testid="limits-table"
        columns={[
          { title: t("enterprises.limits.factor"), key: "f", width: 200, render: (_, r, i) => <Select size="small" value={r.factor || undefined} showSearch optionFilterProp="label" options={pollutantOptions(t)} onChange={(v: string) => set(i, { factor: v })} style={{ width: 190 }} /> },
          { title: t("enterprises.limits.upper"), key: "u", width: 110, render: (_, r, i) => <InputNumber size="small" min={0} value={r.upperLimit} onChange={(v) => set(i, { upperLimit: v ?? null })} /> },
          { title: t("enterprises.limits.lower"), key: "l", width: 110, render: (_, r, i) => <InputNumber size="small" min={0} value={r.lowerLimit} onChange={(v) => set(i, { lowerLimit: v ?? null })} /> },
          { title: t("enterprises.limits.unit"), key: "unit", width: 90, render: (_, r, i) => <Input size="small" value={r.unit} onChange={(e) => set(i, { unit: e.target.value })} /> },
          { title: t("enterprises.limits.basis"), key: "b", render: (_, r, i) => <Input size="small" value={r.basis} onChange={(e) => set(i, { basis: e.target.value })} /> },
          { title: "", key: "x", width: 40, render: (_, _r, i) => <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => setRows(rows.filter((_, j) => j !== i))} /> },
        ]} />
      <Button size="small" icon={<PlusOutlined />} style={{ marginTop: 8 }} onClick={() => setRows([...rows, { factor: "", upperLimit: null, lowerLimit: null, unit: "mg/L", basis: t("enterprises.limits.permit") }])}>{t("enterprises.limits.add")}</Button>
    </Modal>
  );
}
