/**
 * @module /alarms: the alarm list — open alarms by default (active or not yet acknowledged), refreshed every 3
 * seconds so a new exceedance shows up by itself; filters by state and severity in the URL; acknowledge from the
 * row (with an optional note) when the row's policy allows.
 */
import { useState } from "react";
import { App, Button, Input, Modal, Segmented, Select, Space, Table, Typography } from "antd";
import type { ButtonProps } from "antd";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { acknowledgeAlarm, listAlarms, type Alarm, type AlarmSeverity } from "../../api/alarms";
import { PageHeader } from "../../components/PageHeader";
import { LoadError } from "../../components/Status";
import { policyOf } from "../../hooks/usePolicy";
import { errorMessage } from "../../i18n/errors";
import { useT } from "../../i18n";
import { SeverityTag, StateTag, alarmChartUrl, beijingText } from "./shared";
import { LineChartOutlined } from "@ant-design/icons";

type StateFilter = "open" | "active" | "closed" | "all";

/** The acknowledgement dialog: an optional note, then the call. */
export function useAcknowledge() {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [target, setTarget] = useState<Alarm | null>(null);
  const [note, setNote] = useState("");
  const ack = useMutation({
    mutationFn: () => acknowledgeAlarm(target!.id, note.trim() || null),
    onSuccess: () => {
      message.success(t("alarms.ack.done"));
      setTarget(null);
      setNote("");
      void qc.invalidateQueries({ queryKey: ["alarms"] });
      void qc.invalidateQueries({ queryKey: ["alarm"] });
    },
    onError: (e) => message.error(errorMessage(e, t)),
  });
  const modal = (
    <Modal
      open={target !== null}
      title={t("alarms.ack.title")}
      onCancel={() => setTarget(null)}
      onOk={() => ack.mutate()}
      okText={t("alarms.ack.confirm")}
      confirmLoading={ack.isPending}
      okButtonProps={{ "data-testid": "alarm-ack-submit" } as ButtonProps}
    >
      <Typography.Paragraph>{target?.title}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{target?.summary}</Typography.Paragraph>
      <Input.TextArea rows={3} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t("alarms.ack.notePlaceholder")} data-testid="alarm-ack-note" />
    </Modal>
  );
  return { open: setTarget, modal };
}

/** The page. */
export default function AlarmsScene() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const state = (params.get("state") as StateFilter) ?? "open";
  const severity = (params.get("severity") as AlarmSeverity | null) ?? undefined;
  const q = useQuery({
    queryKey: ["alarms", state, severity ?? ""],
    queryFn: () => listAlarms({ state, severity }),
    refetchInterval: 3000,
  });
  const ack = useAcknowledge();
  const set = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const counts = q.data?.counts ?? [];
  const count = (f: (c: (typeof counts)[number]) => boolean) => counts.filter(f).reduce((n, c) => n + c.n, 0);
  return (
    <>
      <PageHeader
        title={t("alarms.list.title")}
        extra={
          <Space wrap>
            <Typography.Text type="secondary" data-testid="alarms-counts">
              {t("alarms.list.counts", { active: count((c) => c.active), unack: count((c) => !c.acknowledged) })}
            </Typography.Text>
            <Segmented
              value={state}
              onChange={(v) => set("state", v === "open" ? undefined : String(v))}
              options={(["open", "active", "closed", "all"] as const).map((v) => ({ value: v, label: t(`alarms.filter.${v}`) }))}
              data-testid="alarms-filter-state"
            />
            <Select
              allowClear
              style={{ width: 120 }}
              placeholder={t("alarms.col.severity")}
              value={severity}
              onChange={(v) => set("severity", v)}
              options={(["severe", "warning", "info"] as const).map((s) => ({ value: s, label: t(`alarms.severity.${s}`) }))}
              data-testid="alarms-filter-severity"
            />
          </Space>
        }
      />
      <Table<Alarm>
        rowKey="id"
        size="middle"
        loading={q.isLoading}
        dataSource={q.data?.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t(state === "open" ? "alarms.list.noneOpen" : "alarms.list.none") }}
        data-testid="alarms-table"
        onRow={(a) => ({ "data-testid": `alarm-row-${a.pointCode ?? a.pointId}`, "data-state": a.state } as object)}
        columns={[
          { title: t("alarms.col.severity"), dataIndex: "severity", width: 90, render: (s) => <SeverityTag s={s} t={t} /> },
          { title: t("alarms.col.state"), dataIndex: "state", width: 110, render: (s) => <StateTag s={s} t={t} /> },
          {
            title: t("alarms.col.alarm"),
            render: (_, a) => (
              <Space direction="vertical" size={0}>
                <Link to={`/alarms/${a.id}`} data-testid={`alarm-link-${a.id}`}>{a.pointName} · {a.ruleName}</Link>
                <Typography.Text type="secondary">{a.summary}</Typography.Text>
                <Link to={alarmChartUrl(a)} data-testid={`alarm-chart-link-${a.pointCode ?? a.id}`} style={{ fontSize: 12 }}>
                  <LineChartOutlined /> {t("alarms.list.chart")}
                </Link>
              </Space>
            ),
          },
          { title: t("alarms.col.raisedAt"), dataIndex: "raisedAt", width: 150, render: (v) => beijingText(v) },
          { title: t("alarms.col.occurrences"), dataIndex: "occurrences", width: 80, align: "right" },
          {
            title: t("alarms.col.actions"),
            width: 130,
            render: (_, a) =>
              policyOf(q.data?.policies, a.id).acknowledge ? (
                <Button size="small" type="primary" danger={a.active} onClick={() => ack.open(a)} data-testid={`alarm-ack-${a.pointCode ?? a.id}`}>
                  {t("alarms.ack.button")}
                </Button>
              ) : a.acknowledged ? (
                <Typography.Text type="secondary">{t("alarms.ack.by")}</Typography.Text>
              ) : null,
          },
        ]}
      />
      {ack.modal}
    </>
  );
}
