/**
 * @module /admin/audit: the hash-chained audit log, newest first. Filters (actor, action, entity type, time range),
 * rows expand to the entry's JSON data and hashes, and "加载更多" follows the server's cursor.
 */
import { useState } from "react";
import { Button, Card, DatePicker, Flex, Form, Input, Select, Table, Typography } from "antd";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import dayjs, { type Dayjs } from "dayjs";
import { listAudit, type AuditFilter } from "../../api/audit";
import { listUsers } from "../../api/users";
import type { AuditEvent } from "../../api/types";
import { useAbility } from "../../hooks/usePolicy";
import { PageHeader } from "../../components/PageHeader";
import { LoadError } from "../../components/Status";
import { useT } from "../../i18n";
import { AuditDetail } from "./AuditDetail";

const PAGE_SIZE = 50;

interface FilterValues {
  actorId?: string;
  action?: string;
  entityType?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

function toFilter(v: FilterValues): AuditFilter {
  const [from, to] = v.range ?? [];
  return {
    actorId: v.actorId || undefined,
    action: v.action?.trim() || undefined,
    entityType: v.entityType?.trim() || undefined,
    from: from ? from.startOf("day").toISOString() : undefined,
    // `to` is exclusive on the server: the whole last day is included.
    to: to ? to.add(1, "day").startOf("day").toISOString() : undefined,
  };
}

/** The /admin/audit page. */
export default function AuditScene() {
  const t = useT();
  const [form] = Form.useForm<FilterValues>();
  const [filter, setFilter] = useState<AuditFilter>({});
  const canListUsers = useAbility("user.read");
  const actors = useQuery({ queryKey: ["users", {}], queryFn: () => listUsers({}), enabled: canListUsers });
  const audit = useInfiniteQuery({
    queryKey: ["audit", filter],
    queryFn: ({ pageParam }) => listAudit(filter, { limit: PAGE_SIZE, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? null,
  });
  const rows = audit.data?.pages.flatMap((p) => p.data) ?? [];

  return (
    <>
      <PageHeader title={t("audit.title")} />
      <Card>
        <Form form={form} layout="inline" onFinish={(v) => setFilter(toFilter(v))} style={{ marginBottom: 16, rowGap: 12 }}
          data-testid="audit-filters">
          <Form.Item name="actorId">
            <Select
              placeholder={t("audit.actor")}
              allowClear
              showSearch={{ optionFilterProp: "label" }}
              style={{ width: 200 }}
              loading={actors.isPending && canListUsers}
              options={(actors.data?.data ?? []).map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }))}
              disabled={!canListUsers}
              data-testid="audit-filter-actor"
            />
          </Form.Item>
          <Form.Item name="action">
            <Input placeholder={t("audit.action")} allowClear style={{ width: 230 }} data-testid="audit-filter-action" />
          </Form.Item>
          <Form.Item name="entityType">
            <Input placeholder={t("audit.entityType")} allowClear style={{ width: 150 }} data-testid="audit-filter-entity" />
          </Form.Item>
          <Form.Item name="range">
            <DatePicker.RangePicker allowEmpty={[true, true]} data-testid="audit-filter-range" />
          </Form.Item>
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" data-testid="audit-search">
              {t("common.search")}
            </Button>
            <Button onClick={() => { form.resetFields(); setFilter({}); }}>{t("common.reset")}</Button>
          </Flex>
        </Form>
        {audit.isError && !audit.data ? (
          <LoadError error={audit.error} onRetry={() => void audit.refetch()} />
        ) : (
          <div data-testid="audit-table">
            <Table<AuditEvent>
              rowKey="id"
              size="small"
              loading={audit.isPending || (audit.isFetching && !audit.isFetchingNextPage)}
              dataSource={rows}
              pagination={false}
              scroll={{ x: 900 }}
              expandable={{ expandedRowRender: (r) => <AuditDetail event={r} /> }}
              columns={[
                { title: t("audit.col.seq"), dataIndex: "seq", width: 80 },
                { title: t("audit.col.at"), dataIndex: "at", width: 180, render: (v: string) => dayjs(v).format("YYYY-MM-DD HH:mm:ss") },
                { title: t("audit.col.actor"), dataIndex: "actorName", render: (v: string | null) => v ?? t("audit.system") },
                { title: t("audit.col.action"), dataIndex: "action", render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
                {
                  title: t("audit.col.entity"),
                  key: "entity",
                  render: (_, r) => (
                    <span>
                      {r.entityType}
                      {r.entityId && (
                        <Typography.Text type="secondary" copyable={{ text: r.entityId }} style={{ marginInlineStart: 6, fontSize: 12 }}>
                          {r.entityId.length > 12 ? `${r.entityId.slice(0, 8)}…` : r.entityId}
                        </Typography.Text>
                      )}
                    </span>
                  ),
                },
                { title: t("audit.col.ip"), dataIndex: "ip", width: 130 },
              ]}
            />
            <Flex justify="center" align="center" gap={12} style={{ marginTop: 16 }}>
              <Typography.Text type="secondary">{t("audit.count", { n: rows.length })}</Typography.Text>
              {audit.hasNextPage ? (
                <Button onClick={() => void audit.fetchNextPage()} loading={audit.isFetchingNextPage} data-testid="audit-load-more">
                  {t("common.loadMore")}
                </Button>
              ) : (
                rows.length > 0 && <Typography.Text type="secondary">{t("common.noMore")}</Typography.Text>
              )}
            </Flex>
          </div>
        )}
      </Card>
    </>
  );
}
