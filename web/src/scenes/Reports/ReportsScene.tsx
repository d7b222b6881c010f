/**
 * @module /reports: the archive of monthly reports — each month's 水质月报 and 攻坚进展月报 (newest version; older
 * versions on request) with its key figures, Word and Excel downloads, how many recipients got it, and for the
 * office: generate a month now, and mail a report to the recipients who do not have it yet.
 */
import { useState } from "react";
import { Alert, App, Button, Card, DatePicker, Form, Modal, Select, Space, Switch, Table, Tag, Tooltip, Typography } from "antd";
import { DownloadOutlined, FileExcelOutlined, FileWordOutlined, MailOutlined, PlusOutlined } from "@ant-design/icons";
import dayjs, { type Dayjs } from "dayjs";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { generateReport, listReports, mailReport, REPORT_KINDS, type ReportKind, type ReportView } from "../../api/reports";
import { applyIssues } from "../../components/formIssues";
import { PageHeader } from "../../components/PageHeader";
import { LoadError } from "../../components/Status";
import { buttonTestId } from "../../components/testId";
import { policyOf } from "../../hooks/usePolicy";
import { errorMessage } from "../../i18n/errors";
import { useT, type MessageKey } from "../../i18n";
import { KIND_LABEL, monthLabel, ReportsTabs } from "./shared";

/** The figures shown in the list for each kind: the report's own label of the figure, and how the UI names it. */
const LIST_FIGURES: Record<ReportKind, [string, MessageKey][]> = {
  water_quality: [["达标率（%）", "reports.fig.attainment"], ["Ⅰ～Ⅲ类比例（%）", "reports.fig.good"], ["劣Ⅴ类", "reports.fig.inferior"]],
  campaign_progress: [["逾期未完成", "reports.fig.overdue"], ["未报送次数", "reports.fig.missing"], ["督办措施次数", "reports.fig.steps"]],
};

interface Values {
  kind: ReportKind;
  month: Dayjs;
}

function GenerateModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const make = useMutation({
    mutationFn: (v: Values) => generateReport({ kind: v.kind, period: v.month.format("YYYY-MM") }),
    onSuccess: (r) => {
      message.success(t("reports.generated", { title: r.data.title ?? "", version: r.data.version }));
      void qc.invalidateQueries({ queryKey: ["reports"] });
      onClose();
    },
    onError: (e) => applyIssues(form, e) || message.error(errorMessage(e, t)),
  });
  return (
    <Modal open title={t("reports.generate")} onCancel={onClose} onOk={() => form.submit()} confirmLoading={make.isPending}
      okText={t("reports.generate.ok")} cancelText={t("common.cancel")} okButtonProps={buttonTestId("report-generate-submit")} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t("reports.generate.hint")}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ kind: "water_quality", month: dayjs().subtract(1, "month") }} onFinish={(v) => make.mutate(v)}>
        <Form.Item name="kind" label={t("reports.col.kind")} rules={[{ required: true }]}>
          <Select data-testid="report-generate-kind" options={REPORT_KINDS.map((k) => ({ value: k, label: t(KIND_LABEL[k]) }))} />
        </Form.Item>
        <Form.Item name="month" label={t("reports.col.period")} rules={[{ required: true, message: t("reports.generate.monthRequired") }]}>
          <DatePicker picker="month" data-testid="report-generate-month" disabledDate={(d) => d.isAfter(dayjs(), "month")} style={{ width: "100%" }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The page. */
export default function ReportsScene() {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [kind, setKind] = useState<ReportKind | "all">("all");
  const [history, setHistory] = useState(false);
  const [generating, setGenerating] = useState(false);
  const q = useQuery({ queryKey: ["reports", kind], queryFn: () => listReports(kind === "all" ? {} : { kind }) });
  const mail = useMutation({
    mutationFn: (r: ReportView) => mailReport(r.id),
    onSuccess: (r) => {
      const d = r.data;
      if (d.failed) message.warning(t("reports.mail.partial", { sent: d.sent, failed: d.failed }));
      else message.success(d.sent ? t("reports.mail.sent", { sent: d.sent }) : t("reports.mail.nobody"));
      void qc.invalidateQueries({ queryKey: ["reports"] });
    },
    onError: (e) => message.error(errorMessage(e, t)),
  });
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const can = q.data?.can;
  const rows = (q.data?.data ?? []).filter((r) => history || r.latest);
  const figure = (r: ReportView, label: string) => r.figures.find(([k]) => k === label)?.[1];

  return (
    <>
      <ReportsTabs />
      <PageHeader
        title={t("reports.title")}
        extra={can?.generate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setGenerating(true)} {...buttonTestId("report-generate")}>{t("reports.generate")}</Button>
        )}
      />
      {can?.generate && !can.mail && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t("reports.mailOff")} data-testid="reports-mail-off" />}
      <Card size="small">
        <Space style={{ marginBottom: 12 }} wrap>
          <Select<ReportKind | "all"> value={kind} onChange={setKind} style={{ width: 180 }} data-testid="reports-filter-kind"
            options={[{ value: "all", label: t("reports.kind.all") }, ...REPORT_KINDS.map((k) => ({ value: k, label: t(KIND_LABEL[k]) }))]} />
          <Space size={6}>
            <Switch size="small" checked={history} onChange={setHistory} data-testid="reports-history" />
            <Typography.Text>{t("reports.history")}</Typography.Text>
          </Space>
          <Typography.Text type="secondary">{t("reports.schedule")}</Typography.Text>
        </Space>
        <Table<ReportView>
          rowKey="id" loading={q.isLoading} dataSource={rows} pagination={{ pageSize: 24, hideOnSinglePage: true }} data-testid="reports-table"
          locale={{ emptyText: t("reports.empty") }}
          columns={[
            { title: t("reports.col.period"), dataIndex: "period", width: 120, render: (p: string) => <Typography.Text strong>{monthLabel(p, t.lang)}</Typography.Text> },
            {
              title: t("reports.col.report"),
              render: (_, r) => (
                <Space direction="vertical" size={2}>
                  <Typography.Text>{t(KIND_LABEL[r.kind])}</Typography.Text>
                  <Space size={4} wrap>
                    <Tag>{t("reports.version", { n: r.version })}</Tag>
                    {!r.latest && <Tag color="default">{t("reports.superseded")}</Tag>}
                    {r.interim && <Tooltip title={t("reports.interimHint")}><Tag color="orange">{t("reports.interim")}</Tag></Tooltip>}
                  </Space>
                </Space>
              ),
            },
            {
              title: t("reports.col.figures"),
              render: (_, r) => (
                <Space direction="vertical" size={0}>
                  {LIST_FIGURES[r.kind].map(([key, label]) => (
                    <Typography.Text key={key} type="secondary" style={{ fontSize: 12 }}>{t(label)}: {figure(r, key) ?? "—"}</Typography.Text>
                  ))}
                </Space>
              ),
            },
            {
              title: t("reports.col.generated"), width: 190,
              render: (_, r) => (
                <Space direction="vertical" size={0}>
                  <Typography.Text>{dayjs(r.generatedAt).format("YYYY-MM-DD HH:mm")}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.trigger === "schedule" ? t("reports.trigger.schedule") : t("reports.trigger.manual", { name: r.generatedByName ?? "" })}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: t("reports.col.mail"), width: 120,
              render: (_, r) => {
                const m = r.mailings;
                if (!m || (!m.sent && !m.failed.length)) return <Typography.Text type="secondary">—</Typography.Text>;
                return (
                  <Space size={4} wrap>
                    <Tag color="green">{t("reports.mail.count", { n: m.sent })}</Tag>
                    {m.failed.length > 0 && (
                      <Tooltip title={m.failed.map((f) => `${f.email}：${f.error ?? ""}`).join("\n")}>
                        <Tag color="red">{t("reports.mail.failedCount", { n: m.failed.length })}</Tag>
                      </Tooltip>
                    )}
                  </Space>
                );
              },
            },
            {
              title: t("reports.col.actions"), width: 250,
              render: (_, r) => (
                <Space size={4} wrap>
                  <Button size="small" icon={<FileWordOutlined />} href={r.files.docx.url} download={r.files.docx.name} data-testid={`report-docx-${r.kind}-${r.period}-${r.version}`}>Word</Button>
                  <Button size="small" icon={<FileExcelOutlined />} href={r.files.xlsx.url} download={r.files.xlsx.name} data-testid={`report-xlsx-${r.kind}-${r.period}-${r.version}`}>Excel</Button>
                  {can?.mail && policyOf(q.data?.policies, r.id).mail && (
                    <Button size="small" icon={<MailOutlined />} loading={mail.isPending && mail.variables?.id === r.id}
                      onClick={() => mail.mutate(r)} data-testid={`report-mail-${r.kind}-${r.period}-${r.version}`}>{t("reports.mail")}</Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          <DownloadOutlined /> {t("reports.downloadHint")}
        </Typography.Paragraph>
      </Card>
      {generating && <GenerateModal onClose={() => setGenerating(false)} />}
    </>
  );
}
