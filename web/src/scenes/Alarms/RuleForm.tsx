/**
 * @module The alarm-rule form (create / change): name, severity, what it watches, the series, the conditions
 * (thresholds on the permit, the target class or fixed values; no-data for N minutes) and how they combine,
 * persistence, repeats until acknowledged, and escalation levels (who after how many minutes).
 */
import { App, Button, Card, Col, Form, Input, InputNumber, Modal, Row, Select, Space, Switch } from "antd";
import type { ButtonProps } from "antd";
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { createRule, updateRule, type AlarmRule, type RuleInput } from "../../api/alarms";
import type { MonitoringPoint, PointKind } from "../../api/types";
import { applyIssues } from "../../components/formIssues";
import { errorMessage } from "../../i18n/errors";
import { useT, type MessageKey } from "../../i18n";
import { FACTORS } from "../../../../domain/standards/factors";
import { factorName } from "./shared";

const KINDS: PointKind[] = ["section", "auto_station", "outlet", "flow_station", "drinking_intake"];
const EXTRA_CODES = ["w00000", "w01014", "w01003", "w01020", "w01012"];

type Scope = "point" | "kind" | "all";
type FormValues = Omit<RuleInput, "pointId" | "pointKind"> & { scope: Scope; pointId?: string; pointKind?: PointKind };

const EMPTY: FormValues = {
  name: "", enabled: true, severity: "warning", scope: "point", period: "rt", combinator: "or",
  conditions: [{ kind: "threshold", factor: "w21003", basis: "target_class", multiple: 1, above: null, below: null }],
  persistenceMinutes: 0, repeatMinutes: 30, escalation: [],
};

