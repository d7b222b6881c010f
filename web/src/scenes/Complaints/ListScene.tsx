/**
 * @module /complaints: complaints the user may see (the office and auditors all; a unit its own; a river chief those
 * on their rivers), filtered by state, text and overdue, newest first, with the deadline in red once passed.
 */
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Card, Checkbox, Input, Select, Space, Table, Tag } from "antd";
import { Link } from "react-router";
import { COMPLAINT_STATES, listComplaints, type StaffComplaint } from "../../api/complaints";
import { PageHeader } from "../../components/PageHeader";
import { LoadError } from "../../components/Status";
import { useT, type MessageKey } from "../../i18n";
import { StateTag, when } from "../Public/shared";
import { ComplaintsNav } from "./ComplaintsNav";

/** The list page. */
export default function ListScene() {
  const t = useT();
  const [state, setState] = useState<string[]>([]);
  const [q, setQ] = useState("");
  const [overdue, setOverdue] = useState(false);
  const list = useQuery({ queryKey: ["complaints", state.join(","), q, overdue], queryFn: () => listComplaints({ state: state.join(",") || undefined, q: q || undefined, overdue: overdue ? "1" : undefined }) });
  return (
    <>
      <PageHeader title={t("complaints.title")} />
      <ComplaintsNav />
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Select mode="multiple" allowClear placeholder={t("complaints.filterState")} style={{ minWidth: 220 }} value={state} onChange={setState} data-testid="complaints-filter-state"
            options={COMPLAINT_STATES.map((s) => ({ value: s, label: t(`complaints.state.${s}` as MessageKey) }))} />
          <Input.Search allowClear placeholder={t("common.search")} onSearch={setQ} style={{ width: 220 }} data-testid="complaints-filter-q" />
          <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)}>{t("complaints.overdueOnly")}</Checkbox>
        </Space>
        {list.isError ? <LoadError error={list.error} onRetry={() => void list.refetch()} /> : (
          <div data-testid="complaints-table">
            <Table<StaffComplaint> rowKey="id" size="small" loading={list.isPending} dataSource={list.data?.data ?? []} scroll={{ x: 800 }} pagination={{ pageSize: 20 }}
              columns={[
                { title: t("complaints.number"), dataIndex: "number", render: (n: string, c) => <Link to={`/complaints/${c.id}`} data-testid={`complaint-link-${n}`}>{n}</Link> },
                { title: t("public.category"), dataIndex: "categoryName" },
                { title: t("complaints.stateCol"), dataIndex: "state", render: (s) => <StateTag state={s} /> },
                { title: t("public.description"), dataIndex: "description", ellipsis: true },
                { title: t("public.handlingUnit"), dataIndex: "unitName", render: (u: string | null) => u ?? <Tag>{t("public.triage")}</Tag> },
                { title: t("public.received"), dataIndex: "receivedAt", render: (v: string) => when(v) },
                { title: t("public.due"), dataIndex: "dueAt", render: (v: string, c) => <span style={{ color: c.overdue ? "#dc2626" : undefined }}>{when(v, false)}{c.overdue ? ` · ${t("complaints.overdue")}` : ""}</span> },
              ]} />
          </div>
        )}
      </Card>
    </>
  );
}
