/**
 * @module /registries: the overview — how many records each registry holds, and the open follow-up tasks the
 * office tracks (e.g. 返黑返臭), which the office closes with a note.
 */
import { useState } from "react";
import { App, Button, Card, Col, Input, Modal, Row, Statistic, Table, Tag } from "antd";
import { useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import { closeRegistryTask, listRecords, listRegistryTasks, type RegistryTask } from "../../api/registries";
import { PageHeader } from "../../components/PageHeader";
import { buttonTestId } from "../../components/testId";
import { errorMessage } from "../../i18n/errors";
import { useT } from "../../i18n";
import { RegistryNav } from "./shared/RegistryNav";
import { REGISTRY_PAGES } from "./shared/pages";

/** Where a task's record lives in the UI, by registry (audit entity type). */
const RECORD_PATHS: Record<string, string> = { black_odorous_body: "black-odorous", outfall: "outfalls", four_chaos_problem: "four-chaos", river: "rivers" };

/** The page. */
export default function HomeScene() {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const pages = REGISTRY_PAGES.filter((p) => p.path);
  const counts = useQueries({ queries: pages.map((p) => ({ queryKey: ["registries", p.path, "count"], queryFn: () => listRecords(p.path, { pageSize: 1 }), retry: false })) });
  const tasks = useQuery({ queryKey: ["registries", "tasks", "open"], queryFn: () => listRegistryTasks({ status: "open" }) });
  const [closing, setClosing] = useState<RegistryTask | null>(null);
  const [note, setNote] = useState("");
  const close = useMutation({
    mutationFn: () => closeRegistryTask(closing!.id, { status: "done", note }),
    onSuccess: () => {
      message.success(t("registries.tasks.closed"));
      setClosing(null);
      setNote("");
      void qc.invalidateQueries({ queryKey: ["registries"] });
    },
    onError: (e) => message.error(errorMessage(e, t)),
  });
  return (
    <>
      <PageHeader title={t("registries.title")} extra={<RegistryNav current="" />} />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {pages.map((p, i) => (
          <Col xs={12} md={8} xl={4} key={p.path}>
            <Link to={`/registries/${p.path}`}>
              <Card size="small" hoverable data-testid={`registry-count-${p.path}`}>
                {/* A page that is not one registry (a group of facility kinds) has no single count. */}
                <Statistic title={t(p.label)} value={counts[i]?.data?.meta.total ?? (counts[i]?.isError ? "—" : "…")} />
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
      <Card size="small" title={t("registries.tasks.title", { n: tasks.data?.data.length ?? 0 })}>
        <Table<RegistryTask>
          size="small"
          rowKey="id"
          data-testid="registry-tasks"
          loading={tasks.isFetching}
          dataSource={tasks.data?.data ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: t("registries.tasks.none") }}
          columns={[
            { title: t("registries.tasks.task"), key: "title", render: (_, x) => <Link to={`/registries/${RECORD_PATHS[x.registry] ?? x.registry}/${x.recordId}`}>{x.title}</Link> },
            { title: t("registries.tasks.kind"), dataIndex: "kind", width: 100, render: (k: string) => <Tag color="red">{k === "relapse" ? t("registries.tasks.relapse") : k}</Tag> },
            { title: t("registries.col.unit"), dataIndex: "unitName", render: (v) => v ?? "—" },
            { title: t("registries.col.chief"), key: "chief", render: (_, x) => (x.chief ? `${x.chief.name}（${x.chief.position}）` : "—") },
            { title: t("registries.tasks.due"), dataIndex: "dueOn", width: 110, render: (v) => v ?? "—" },
            {
              title: t("common.actions"),
              key: "a",
              width: 90,
              render: (_, x) => (tasks.data?.policies?.[x.id]?.close ? <Button size="small" onClick={() => setClosing(x)} data-testid={`task-close-${x.id}`}>{t("registries.tasks.close")}</Button> : null),
            },
          ]}
        />
      </Card>
      <Modal open={Boolean(closing)} title={closing?.title} onCancel={() => setClosing(null)} onOk={() => close.mutate()} okButtonProps={{ ...buttonTestId("task-close-submit"), disabled: !note.trim(), loading: close.isPending }} destroyOnHidden>
        <Input.TextArea rows={3} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t("registries.tasks.note")} />
      </Modal>
    </>
  );
}