/** The form in a modal. */
export function RuleForm({ rule, points, onClose }: { rule: AlarmRule | null; points: MonitoringPoint[]; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const factorOptions = [...Object.keys(FACTORS), ...EXTRA_CODES].map((c) => ({ value: c, label: `${factorName(c, t)}（${c}）` }));
  const initial: FormValues = rule
    ? { ...rule, scope: rule.pointId ? "point" : rule.pointKind ? "kind" : "all", pointId: rule.pointId ?? undefined, pointKind: rule.pointKind ?? undefined }
    : EMPTY;
  const save = useMutation({
    mutationFn: (v: FormValues) => {
      const { scope, pointId, pointKind, ...rest } = v;
      const body: RuleInput = {
        ...rest,
        pointId: scope === "point" ? (pointId ?? null) : null,
        pointKind: scope === "kind" ? (pointKind ?? null) : null,
        conditions: v.conditions.map((c) => (c.kind === "threshold"
          ? { kind: "threshold", factor: c.factor, basis: c.basis, multiple: c.multiple ?? 1, above: c.above ?? null, below: c.below ?? null }
          : { kind: "no_data", factor: c.factor ?? null, minutes: c.minutes })),
        escalation: (v.escalation ?? []).map((l) => ({ afterMinutes: l.afterMinutes, userIds: [], group: l.group ?? "monitoring_operators" })),
      };
      return rule ? updateRule(rule.id, body) : createRule(body);
    },
    onSuccess: () => {
      message.success(t("alarms.rules.saved"));
      void qc.invalidateQueries({ queryKey: ["alarm-rules"] });
      onClose();
    },
    onError: (e) => {
      if (!applyIssues(form, e)) message.error(errorMessage(e, t));
    },
  });
  return (
    <Modal open width={860} title={t(rule ? "alarms.rules.editTitle" : "alarms.rules.createTitle")} onCancel={onClose}
      onOk={() => void form.validateFields().then((v) => save.mutate(v))} confirmLoading={save.isPending} okButtonProps={{ "data-testid": "rule-submit" } as ButtonProps}>
      <Form form={form} layout="vertical" initialValues={initial}>
        <Row gutter={12}>
          <Col span={12}><Form.Item name="name" label={t("alarms.rules.name")} rules={[{ required: true, message: t("alarms.rules.nameRequired") }]}><Input maxLength={100} data-testid="rule-name" /></Form.Item></Col>
          <Col span={6}><Form.Item name="severity" label={t("alarms.col.severity")}><Select options={(["info", "warning", "severe"] as const).map((s) => ({ value: s, label: t(`alarms.severity.${s}`) }))} data-testid="rule-severity" /></Form.Item></Col>
          <Col span={6}><Form.Item name="enabled" label={t("alarms.rules.enabled")} valuePropName="checked"><Switch /></Form.Item></Col>
        </Row>
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item name="scope" label={t("alarms.rules.scope")}>
              <Select options={(["point", "kind", "all"] as const).map((s) => ({ value: s, label: t(`alarms.rules.scope.${s}`) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item noStyle shouldUpdate={(a, b) => a.scope !== b.scope}>
              {({ getFieldValue }) =>
                getFieldValue("scope") === "point" ? (
                  <Form.Item name="pointId" label={t("alarms.col.point")} rules={[{ required: true, message: t("alarms.rules.pointRequired") }]}>
                    <Select showSearch optionFilterProp="label" options={points.map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))} data-testid="rule-point" />
                  </Form.Item>
                ) : getFieldValue("scope") === "kind" ? (
                  <Form.Item name="pointKind" label={t("alarms.rules.kind")} rules={[{ required: true, message: t("alarms.rules.kindRequired") }]}>
                    <Select options={KINDS.map((k) => ({ value: k, label: t(`monitoring.kind.${k}` as MessageKey) }))} />
                  </Form.Item>
                ) : null
              }
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="period" label={t("alarms.rules.period")}>
              <Select options={(["rt", "min", "hour", "day", "sample"] as const).map((p) => ({ value: p, label: t(`monitoring.period.${p}` as MessageKey) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="combinator" label={t("alarms.rules.combinator")}>
          <Select style={{ width: 260 }} options={[{ value: "or", label: t("alarms.rules.any") }, { value: "and", label: t("alarms.rules.all") }]} />
        </Form.Item>
        <Form.List name="conditions">
          {(fields, { add, remove }) => (
            <Card size="small" title={t("alarms.rules.conditions")} style={{ marginBottom: 12 }}
              extra={<Button size="small" icon={<PlusOutlined />} onClick={() => add({ kind: "threshold", factor: "w21003", basis: "target_class", multiple: 1, above: null, below: null })}>{t("alarms.rules.addCondition")}</Button>}>
              {fields.map((field) => (
                <Space key={field.key} align="start" wrap style={{ display: "flex", marginBottom: 4 }}>
                  <Form.Item name={[field.name, "kind"]}><Select style={{ width: 110 }} options={[{ value: "threshold", label: t("alarms.cond.threshold") }, { value: "no_data", label: t("alarms.cond.noData") }]} /></Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {({ getFieldValue }) => getFieldValue(["conditions", field.name, "kind"]) === "no_data" ? (
                      <Space align="start">
                        <Form.Item name={[field.name, "factor"]}><Select allowClear style={{ width: 200 }} placeholder={t("alarms.cond.anyFactor")} options={factorOptions} showSearch optionFilterProp="label" /></Form.Item>
                        <Form.Item name={[field.name, "minutes"]} rules={[{ required: true, message: t("alarms.cond.minutesRequired") }]}><InputNumber min={5} max={10080} addonAfter={t("alarms.cond.minutes")} style={{ width: 160 }} /></Form.Item>
                      </Space>
                    ) : (
                      <Space align="start" wrap>
                        <Form.Item name={[field.name, "factor"]} rules={[{ required: true }]}><Select style={{ width: 200 }} options={factorOptions} showSearch optionFilterProp="label" /></Form.Item>
                        <Form.Item name={[field.name, "basis"]}><Select style={{ width: 150 }} options={(["permit", "target_class", "value"] as const).map((b) => ({ value: b, label: t(`alarms.cond.basis.${b}`) }))} /></Form.Item>
                        {getFieldValue(["conditions", field.name, "basis"]) === "value" ? (
                          <>
                            <Form.Item name={[field.name, "above"]}><InputNumber placeholder={t("alarms.cond.above")} style={{ width: 110 }} /></Form.Item>
                            <Form.Item name={[field.name, "below"]}><InputNumber placeholder={t("alarms.cond.below")} style={{ width: 110 }} /></Form.Item>
                          </>
                        ) : (
                          <Form.Item name={[field.name, "multiple"]}><InputNumber min={0.1} max={100} step={0.1} addonBefore="×" style={{ width: 120 }} /></Form.Item>
                        )}
                      </Space>
                    )}
                  </Form.Item>
                  {fields.length > 1 && <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t("alarms.rules.remove")} />}
                </Space>
              ))}
            </Card>
          )}
        </Form.List>
        <Row gutter={12}>
          <Col span={8}><Form.Item name="persistenceMinutes" label={t("alarms.rules.persistence")} extra={t("alarms.rules.persistenceHint")}><InputNumber min={0} max={10080} addonAfter={t("alarms.cond.minutes")} /></Form.Item></Col>
          <Col span={8}><Form.Item name="repeatMinutes" label={t("alarms.rules.repeat")} extra={t("alarms.rules.repeatHint")}><InputNumber min={0} max={10080} addonAfter={t("alarms.cond.minutes")} /></Form.Item></Col>
        </Row>
        <Form.List name="escalation">
          {(fields, { add, remove }) => (
            <Card size="small" title={t("alarms.rules.escalation")} extra={<Button size="small" icon={<PlusOutlined />} onClick={() => add({ afterMinutes: fields.length ? 30 * fields.length : 0, group: "monitoring_operators", userIds: [] })}>{t("alarms.rules.addLevel")}</Button>}>
              {fields.length === 0 && <span style={{ color: "#8c8c8c" }}>{t("alarms.rules.defaultEscalation")}</span>}
              {fields.map((field, i) => (
                <Space key={field.key} align="start">
                  <span style={{ lineHeight: "32px" }}>{t("alarms.rules.level", { n: i + 1 })}</span>
                  <Form.Item name={[field.name, "afterMinutes"]}><InputNumber min={0} max={10080} addonAfter={t("alarms.rules.afterMinutes")} style={{ width: 170 }} /></Form.Item>
                  <Form.Item name={[field.name, "group"]}><Select style={{ width: 160 }} options={[{ value: "monitoring_operators", label: t("alarms.rules.group.monitoring_operators") }, { value: "office", label: t("alarms.rules.group.office") }]} /></Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t("alarms.rules.remove")} />
                </Space>
              ))}
            </Card>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
