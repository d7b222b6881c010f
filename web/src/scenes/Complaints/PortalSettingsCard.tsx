/**
 * @module The portal's settings on /complaints/settings: rate limits per network address, contact and Open311 key,
 * the anonymous-post challenge, photo limits, and the thresholds of the reward fraud checks. The server checks the
 * whole value (a clear error per field) and audits each change; the code in force reads the stored value.
 */
import { useEffect } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Col, Form, Input, InputNumber, Row, Typography } from "antd";
import { ApiError } from "../../api/client";
import { getPortalSettings, savePortalSettings, type PortalSettings } from "../../api/complaints";
import { errorMessage } from "../../i18n/errors";
import { useT, type MessageKey } from "../../i18n";

type Field = { section: "limits" | "fraud"; name: string; min: number; max: number; step?: number; unit?: MessageKey };

const LIMITS: Field[] = [
  { section: "limits", name: "perAddressPerHour", min: 1, max: 100_000 },
  { section: "limits", name: "perContactPerDay", min: 1, max: 100_000 },
  { section: "limits", name: "perKeyPerHour", min: 1, max: 100_000 },
  { section: "limits", name: "challengeDifficulty", min: 8, max: 22 },
  { section: "limits", name: "maxPhotos", min: 1, max: 10 },
  { section: "limits", name: "maxPhotoMb", min: 0.1, max: 20, step: 0.5 },
];
const FRAUD: Field[] = [
  { section: "fraud", name: "maxClaimsPerReporter", min: 1, max: 100 },
  { section: "fraud", name: "claimWindowDays", min: 1, max: 3650 },
  { section: "fraud", name: "nearMetres", min: 1, max: 10_000 },
  { section: "fraud", name: "nearDays", min: 1, max: 365 },
  { section: "fraud", name: "nearSimilarity", min: 0.1, max: 1, step: 0.05 },
  { section: "fraud", name: "burstCount", min: 1, max: 1000 },
  { section: "fraud", name: "burstMinutes", min: 1, max: 1440 },
];

type Values = Record<string, number | string>;
const MB = 1024 * 1024;

/** Form values from settings (photo bytes shown in MB). */
function toValues(s: PortalSettings): Values {
  const v: Values = { jurisdictionId: s.jurisdictionId };
  for (const [k, x] of Object.entries(s.limits)) v[`limits.${k}`] = x;
  v["limits.maxPhotoMb"] = Math.round((s.limits.maxPhotoBytes / MB) * 10) / 10;
  for (const [k, x] of Object.entries(s.fraud)) v[`fraud.${k}`] = x;
  return v;
}

/** The request body from form values. */
function fromValues(v: Values): Partial<PortalSettings> {
  const limits: Record<string, number> = {}, fraud: Record<string, number> = {};
  for (const f of LIMITS) if (f.name !== "maxPhotoMb") limits[f.name] = Number(v[`limits.${f.name}`]);
  limits.maxPhotoBytes = Math.round(Number(v["limits.maxPhotoMb"]) * MB);
  for (const f of FRAUD) fraud[f.name] = Number(v[`fraud.${f.name}`]);
  return { limits: limits as PortalSettings["limits"], fraud: fraud as PortalSettings["fraud"], jurisdictionId: String(v.jurisdictionId ?? "").trim() };
}

/** The card. */
export function PortalSettingsCard() {
  const t = useT();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const q = useQuery({ queryKey: ["portal-settings"], queryFn: getPortalSettings });
  const canUpdate = (q.data as { meta?: { can?: { update?: boolean } } } | undefined)?.meta?.can?.update ?? false;
  useEffect(() => { if (q.data) form.setFieldsValue(toValues(q.data.data)); }, [q.data, form]);
  const save = useMutation({
    mutationFn: (v: Values) => savePortalSettings(fromValues(v)),
    onSuccess: (r) => { form.setFieldsValue(toValues(r.data)); void qc.invalidateQueries({ queryKey: ["portal-settings"] }); },
    onError: (e) => {
      if (!(e instanceof ApiError)) return;
      // limits.maxPhotoBytes is entered in MB.
      form.setFields(e.issues.map((i) => ({ name: String(i.path).replace("limits.maxPhotoBytes", "limits.maxPhotoMb"), errors: [i.message] })));
    },
  });
  const item = (f: Field) => (
    <Col xs={24} sm={12} lg={8} key={f.name}>
      <Form.Item name={`${f.section}.${f.name}`} label={t(`complaints.setting.${f.name}` as MessageKey)}
        rules={[{ required: true, message: t("complaints.setting.required") }, { type: "number", min: f.min, max: f.max, message: t("complaints.setting.range", { min: f.min, max: f.max }) }]}>
        <InputNumber style={{ width: "100%" }} step={f.step ?? 1} disabled={!canUpdate} data-testid={`setting-${f.name}`} />
      </Form.Item>
    </Col>
  );
  return (
    <Card title={t("complaints.portalSettings")} data-testid="settings-portal">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t("complaints.portalSettingsIntro")}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} onValuesChange={() => save.reset()}>
        <Typography.Title level={5}>{t("complaints.setting.limits")}</Typography.Title>
        <Row gutter={16}>{LIMITS.map(item)}</Row>
        <Typography.Title level={5}>{t("complaints.setting.fraud")}</Typography.Title>
        <Row gutter={16}>{FRAUD.map(item)}</Row>
        <Row gutter={16}>
          <Col xs={24} sm={12} lg={8}>
            <Form.Item name="jurisdictionId" label="Open311 jurisdiction_id" rules={[{ required: true, message: t("complaints.setting.required") }]}>
              <Input disabled={!canUpdate} data-testid="setting-jurisdictionId" />
            </Form.Item>
          </Col>
        </Row>
        {save.isError && <Alert type="error" showIcon style={{ marginBottom: 8 }} message={errorMessage(save.error, t)} data-testid="settings-portal-error" />}
        {save.isSuccess && <Alert type="success" showIcon style={{ marginBottom: 8 }} message={t(save.data && (save.data as { meta?: { changed?: boolean } }).meta?.changed === false ? "complaints.setting.unchanged" : "complaints.setting.saved")} data-testid="settings-portal-saved" />}
        {canUpdate && <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="settings-portal-save">{t("complaints.setting.save")}</Button>}
      </Form>
    </Card>
  );
}
