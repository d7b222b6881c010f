/**
 * @module A WWTP's sludge by year on its page (seed plan task 3: 压减污泥填埋规模): produced, each disposal route,
 * the landfill and safe-disposal shares, newest year first; add and edit in a dialog (the server checks that the
 * routes together do not exceed what was produced).
 */
import { useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Card, Col, Form, Input, InputNumber, Row, Table, Tag } from "antd";
import { listRecords } from "../../../api/registries";
import type { SludgeYearRecord } from "../../../api/enterprises";
import { policyOf } from "../../../hooks/usePolicy";
import { useT } from "../../../i18n";
import { RecordFormModal } from "../shared/RecordFormModal";
import { percent } from "../drinking/format";

type Values = { year: number; producedT?: number | null; landfillT?: number | null; incinerationT?: number | null; coprocessT?: number | null; reuseT?: number | null; note?: string };
const ROUTES = ["landfillT", "incinerationT", "coprocessT", "reuseT"] as const;
const tonnes = (v: number | null) => (v === null ? "—" : v.toLocaleString("zh-CN"));

/** The card. */
export function SludgeYearsCard({ facilityId }: { facilityId: string }) {
  const t = useT();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ["registries", "wwtp-sludge-years", facilityId], queryFn: () => listRecords<SludgeYearRecord>("wwtp-sludge-years", { facilityId, pageSize: 100 }) });
  const [editing, setEditing] = useState<SludgeYearRecord | "new" | null>(null);
  const rows = q.data?.data ?? [];
  const year = editing && editing !== "new" ? editing : undefined;
  return (
    <Card size="small" title={t("facilities.sludgeYears")} style={{ marginBottom: 16 }} data-testid="sludge-years"
      extra={q.data?.meta.can.create && <Button size="small" onClick={() => setEditing("new")} data-testid="sludge-add">{t("facilities.sludgeYears.add")}</Button>}>
      <Table<SludgeYearRecord> size="small" rowKey="id" pagination={false} dataSource={rows} loading={q.isLoading} locale={{ emptyText: t("common.none") }}
        columns={[
          { title: t("facilities.sludgeYears.year"), dataIndex: "year", width: 70 },
          { title: t("facilities.sludgeYears.producedT"), dataIndex: "producedT", render: tonnes },
          ...ROUTES.map((k) => ({ title: t(`facilities.sludgeYears.${k}`), dataIndex: k, render: tonnes })),
          { title: t("facilities.sludge.landfill"), key: "lf", render: (_: unknown, r: SludgeYearRecord) => (r.shares ? <Tag color={r.shares.landfill > 0.2 ? "orange" : "green"} data-testid={`sludge-landfill-${r.year}`}>{percent(r.shares.landfill)}</Tag> : "—") },
          { title: "", key: "e", width: 48, render: (_: unknown, r: SludgeYearRecord) => (policyOf(q.data?.policies ?? {}, r.id).update ? <Button size="small" type="link" onClick={() => setEditing(r)} data-testid={`sludge-edit-${r.year}`}>{t("common.edit")}</Button> : null) },
        ]} />
      <RecordFormModal<Values>
        registry="wwtp-sludge-years"
        open={editing !== null}
        onClose={() => setEditing(null)}
        id={year?.id}
        title={t(year ? "facilities.sludgeYears.edit" : "facilities.sludgeYears.add")}
        initialValues={year ? { ...year, note: year.note ?? undefined } : { year: new Date().getFullYear() - 1 }}
        // The plant's page shows its newest year: read it again.
        onSaved={() => void qc.invalidateQueries({ queryKey: ["registries", "wwtps"] })}
        toBody={(v) => ({ facilityId, year: v.year, producedT: v.producedT ?? null, ...Object.fromEntries(ROUTES.map((k) => [k, v[k] ?? null])), note: v.note ?? null })}
      >
        {() => (
          <Row gutter={12}>
            <Col span={8}><Form.Item name="year" label={t("facilities.sludgeYears.year")} rules={[{ required: true, message: t("facilities.sludgeYears.required") }]}><InputNumber min={2000} max={2100} style={{ width: "100%" }} data-testid="sludge-year" /></Form.Item></Col>
            <Col span={16}><Form.Item name="producedT" label={t("facilities.sludgeYears.producedT")} extra={t("facilities.sludgeYears.producedHelp")} rules={[{ required: true, message: t("facilities.sludgeYears.required") }]}><InputNumber min={0} style={{ width: "100%" }} data-testid="sludge-producedT" /></Form.Item></Col>
            {ROUTES.map((k) => <Col span={12} key={k}><Form.Item name={k} label={t(`facilities.sludgeYears.${k}`)}><InputNumber min={0} style={{ width: "100%" }} data-testid={`sludge-${k}`} /></Form.Item></Col>)}
            <Col span={24}><Form.Item name="note" label={t("registries.col.note")}><Input /></Form.Item></Col>
          </Row>
        )}
      </RecordFormModal>
    </Card>
  );
}
