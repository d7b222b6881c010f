/**
 * @module The QC settings form of one point and factor: for each test — default, custom thresholds or off — and the
 * instrument facts (detection limit, measuring range, resolution). Times are entered in minutes and stored in
 * seconds. Reset removes the stored settings (back to the defaults).
 */
import { App, Button, Col, Divider, Form, InputNumber, Modal, Row, Segmented, Space, Typography } from "antd";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { resetQcSettings, saveQcSettings, type QcConfig, type StoredQcConfig } from "../../api/quality";
import { applyIssues } from "../../components/formIssues";
import { errorMessage } from "../../i18n/errors";
import { useT } from "../../i18n";
import { factorName, testName } from "./shared";

/** The tests with settings, in display order. */
export const QC_TEST_KEYS = ["gap", "grossRange", "climatology", "spike", "rateOfChange", "flatLine"] as const;
type TestKey = (typeof QC_TEST_KEYS)[number];
type Mode = "default" | "custom" | "off";

/** Number fields of each test: [field, label key, stored in seconds?]. */
const FIELDS: Record<Exclude<TestKey, "climatology">, [string, string, boolean][]> = {
  gap: [["maxGapSeconds", "alarms.qcForm.maxGap", true], ["maxLatencySeconds", "alarms.qcForm.maxLatency", true], ["futureToleranceSeconds", "alarms.qcForm.future", true]],
  grossRange: [["failMin", "alarms.qcForm.failMin", false], ["failMax", "alarms.qcForm.failMax", false], ["suspectMin", "alarms.qcForm.suspectMin", false], ["suspectMax", "alarms.qcForm.suspectMax", false]],
  spike: [["suspect", "alarms.qcForm.spikeSuspect", false], ["fail", "alarms.qcForm.spikeFail", false], ["maxNeighbourSeconds", "alarms.qcForm.neighbour", true]],
  rateOfChange: [["maxPerHour", "alarms.qcForm.maxPerHour", false], ["maxIntervalSeconds", "alarms.qcForm.maxInterval", true]],
  flatLine: [["tolerance", "alarms.qcForm.tolerance", false], ["suspectSeconds", "alarms.qcForm.flatSuspect", true], ["failSeconds", "alarms.qcForm.flatFail", true]],
};
/** Values a custom test starts from when it has no default. */
const START: Record<TestKey, Record<string, number | null>> = {
  gap: { maxGapSeconds: 1800, maxLatencySeconds: null, futureToleranceSeconds: 600 },
  grossRange: { failMin: 0, failMax: null, suspectMin: null, suspectMax: null },
  climatology: {},
  spike: { suspect: 1, fail: null, maxNeighbourSeconds: 7200 },
  rateOfChange: { maxPerHour: 5, maxIntervalSeconds: 7200 },
  flatLine: { tolerance: 0, suspectSeconds: 10800, failSeconds: 21600 },
};

type Values = Record<string, unknown>;

