/**
 * @module /registries/drinking-problems: the problems found at drinking-water sources (整治"回头看"，发现一处整治一处)
 * with the 动态清零 board of every source above the list (open, overdue, closed); filters by source, status,
 * category and zone; where they were found on the map.
 */
import { Card, Col, Row, Space, Statistic, Tag, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { PROBLEM_CATEGORIES, PROBLEM_CATEGORY_LABELS, PROBLEM_LIFECYCLE, PROBLEM_PLACES, PROBLEM_PLACE_LABELS, PROBLEM_STATUSES } from "../../../../../domain/registries/drinkingSource";
import { listRecords } from "../../../api/registries";
import type { ProblemRecord, SourceRecord } from "../../../api/enterprises";
import { useUnitOptions } from "../../../hooks/useUnits";
import { useT } from "../../../i18n";
import { RegistryListPage } from "../shared/RegistryListPage";
import { DemoTag, StatusTag } from "../shared/bits";
import { labelOf, labelOptions } from "../shared/options";
import { ProblemForm, useSourceOptions } from "./ProblemForm";
import { PROBLEM_COLOURS } from "./zones";

/** Every source's open, overdue and closed problems. */
function ZeroBoard() {
  const t = useT();
  const q = useQuery({ queryKey: ["registries", "drinking-sources", "board"], queryFn: () => listRecords<SourceRecord>("drinking-sources", { pageSize: 200 }) });
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="drinking-zero-board">
      {(q.data?.data ?? []).map((s) => (
        <Col xs={24} md={12} xl={8} key={s.id}>
          <Card size="small" title={<Link to={`/registries/drinking-sources/${s.id}`}>{s.name}</Link>} extra={s.problems.zero ? <Tag color="green">{t("drinking.problems.zero")}</Tag> : <Tag color="orange">{t("drinking.problems.notZero")}</Tag>}>
            <Space size={24}>
              <Statistic title={t("drinking.problems.open")} value={s.problems.open} valueStyle={{ color: s.problems.open ? "#d4380d" : undefined }} />
              <Statistic title={t("drinking.problems.overdue")} value={s.problems.overdue} valueStyle={{ color: s.problems.overdue ? "#cf1322" : undefined }} />
              <Statistic title={t("drinking.problems.closed")} value={s.problems.closed} />
            </Space>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** The page. */
export default function ProblemsScene() {
  const t = useT();
  const sources = useSourceOptions();
  const units = useUnitOptions();
  return (
    <RegistryListPage<ProblemRecord>
      registry="drinking-problems"
      path="drinking-problems"
      title={t("drinking.problems.title")}
      header={<ZeroBoard />}
      filters={[
        { name: "q", placeholder: t("drinking.problems.q") },
        { name: "sourceId", placeholder: t("drinking.problem.source"), options: sources, width: 220 },
        { name: "status", placeholder: t("registries.col.status"), options: PROBLEM_STATUSES.map((s) => ({ value: s, label: PROBLEM_LIFECYCLE.labels[s][t.lang] })), width: 140 },
        { name: "category", placeholder: t("drinking.problem.category"), options: labelOptions(PROBLEM_CATEGORY_LABELS, PROBLEM_CATEGORIES, t), width: 150 },
        { name: "place", placeholder: t("drinking.problem.place"), options: labelOptions(PROBLEM_PLACE_LABELS, PROBLEM_PLACES, t), width: 140 },
        { name: "unitId", placeholder: t("drinking.problem.unit"), options: units.options, width: 180 },
      ]}
      map={{ style: (f) => ({ colour: f.properties.status === "closed" ? PROBLEM_COLOURS.closed : PROBLEM_COLOURS.open, symbol: "diamond", label: String(f.properties.code ?? ""), tooltip: String(f.properties.name ?? "") }) }}
      rowTestId={(r) => `problem-row-${r.code}`}
      renderCreate={(open, close) => <ProblemForm open={open} onClose={close} />}
      columns={[
        { title: t("drinking.problem.description"), key: "d", width: 260, render: (_, r) => <Space direction="vertical" size={0}><Space><Link to={`/registries/drinking-problems/${r.id}`}>{r.description}</Link><DemoTag demo={r.demo} /></Space><Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.code}</Typography.Text></Space> },
        { title: t("registries.col.status"), key: "s", width: 130, render: (_, r) => <StatusTag lc={PROBLEM_LIFECYCLE} state={r.status} testId={`problem-status-${r.code}`} /> },
        { title: t("drinking.problem.deadline"), dataIndex: "deadline", width: 110, render: (v: string | null, r) => (v ? (r.overdue ? <Tag color="red">{v}</Tag> : v) : "—") },
        { title: t("drinking.problem.source"), dataIndex: "sourceName", width: 180 },
        { title: t("drinking.problem.place"), dataIndex: "place", width: 110, render: (v: ProblemRecord["place"]) => labelOf(PROBLEM_PLACE_LABELS, v, t) },
        { title: t("drinking.problem.category"), dataIndex: "category", width: 120, render: (v: ProblemRecord["category"]) => labelOf(PROBLEM_CATEGORY_LABELS, v, t) },
        { title: t("drinking.problem.unit"), dataIndex: "unitName", width: 140 },
      ]}
    />
  );
}
