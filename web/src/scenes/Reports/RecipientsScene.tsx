/**
 * @module /reports/recipients (office): who the monthly reports are mailed to — name, address and which reports —
 * with adding and removing; a notice when the server has no mail service configured (SMTP_URL).
 */
import { Alert, App, Button, Card, Checkbox, Form, Input, Popconfirm, Space, Table, Tag } from "antd";
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { addRecipient, listRecipients, removeRecipient, REPORT_KINDS, type Recipient, type ReportKind } from "../../api/reports";
import { applyIssues } from "../../components/formIssues";
import { PageHeader } from "../../components/PageHeader";
import { LoadError } from "../../components/Status";
import { buttonTestId } from "../../components/testId";
import { errorMessage } from "../../i18n/errors";
import { useT } from "../../i18n";
import { KIND_LABEL, ReportsTabs } from "./shared";

interface Values {
  name: string;
  email: string;
  kinds: ReportKind[];
}

/** The page. */
export default function RecipientsScene() {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const q = useQuery({ queryKey: ["reports", "recipients"], queryFn: listRecipients });
  const add = useMutation({
    mutationFn: (v: Values) => addRecipient({ name: v.name.trim(), email: v.email.trim(), kinds: v.kinds }),
    onSuccess: (r) => {
      message.success(t("reports.recipients.added", { email: r.data.email }));
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ["reports", "recipients"] });
    },
    onError: (e) => applyIssues(form, e) || message.error(errorMessage(e, t)),
  });
  const remove = useMutation({
    mutationFn: (r: Recipient) => removeRecipient(r.id),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["reports", "recipients"] }),
    onError: (e) => message.error(errorMessage(e, t)),
  });
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <>
      <ReportsTabs />
      <PageHeader title={t("reports.recipients.title")} />
      {q.data && !q.data.mailConfigured && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t("reports.mailOff")} data-testid="recipients-mail-off" />}
      <Card size="small" title={t("reports.recipients.add")} style={{ marginBottom: 16 }}>
        <Form form={form} layout="inline" initialValues={{ kinds: [...REPORT_KINDS] }} onFinish={(v) => add.mutate(v)} data-testid="recipient-form">
          <Form.Item name="name" rules={[{ required: true, whitespace: true, message: t("reports.recipients.nameRequired") }]}>
            <Input placeholder={t("reports.recipients.name")} style={{ width: 180 }} data-testid="recipient-name" />
          </Form.Item>
          <Form.Item name="email" rules={[{ required: true, type: "email", message: t("reports.userEmail.invalid") }]}>
            <Input placeholder={t("reports.recipients.email")} style={{ width: 240 }} data-testid="recipient-email" />
          </Form.Item>
          <Form.Item name="kinds" rules={[{ required: true, type: "array", min: 1, message: t("reports.recipients.kindsRequired") }]}>
            <Checkbox.Group data-testid="recipient-kinds" options={REPORT_KINDS.map((k) => ({ value: k, label: t(KIND_LABEL[k]) }))} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={add.isPending} {...buttonTestId("recipient-submit")}>{t("reports.recipients.addButton")}</Button>
          </Form.Item>
        </Form>
      </Card>
      <Card size="small">
        <Table<Recipient>
          rowKey="id" loading={q.isLoading} dataSource={q.data?.data ?? []} pagination={false} data-testid="recipients-table"
          locale={{ emptyText: t("reports.recipients.empty") }}
          columns={[
            { title: t("reports.recipients.name"), dataIndex: "name" },
            { title: t("reports.recipients.email"), dataIndex: "email" },
            { title: t("reports.recipients.kinds"), render: (_, r) => <Space size={4} wrap>{r.kinds.map((k) => <Tag key={k}>{t(KIND_LABEL[k])}</Tag>)}</Space> },
            {
              title: t("reports.col.actions"), width: 100,
              render: (_, r) => (
                <Popconfirm title={t("reports.recipients.removeConfirm", { name: r.name })} onConfirm={() => remove.mutate(r)} okText={t("reports.recipients.remove")} cancelText={t("common.cancel")}>
                  <Button size="small" danger icon={<DeleteOutlined />} data-testid={`recipient-remove-${r.email}`}>{t("reports.recipients.remove")}</Button>
                </Popconfirm>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
