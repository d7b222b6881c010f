/**
 * @module /supervision/ranking: units ranked by score (domain/supervision/scoring.ts: on-time rate of deadlines and
 * rounds, overdue days, rungs of the ladder reached), with what each score is made of. Equal scores are separated by
 * fewer overdue days, then fewer rungs, then more on-time answers; units equal on all share a rank (shown 并列), and
 * each row says which criterion placed it below the row before.
 */
import { Card, Progress, Space, Table, Tag, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { getRanking, type RankedUnit } from "../../api/supervision";
import { PageHeader } from "../../components/PageHeader";
import { LoadError } from "../../components/Status";
import { useT, type MessageKey } from "../../i18n";
import { usePlanContext } from "./shared";

/** The page. */
export default function RankingScene() {
  const t = useT();
  const { planId } = usePlanContext();
  const q = useQuery({ queryKey: ["supervision", "ranking", planId], queryFn: () => getRanking(planId), enabled: Boolean(planId) });
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <>
      <PageHeader title={t("supervision.ranking.title")} extra={q.data?.asOf && <Typography.Text type="secondary">{t("supervision.ranking.asOf", { day: q.data.asOf })}</Typography.Text>} />
      <Card size="small">
        <Typography.Paragraph type="secondary">{t("supervision.ranking.explain")}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t("supervision.ranking.explainTie")}</Typography.Paragraph>
        <Table<RankedUnit>
          rowKey="unitId" loading={q.isLoading} dataSource={q.data?.data ?? []} pagination={false} data-testid="ranking-table"
          columns={[
            {
              title: t("supervision.ranking.rank"), width: 100,
              render: (_, r) => <Space size={4} data-testid={`rank-${r.unitName}`}><Typography.Text strong>{r.rank}</Typography.Text>{r.tied && <Tag color="gold">{t("supervision.ranking.tied")}</Tag>}</Space>,
            },
            { title: t("supervision.col.unit"), dataIndex: "unitName" },
            { title: t("supervision.ranking.score"), dataIndex: "score", width: 90, render: (n: number) => <Typography.Text strong>{n.toFixed(1)}</Typography.Text> },
            { title: t("supervision.ranking.onTime"), width: 180, render: (_, r) => (r.onTimeRate === null ? "—" : <Progress percent={Math.round(r.onTimeRate * 100)} size="small" />) },
            { title: t("supervision.ranking.overdueDays"), dataIndex: "totalOverdueDays", width: 110 },
            { title: t("supervision.ranking.steps"), dataIndex: "steps", width: 90 },
            { title: t("supervision.ranking.stepPenalty"), dataIndex: "stepPenalty", width: 110 },
            {
              title: t("supervision.ranking.decidedBy"), width: 210,
              render: (_, r) => (r.decidedBy ? t(`supervision.ranking.by.${r.decidedBy}` as MessageKey) : r.tied ? t("supervision.ranking.by.tie") : "—"),
            },
          ]}
        />
      </Card>
    </>
  );
}
