/**
 * @module /supervision/ranking: units ranked by score (domain/supervision/scoring.ts: on-time rate of deadlines and
 * rounds, overdue days, rungs of the ladder reached), with what each score is made of.
 */
import { Card, Progress, Table, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { getRanking, type RankedUnit } from "../../api/supervision";
import { PageHeader } from "../../components/PageHeader";
import { LoadError } from "../../components/Status";
import { useT } from "../../i18n";
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
        <Table<RankedUnit>
          rowKey="unitId" loading={q.isLoading} dataSource={q.data?.data ?? []} pagination={false} data-testid="ranking-table"
          columns={[
            { title: t("supervision.ranking.rank"), dataIndex: "rank", width: 64 },
            { title: t("supervision.col.unit"), dataIndex: "unitName" },
            { title: t("supervision.ranking.score"), dataIndex: "score", width: 90, render: (n: number) => <Typography.Text strong>{n.toFixed(1)}</Typography.Text> },
            { title: t("supervision.ranking.onTime"), width: 180, render: (_, r) => (r.onTimeRate === null ? "—" : <Progress percent={Math.round(r.onTimeRate * 100)} size="small" />) },
            { title: t("supervision.ranking.overdueDays"), dataIndex: "totalOverdueDays", width: 110 },
            { title: t("supervision.ranking.stepPenalty"), dataIndex: "stepPenalty", width: 110 },
          ]}
        />
      </Card>
    </>
  );
}
