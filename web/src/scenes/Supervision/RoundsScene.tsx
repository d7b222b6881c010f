/**
 * @module /supervision/rounds (调度, per task) and /supervision/annual (the units' annual 实施方案, seed plan 四(二),
 * due 5月30日): the rounds of the plan with how many units answered on time, late or not at all; the office opens
 * a round — or records one dispatched earlier by a paper notice (补录, with the notice's date), which may already be
 * past due.
 */
import { useState } from "react";
import { App, Button, Checkbox, DatePicker, Form, Input, Modal, Progress, Space, Table, Tag, Typography } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import dayjs, { type Dayjs } from "dayjs";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "react-router";
import { getPlan } from "../../api/plans";
import { listRounds, openRound, type RoundView } from "../../api/supervision";
import { applyIssues } from "../../components/formIssues";
import { PageHeader } from "../../components/PageHeader";
import { LoadError } from "../../components/Status";
import { buttonTestId } from "../../components/testId";
import { useAbility } from "../../hooks/usePolicy";
import { errorMessage } from "../../i18n/errors";
import { useT } from "../../i18n";
import { localDay, usePlanContext } from "./shared";

interface Values {
  title: string;
  dueOn: Dayjs;
  recorded: boolean;
  issuedOn?: Dayjs;
}

function OpenRoundModal({ kind, planId, defaults, onClose }: { kind: RoundView["kind"]; planId: string; defaults: { title: string; dueOn?: string }; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const recorded = Form.useWatch("recorded", form);
  const open = useMutation({
    mutationFn: (v: Values) =>
      openRound({ planId, kind, title: v.title, dueOn: v.dueOn.format("YYYY-MM-DD"), issuedOn: v.recorded && v.issuedOn ? v.issuedOn.format("YYYY-MM-DD") : undefined }),
    onSuccess: (r) => {
      message.success(t("supervision.rounds.opened", { units: r.data.units.length }));
      void qc.invalidateQueries({ queryKey: ["supervision"] });
      onClose();
      navigate(`/supervision/rounds/${r.data.id}`);
    },
    onError: (e) => applyIssues(form, e) || message.error(errorMessage(e, t)),
  });
  return (
    <Modal open title={t(kind === "annual_plan" ? "supervision.annual.open" : "supervision.rounds.open")} onCancel={onClose} onOk={() => form.submit()} confirmLoading={open.isPending} okButtonProps={buttonTestId("round-submit")} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ title: defaults.title, dueOn: defaults.dueOn ? dayjs(defaults.dueOn) : undefined, recorded: false }} onFinish={(v) => open.mutate(v)}>
        <Form.Item name="title" label={t("supervision.rounds.titleField")} rules={[{ required: true, message: t("supervision.rounds.titleRequired") }]}>
          <Input maxLength={200} data-testid="round-title" />
        </Form.Item>
        <Form.Item name="recorded" valuePropName="checked" extra={t("supervision.rounds.recordedHint")}>
          <Checkbox data-testid="round-recorded">{t("supervision.rounds.recorded")}</Checkbox>
        </Form.Item>
        {recorded && (
          <Form.Item name="issuedOn" label={t("supervision.rounds.issuedOn")} rules={[{ required: true, message: t("supervision.rounds.issuedOnRequired") }]}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), "day")} data-testid="round-issued" />
          </Form.Item>
        )}
        <Form.Item name="dueOn" label={t("supervision.col.dueOn")} rules={[{ required: true, message: t("supervision.rounds.dueRequired") }]}>
          <DatePicker disabledDate={recorded ? undefined : (d) => d.isBefore(dayjs(), "day")} data-testid="round-due" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The page for one kind of round. */
export default function RoundsScene({ kind }: { kind: RoundView["kind"] }) {
  const t = useT();
  const { planId, plan } = usePlanContext();
  const canOpen = useAbility("plan.manage");
  const [opening, setOpening] = useState(false);
  const rounds = useQuery({ queryKey: ["supervision", "rounds", planId], queryFn: () => listRounds(planId), enabled: Boolean(planId) });
  const detail = useQuery({ queryKey: ["plan", planId], queryFn: () => getPlan(planId!), enabled: Boolean(planId) && kind === "annual_plan" });
  if (rounds.isError) return <LoadError error={rounds.error} onRetry={() => void rounds.refetch()} />;
  const list = (rounds.data?.data ?? []).filter((r) => r.kind === kind);
  const annualDue = detail.data?.data.annualPlanDueOn ?? null;
  const defaults = kind === "annual_plan"
    ? { title: t("supervision.annual.defaultTitle", { year: plan?.year ?? "" }), dueOn: annualDue ?? undefined }
    : { title: t("supervision.rounds.defaultTitle", { month: dayjs().format("YYYY年M月") }) };
  return (
    <>
      <PageHeader
        title={t(kind === "annual_plan" ? "supervision.annual.title" : "supervision.rounds.title")}
        extra={canOpen && planId && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)} data-testid="round-open">
            {t(kind === "annual_plan" ? "supervision.annual.open" : "supervision.rounds.open")}
          </Button>
        )}
      />
      {kind === "annual_plan" && (
        <Typography.Paragraph type="secondary" data-testid="annual-due">
          {annualDue ? t("supervision.annual.dueFromPlan", { day: annualDue }) : t("supervision.annual.noDue")}
        </Typography.Paragraph>
      )}
      <Table<RoundView>
        rowKey="id"
        loading={rounds.isLoading}
        dataSource={list}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="rounds-table"
        locale={{ emptyText: t(kind === "annual_plan" ? "supervision.annual.none" : "supervision.rounds.none") }}
        columns={[
          { title: t("supervision.rounds.titleField"), render: (_, r) => <Space size={4}><Link to={`/supervision/rounds/${r.id}`} data-testid={`round-link-${r.title}`}>{r.title}</Link>{r.status === "closed" && <Tag>{t("supervision.rounds.closedTag")}</Tag>}</Space> },
          { title: t("supervision.rounds.openedAt"), width: 120, render: (_, r) => (r.issuedOn ? <Space size={4}>{r.issuedOn}<Tag>{t("supervision.rounds.recordedTag")}</Tag></Space> : localDay(r.openedAt)) },
          { title: t("supervision.col.dueOn"), dataIndex: "dueOn", width: 110 },
          {
            title: t("supervision.rounds.answered"),
            width: 220,
            render: (_, r) => <Progress percent={r.counts.required ? Math.round((r.counts.submitted / r.counts.required) * 100) : 0} size="small" format={() => `${r.counts.submitted}/${r.counts.required}`} />,
          },
          {
            title: t("supervision.rounds.breakdown"),
            render: (_, r) => (
              <Space size={4} wrap>
                <Tag color="green">{t("supervision.status.onTime")} {r.counts.onTime}</Tag>
                <Tag color="orange">{t("supervision.status.late")} {r.counts.late}</Tag>
                <Tag color="red">{t("supervision.status.missing")} {r.counts.missing}</Tag>
                <Tag>{t("supervision.status.pending")} {r.counts.pending}</Tag>
              </Space>
            ),
          },
        ]}
      />
      {opening && planId && <OpenRoundModal kind={kind} planId={planId} defaults={defaults} onClose={() => setOpening(false)} />}
    </>
  );
}