/** The form in a modal. */
export function QcForm({ pointId, factor, stored, defaults, onClose }: { pointId: string; factor: string; stored: StoredQcConfig | null; defaults: QcConfig; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const initial: Values = { instrument: { ...defaults.instrument, ...(stored?.instrument ?? {}) } };
  for (const k of QC_TEST_KEYS) {
    const has = stored && k in stored;
    const v = has ? (stored as Record<string, unknown>)[k] : null;
    initial[`${k}Mode`] = !has ? "default" : v === null ? "off" : "custom";
    const source = (v ?? (defaults as unknown as Record<string, unknown>)[k] ?? START[k]) as Record<string, unknown>;
    const shown: Record<string, unknown> = { ...source };
    if (k !== "climatology") for (const [f, , secs] of FIELDS[k]) if (secs && typeof shown[f] === "number") shown[f] = (shown[f] as number) / 60;
    if (k === "climatology") shown.months = Array.from({ length: 12 }, (_, i) => ((source.months as { month: number; min: number | null; max: number | null }[] | undefined) ?? []).find((m) => m.month === i + 1) ?? { month: i + 1, min: null, max: null });
    initial[k] = shown;
  }
  const invalidate = () => void qc.invalidateQueries({ queryKey: ["qc-settings", pointId] });
  const save = useMutation({
    mutationFn: (v: Values) => {
      const config: Record<string, unknown> = { instrument: v.instrument };
      for (const k of QC_TEST_KEYS) {
        const mode = v[`${k}Mode`] as Mode;
        if (mode === "off") config[k] = null;
        if (mode !== "custom") continue;
        const x = { ...(v[k] as Record<string, unknown>) };
        if (k === "climatology") {
          config[k] = { months: (x.months as { month: number; min: number | null; max: number | null }[]).filter((m) => m.min !== null || m.max !== null).map((m) => ({ month: m.month, min: m.min ?? null, max: m.max ?? null })) };
          continue;
        }
        for (const [f, , secs] of FIELDS[k]) {
          const n = x[f];
          x[f] = n === undefined || n === null || n === "" ? null : secs ? Math.round(Number(n) * 60) : Number(n);
        }
        config[k] = x;
      }
      return saveQcSettings(pointId, factor, config as StoredQcConfig);
    },
    onSuccess: () => {
      message.success(t("alarms.qc.saved"));
      invalidate();
      onClose();
    },
    onError: (e) => {
      if (!applyIssues(form, e, { config: "instrument" })) message.error(errorMessage(e, t));
    },
  });
  const reset = useMutation({
    mutationFn: () => resetQcSettings(pointId, factor),
    onSuccess: () => {
      message.success(t("alarms.qc.resetDone"));
      invalidate();
      onClose();
    },
    onError: (e) => message.error(errorMessage(e, t)),
  });
  return (
    <Modal open width={880} title={t("alarms.qc.editTitle", { factor: factorName(factor, t) })} onCancel={onClose}
      footer={
        <Space>
          {stored && <Button danger onClick={() => reset.mutate()} loading={reset.isPending} data-testid="qc-reset">{t("alarms.qc.reset")}</Button>}
          <Button onClick={onClose}>{t("alarms.qcForm.cancel")}</Button>
          <Button type="primary" onClick={() => void form.validateFields().then((v) => save.mutate(v))} loading={save.isPending} data-testid="qc-submit">{t("alarms.qcForm.save")}</Button>
        </Space>
      }>
      <Form form={form} layout="vertical" initialValues={initial} size="small">
        {QC_TEST_KEYS.map((k) => (
          <div key={k}>
            <Space align="center" style={{ marginBottom: 4 }}>
              <Typography.Text strong style={{ width: 120, display: "inline-block" }}>{testName(k, t)}</Typography.Text>
              <Form.Item name={`${k}Mode`} noStyle>
                <Segmented size="small" options={(["default", "custom", "off"] as const).map((m) => ({ value: m, label: t(`alarms.qcForm.mode.${m}`) }))} data-testid={`qc-mode-${k}`} />
              </Form.Item>
            </Space>
            <Form.Item noStyle shouldUpdate={(a, b) => a[`${k}Mode`] !== b[`${k}Mode`]}>
              {({ getFieldValue }) => getFieldValue(`${k}Mode`) === "custom" && (
                k === "climatology" ? (
                  <Row gutter={8}>
                    {Array.from({ length: 12 }, (_, i) => (
                      <Col span={4} key={i}>
                        <Typography.Text type="secondary">{t("alarms.qcForm.month", { m: i + 1 })}</Typography.Text>
                        <Space.Compact>
                          <Form.Item name={[k, "months", i, "min"]} noStyle><InputNumber placeholder={t("alarms.qcForm.min")} style={{ width: 62 }} /></Form.Item>
                          <Form.Item name={[k, "months", i, "max"]} noStyle><InputNumber placeholder={t("alarms.qcForm.max")} style={{ width: 62 }} /></Form.Item>
                        </Space.Compact>
                      </Col>
                    ))}
                  </Row>
                ) : (
                  <Row gutter={8}>
                    {FIELDS[k].map(([f, label, secs]) => (
                      <Col span={6} key={f}>
                        <Form.Item name={[k, f]} label={t(label as "alarms.qcForm.min")}>
                          <InputNumber style={{ width: "100%" }} addonAfter={secs ? t("alarms.cond.minutes") : undefined} data-testid={`qc-${k}-${f}`} />
                        </Form.Item>
                      </Col>
                    ))}
                  </Row>
                )
              )}
            </Form.Item>
          </div>
        ))}
        <Divider style={{ margin: "8px 0" }} />
        <Typography.Text strong>{t("alarms.qc.instrument")}</Typography.Text>
        <Typography.Paragraph type="secondary">{t("alarms.qcForm.instrumentHint")}</Typography.Paragraph>
        <Row gutter={8}>
          <Col span={6}><Form.Item name={["instrument", "detectionLimit"]} label={t("alarms.qc.dl")}><InputNumber style={{ width: "100%" }} data-testid="qc-dl" /></Form.Item></Col>
          <Col span={6}><Form.Item name={["instrument", "rangeMin"]} label={t("alarms.qcForm.rangeMin")}><InputNumber style={{ width: "100%" }} /></Form.Item></Col>
          <Col span={6}><Form.Item name={["instrument", "rangeMax"]} label={t("alarms.qcForm.rangeMax")}><InputNumber style={{ width: "100%" }} /></Form.Item></Col>
          <Col span={6}><Form.Item name={["instrument", "resolution"]} label={t("alarms.qc.resolution")}><InputNumber style={{ width: "100%" }} /></Form.Item></Col>
        </Row>
      </Form>
    </Modal>
  );
}
