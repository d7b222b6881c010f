/**
 * @module The outfall's working records, each in its own dialog: a sampling record (测), the trace graph (溯,
 * drains and pipes back to enterprises and sources, edited as a list of nodes each naming where it flows), and
 * the plan (一口一策: the way of 整治, goal, measures with unit, deadline and completion day).
 */
import type { ReactNode } from "react";
import { App, Button, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Space, Switch, type FormInstance } from "antd";
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import dayjs from "dayjs";
import { recordAction, recordPut } from "../../../api/registries";
import { REMEDIATION_KINDS, REMEDIATION_LABELS } from "../../../../../domain/registries/outfallLifecycle";
import { TRACE_NODE_KINDS, TRACE_NODE_LABELS } from "../../../../../domain/registries/traceGraph";
import { applyIssues } from "../../../components/formIssues";
import { buttonTestId } from "../../../components/testId";
import { useUnitOptions } from "../../../hooks/useUnits";
import { errorMessage } from "../../../i18n/errors";
import { useT } from "../../../i18n";
import { labelOptions } from "../shared/options";
import type { OutfallDetail } from "./types";

/** Props of a part dialog. */
interface PartProps<V extends object> {
  open: boolean; onClose: () => void; title: string; initialValues?: Partial<V>; send: (v: V) => Promise<unknown>; children: (f: FormInstance<V>) => ReactNode; testId: string; width?: number;
}

/** A dialog that sends its form's values with `send`; mounted only while open, so each opening starts from the record as it is. */
function PartModal<V extends object>(p: PartProps<V>) {
  return p.open ? <PartDialog<V> {...p} /> : null;
}

function PartDialog<V extends object>({ open, onClose, title, initialValues, send, children, testId, width = 720 }: PartProps<V>) {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<V>();
  const save = useMutation({
    mutationFn: send,
    onSuccess: () => {
      message.success(t("common.saved"));
      void qc.invalidateQueries({ queryKey: ["registries"] });
      onClose();
    },
    onError: (e) => {
      if (!applyIssues(form, e)) message.error(errorMessage(e, t));
    },
  });
  return (
    <Modal open={open} title={title} width={width} onCancel={onClose} onOk={() => form.submit()} okText={t("common.save")} okButtonProps={{ ...buttonTestId(`${testId}-submit`), loading: save.isPending }} destroyOnHidden>
      <Form<V> form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => save.mutate(v)} preserve={false}>{children(form)}</Form>
    </Modal>
  );
}

const day = (d?: dayjs.Dayjs | null) => (d ? d.format("YYYY-MM-DD") : null);

/** 测: a sampling record. */
export function TestModal({ o, open, onClose }: { o: OutfallDetail; open: boolean; onClose: () => void }) {
  const t = useT();
  type V = { sampledOn: dayjs.Dayjs; flowing: boolean; cod?: number; ammonia?: number; totalPhosphorus?: number; flowM3d?: number; conclusion: string; note?: string };
  return (
    <PartModal<V> open={open} onClose={onClose} title={t("registries.of.test.add")} testId="of-test" initialValues={{ sampledOn: dayjs(), flowing: true, conclusion: "compliant" }}
      send={(v) => recordAction("outfalls", o.id, "tests", { sampledOn: day(v.sampledOn), flowing: v.flowing, cod: v.cod ?? null, ammonia: v.ammonia ?? null, totalPhosphorus: v.totalPhosphorus ?? null, flowM3d: v.flowM3d ?? null, conclusion: v.conclusion, note: v.note ?? null })}>
      {() => (
        <Row gutter={12}>
          <Col span={8}><Form.Item name="sampledOn" label={t("registries.of.test.on")} rules={[{ required: true }]}><DatePicker style={{ width: "100%" }} /></Form.Item></Col>
          <Col span={8}><Form.Item name="flowing" label={t("registries.of.test.flowing")} valuePropName="checked"><Switch /></Form.Item></Col>
          <Col span={8}><Form.Item name="conclusion" label={t("registries.of.test.conclusion")}><Select options={(["compliant", "exceeds", "dry"] as const).map((c) => ({ value: c, label: t(`registries.of.test.${c}`) }))} data-testid="of-test-conclusion" /></Form.Item></Col>
          <Col span={6}><Form.Item name="cod" label="COD (mg/L)"><InputNumber min={0} style={{ width: "100%" }} data-testid="of-test-cod" /></Form.Item></Col>
          <Col span={6}><Form.Item name="ammonia" label={t("registries.of.test.nh3")}><InputNumber min={0} style={{ width: "100%" }} data-testid="of-test-nh3" /></Form.Item></Col>
          <Col span={6}><Form.Item name="totalPhosphorus" label={t("registries.of.test.tp")}><InputNumber min={0} style={{ width: "100%" }} /></Form.Item></Col>
          <Col span={6}><Form.Item name="flowM3d" label={t("registries.of.test.flow")}><InputNumber min={0} style={{ width: "100%" }} /></Form.Item></Col>
          <Col span={24}><Form.Item name="note" label={t("registries.col.note")}><Input /></Form.Item></Col>
        </Row>
      )}
    </PartModal>
  );
}

const OUTFALL = "__outfall";

/** The downstream options of a node row: the outfall itself and every other node. */
function DownstreamSelect({ index, value, onChange }: { index: number; value?: string; onChange?: (v: string) => void }) {
  const t = useT();
  const form = Form.useFormInstance();
  const nodes = (Form.useWatch("nodes", form) ?? []) as { key: string; label?: string }[];
  const options = [{ value: OUTFALL, label: t("registries.of.trace.intoOutfall") }, ...nodes.filter((_, i) => i !== index).map((n) => ({ value: n.key, label: n.label || n.key }))];
  return <Select value={value} onChange={onChange} options={options} data-testid={`trace-downstream-${index}`} />;
}

