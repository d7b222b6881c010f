/**
 * @module /registries/facilities: the facilities of every kind — a card per kind with its count by status, and all
 * facilities in one paged list (kind, status, deadline, responsible unit) linking to each record.
 */
import { useState } from "react";
import { Card, Col, Row, Space, Table, Tag, Typography } from "antd";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { FACILITY_SPECS } from "../../../../../domain/registries/facility";
import { getFacilities, type FacilityRecord } from "../../../api/enterprises";
import { PageHeader } from "../../../components/PageHeader";
import { LoadError } from "../../../components/Status";
import { useT } from "../../../i18n";
import { RegistryNav } from "../shared/RegistryNav";
import { DemoTag } from "../shared/bits";
import { FacilityStatusTag, TONE_COLOURS } from "./attrs";
import { KindTabs } from "./KindTabs";

/** The page. */
export default function FacilitiesScene() {
  const t = useT();
  const [page, setPage] = useState(1);
  const q = useQuery({ queryKey: ["registries", "facilities", "overview", page], queryFn: () => getFacilities({ page, pageSize: 20 }), placeholderData: keepPreviousData });
  if (q.isError && !q.data) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <>
      <PageHeader title={t("facilities.title")} extra={<RegistryNav current="facilities" />} />
      <KindTabs current="" />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {(q.data?.meta.kinds ?? []).map((k) => {
          const spec = FACILITY_SPECS[k.kind];
          return (
            <Col xs={24} md={12} xl={8} key={k.key}>
              <Link to={`/registries/facilities/${k.key}`}>
                <Card size="small" hoverable title={spec.title[t.lang]} extra={<b data-testid={`facility-count-${k.key}`}>{k.total}</b>}>
                  <Space wrap size={[6, 6]}>
                    {spec.statuses.map((s) => <Tag key={s.value} color={k.byStatus[s.value] ? TONE_COLOURS[s.tone ?? "neutral"] : undefined}>{s.label[t.lang]} {k.byStatus[s.value] ?? 0}</Tag>)}
                  </Space>
                </Card>
              </Link>
            </Col>
          );
        })}
      </Row>
      <Card size="small" title={t("registries.list.count", { n: q.data?.meta.total ?? 0 })}>
        <Table<FacilityRecord> size="small" rowKey="id" loading={q.isFetching} dataSource={q.data?.data ?? []} data-testid="facilities-all"
          pagination={{ current: page, pageSize: 20, total: q.data?.meta.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
          columns={[
            { title: t("registries.col.name"), key: "n", render: (_, r) => <Space><Link to={`/registries/facilities/${r.registry}/${r.id}`}>{r.name}</Link><DemoTag demo={r.demo} /><Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.code}</Typography.Text></Space> },
            { title: t("facilities.kind"), key: "k", width: 170, render: (_, r) => FACILITY_SPECS[r.kind].title[t.lang] },
            { title: t("registries.col.status"), key: "s", width: 150, render: (_, r) => <FacilityStatusTag kind={r.kind} status={r.status} t={t} /> },
            { title: t("facilities.deadline"), dataIndex: "deadline", width: 110, render: (v: string | null, r) => (v ? (r.overdue ? <Tag color="red">{v}</Tag> : v) : "—") },
            { title: t("registries.col.unit"), dataIndex: "unitName", width: 170 },
          ]} />
      </Card>
    </>
  );
}
