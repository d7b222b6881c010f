/**
 * @module /registries/drinking-sources: the drinking-water sources (seed plan 三(二)4–5) — kind, level, water,
 * keeping unit, intakes, 规范化建设 and the 动态清零 count of open problems; this year's 取水水质达标率 from monitoring
 * above the list; the outermost protection zones on the map.
 */
import { Button, Card, Col, Row, Space, Statistic, Tag, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { SOURCE_KIND_LABELS, SOURCE_KINDS, SOURCE_LEVEL_LABELS, SOURCE_LEVELS } from "../../../../../domain/registries/drinkingSource";
import { getCompliance, type SourceRecord } from "../../../api/enterprises";
import { useUnitOptions } from "../../../hooks/useUnits";
import { useT } from "../../../i18n";
import { RegistryListPage } from "../shared/RegistryListPage";
import { DemoTag } from "../shared/bits";
import { labelOf, labelOptions, useRiverOptions } from "../shared/options";
import { SourceForm } from "./SourceForm";
import { ZONE_COLOURS } from "./zones";
import { percent } from "./format";

/** This year's compliance of every source, district-wide. */
function ComplianceSummary() {
  const t = useT();
  const q = useQuery({ queryKey: ["registries", "drinking-sources", "compliance", "year"], queryFn: () => getCompliance() });
  const s = q.data?.data.summary;
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="drinking-compliance-summary"
      title={t("drinking.compliance.title", { from: q.data?.data.from ?? "…", to: q.data?.data.to ?? "…" })}
      extra={<Link to="/registries/drinking-problems"><Button size="small" data-testid="drinking-problems-link">{t("drinking.problems.title")}</Button></Link>}>
      <Row gutter={16}>
        <Col xs={12} md={6}><Statistic title={t("drinking.compliance.intakeRate")} value={percent(s?.intakeRate)} /></Col>
        <Col xs={12} md={6}><Statistic title={t("drinking.compliance.sourceRate")} value={percent(s?.sourceRate)} /></Col>
        <Col xs={12} md={6}><Statistic title={t("drinking.compliance.months")} value={s ? `${s.compliant} / ${s.evaluated}` : "…"} /></Col>
        <Col xs={12} md={6}><Statistic title={t("drinking.compliance.volume")} value={s ? Math.round(s.volume / 10_000 * 100) / 100 : "…"} suffix={t("drinking.unit.wanM3")} /></Col>
      </Row>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t("drinking.compliance.rule")}</Typography.Text>
    </Card>
  );
}

/** The page. */
export default function SourcesScene() {
  const t = useT();
  const rivers = useRiverOptions();
  const units = useUnitOptions();
  return (
    <RegistryListPage<SourceRecord>
      registry="drinking-sources"
      path="drinking-sources"
      title={t("drinking.title")}
      header={<ComplianceSummary />}
      filters={[
        { name: "q", placeholder: t("registries.filter.q") },
        { name: "level", placeholder: t("drinking.level"), options: labelOptions(SOURCE_LEVEL_LABELS, SOURCE_LEVELS, t), width: 160 },
        { name: "kind", placeholder: t("drinking.kind"), options: labelOptions(SOURCE_KIND_LABELS, SOURCE_KINDS, t), width: 130 },
        { name: "open", placeholder: t("drinking.problems.filter"), options: [{ value: "1", label: t("drinking.problems.withOpen") }, { value: "0", label: t("drinking.problems.zero") }], width: 150 },
        { name: "riverId", placeholder: t("registries.col.river"), options: rivers, width: 170 },
        { name: "unitId", placeholder: t("registries.col.unit"), options: units.options, width: 180 },
      ]}
      map={{
        style: (f) => ({ colour: f.geometry.type === "Point" ? "#1677ff" : ZONE_COLOURS.zone3, label: String(f.properties.code ?? ""), tooltip: String(f.properties.name ?? "") }),
        legend: <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t("drinking.map.legend")}</Typography.Text>,
      }}
      rowTestId={(r) => `source-row-${r.code}`}
      renderCreate={(open, close) => <SourceForm open={open} onClose={close} />}
      columns={[
        { title: t("registries.col.name"), key: "name", width: 230, render: (_, r) => <Space direction="vertical" size={0}><Space><Link to={`/registries/drinking-sources/${r.id}`}>{r.name}</Link><DemoTag demo={r.demo} /></Space><Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.code}</Typography.Text></Space> },
        {
          title: t("drinking.problems.dynamicZero"), key: "problems", width: 140,
          render: (_, r) => (r.problems.zero ? <Tag color="green" data-testid={`source-zero-${r.code}`}>{t("drinking.problems.zero")}</Tag> : <Tag color={r.problems.overdue ? "red" : "orange"} data-testid={`source-open-${r.code}`}>{t("drinking.problems.openCount", { n: r.problems.open })}</Tag>),
        },
        { title: t("drinking.level"), dataIndex: "level", width: 110, render: (v: SourceRecord["level"]) => labelOf(SOURCE_LEVEL_LABELS, v, t) },
        { title: t("drinking.kind"), dataIndex: "sourceKind", width: 80, render: (v: SourceRecord["sourceKind"]) => labelOf(SOURCE_KIND_LABELS, v, t) },
        { title: t("drinking.river"), dataIndex: "riverName", width: 150, render: (v: string | null) => v ?? "—" },
        { title: t("drinking.intakes"), key: "intakes", width: 130, render: (_, r) => (r.intakes.length ? r.intakes.map((i) => <Tag key={i.pointId}>{i.code}</Tag>) : "—") },
        { title: t("drinking.standardized"), dataIndex: "standardized", width: 100, render: (v: boolean) => (v ? <Tag color="green">{t("drinking.standardized.done")}</Tag> : <Tag>{t("drinking.standardized.todo")}</Tag>) },
        { title: t("registries.col.unit"), dataIndex: "unitName", width: 150 },
      ]}
    />
  );
}