/** 溯: the trace graph as a list of nodes. */
export function TraceModal({ o, open, onClose }: { o: OutfallDetail; open: boolean; onClose: () => void }) {
  const t = useT();
  type N = { key: string; kind: string; label: string; downstream: string; note?: string };
  let next = o.trace.nodes.length + 1;
  return (
    <PartModal<{ nodes: N[] }> open={open} onClose={onClose} width={900} title={t("registries.of.trace.edit")} testId="of-trace"
      initialValues={{ nodes: o.trace.nodes.map((n) => ({ key: n.id, kind: n.kind, label: n.label, downstream: n.downstreamId ?? OUTFALL, note: n.note ?? undefined })) }}
      send={(v) => recordPut("outfalls", o.id, "trace", { nodes: (v.nodes ?? []).map((n) => ({ key: n.key, kind: n.kind, label: n.label, downstream: n.downstream === OUTFALL ? null : n.downstream, note: n.note ?? null })) })}>
      {() => (
        <Form.List name="nodes">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Row gutter={8} key={f.key} align="middle">
                  <Form.Item name={[f.name, "key"]} hidden><Input /></Form.Item>
                  <Col span={5}><Form.Item name={[f.name, "kind"]} rules={[{ required: true }]}><Select options={labelOptions(TRACE_NODE_LABELS, TRACE_NODE_KINDS, t)} data-testid={`trace-kind-${i}`} /></Form.Item></Col>
                  <Col span={8}><Form.Item name={[f.name, "label"]} rules={[{ required: true }]}><Input placeholder={t("registries.of.trace.label")} data-testid={`trace-label-${i}`} /></Form.Item></Col>
                  <Col span={9}><Form.Item name={[f.name, "downstream"]} rules={[{ required: true }]} label={i === 0 ? undefined : undefined}><DownstreamSelect index={i} /></Form.Item></Col>
                  <Col span={2}><Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} style={{ marginBottom: 24 }} /></Col>
                </Row>
              ))}
              <Space>
                <Button icon={<PlusOutlined />} onClick={() => add({ key: `n${next++}-${Date.now()}`, kind: "pipe", downstream: OUTFALL })} data-testid="trace-add">{t("registries.of.trace.add")}</Button>
              </Space>
            </>
          )}
        </Form.List>
      )}
    </PartModal>
  );
}

/** 治: the plan (一口一策). */
export function PlanModal({ o, open, onClose }: { o: OutfallDetail; open: boolean; onClose: () => void }) {
  const t = useT();
  const units = useUnitOptions();
  type M = { text: string; unitId?: string; deadline?: dayjs.Dayjs | null; doneOn?: dayjs.Dayjs | null; note?: string };
  type V = { remediationKind?: string; goal?: string; measures: M[] };
  return (
    <PartModal<V> open={open} onClose={onClose} width={980} title={t("registries.of.plan.edit")} testId="of-plan"
      initialValues={{
        remediationKind: o.plan?.remediationKind ?? undefined, goal: o.plan?.goal ?? undefined,
        measures: (o.plan?.measures ?? []).map((m) => ({ text: m.text, unitId: m.unitId ?? undefined, deadline: m.deadline ? dayjs(m.deadline) : null, doneOn: m.doneOn ? dayjs(m.doneOn) : null, note: m.note ?? undefined })),
      }}
      send={(v) => recordPut("outfalls", o.id, "plan", {
        remediationKind: v.remediationKind ?? null, goal: v.goal ?? null,
        measures: (v.measures ?? []).map((m) => ({ text: m.text, unitId: m.unitId ?? null, deadline: day(m.deadline), doneOn: day(m.doneOn), note: m.note ?? null })),
      })}>
      {() => (
        <>
          <Row gutter={12}>
            <Col span={8}><Form.Item name="remediationKind" label={t("registries.of.kind")}><Select allowClear options={labelOptions(REMEDIATION_LABELS, REMEDIATION_KINDS, t)} data-testid="of-plan-kind" /></Form.Item></Col>
            <Col span={16}><Form.Item name="goal" label={t("registries.of.plan.goal")}><Input /></Form.Item></Col>
          </Row>
          <Form.List name="measures">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Row gutter={8} key={f.key}>
                    <Col span={8}><Form.Item name={[f.name, "text"]} rules={[{ required: true }]}><Input placeholder={t("registries.of.plan.measure")} data-testid={`plan-text-${i}`} /></Form.Item></Col>
                    <Col span={5}><Form.Item name={[f.name, "unitId"]}><Select allowClear showSearch optionFilterProp="label" placeholder={t("registries.col.unit")} options={units.options} /></Form.Item></Col>
                    <Col span={4}><Form.Item name={[f.name, "deadline"]}><DatePicker placeholder={t("registries.of.plan.deadline")} style={{ width: "100%" }} /></Form.Item></Col>
                    <Col span={4} data-testid={`plan-done-${i}`}><Form.Item name={[f.name, "doneOn"]}><DatePicker placeholder={t("registries.of.plan.doneOn")} style={{ width: "100%" }} /></Form.Item></Col>
                    <Col span={2}><Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} /></Col>
                  </Row>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ text: "" })} data-testid="plan-add">{t("registries.of.plan.add")}</Button>
              </>
            )}
          </Form.List>
        </>
      )}
    </PartModal>
  );
}
