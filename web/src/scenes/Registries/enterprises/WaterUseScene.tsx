/**
 * @module /registries/enterprise-years: water use and industrial value added of each enterprise and year (seed
 * plan task 13), with the district's 万元工业增加值用水量 of a year, its change against 2020 and the target of a 2%
 * fall, and the trend since 2020.
 */
import { useState } from "react";
import { Card, Col, Row, Select, Space, Statistic, Tag, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { getIntensity, type YearRecord } from "../../../api/enterprises";
import { useT } from "../../../i18n";
import { RegistryListPage } from "../shared/RegistryListPage";
import { DemoTag } from "../shared/bits";
import { figure, percent } from "../drinking/format";
import { YearForm } from "./YearForm";

/** The district's intensity. */
function IntensityCard() {
  const t = useT();
  const [year, setYear] = useState<number | undefined>(undefined);
  const q = useQuery({ queryKey: ["registries", "enterprise-years", "intensity", year], queryFn: () => getIntensity(year) });
  const r = q.data;
  const met = r?.change !== null && r?.change !== undefined ? r.change <= -0.02 : null;
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="intensity-card" title={t("enterprises.intensity.title")}
      extra={<Space><Typography.Text>{t("enterprises.years.year")}</Typography.Text><Select size="small" value={r?.year} onChange={setYear} options={(r?.years ?? []).map((y) => ({ value: y, label: String(y) }))} style={{ width: 90 }} /></Space>}>
      <Row gutter={16}>
        <Col xs={12} md={6}><Statistic title={t("enterprises.intensity.value", { year: r?.year ?? "…" })} value={r?.current.intensity === null || !r ? "—" : r.current.intensity.toFixed(2)} suffix="m³/万元" /></Col>
        <Col xs={12} md={6}><Statistic title={t("enterprises.intensity.base", { year: r?.baseYear ?? 2020 })} value={r?.base.intensity === null || !r ? "—" : r.base.intensity.toFixed(2)} suffix="m³/万元" /></Col>
        <Col xs={12} md={6}>
          <Statistic title={t("enterprises.intensity.change")} value={percent(r?.change)} valueStyle={{ color: met === null ? undefined : met ? "#389e0d" : "#cf1322" }} />
          {met !== null && <Tag color={met ? "green" : "red"} data-testid="intensity-target">{t(met ? "enterprises.intensity.met" : "enterprises.intensity.notMet")}</Tag>}
        </Col>
        <Col xs={12} md={6}><Statistic title={t("enterprises.intensity.counted")} value={r ? `${r.current.counted}` : "…"} suffix={r?.current.incomplete ? t("enterprises.intensity.incomplete", { n: r.current.incomplete }) : undefined} /></Col>
      </Row>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t("enterprises.intensity.rule")} {(r?.trend ?? []).map((x) => `${x.year}：${x.intensity === null ? "—" : x.intensity.toFixed(2)}`).join("，")}
      </Typography.Text>
    </Card>
  );
}

/** The page. */
export default function WaterUseScene() {
  const t = useT();
  return (
    <RegistryListPage<YearRecord>
      registry="enterprise-years"
      path="enterprise-years"
      title={t("enterprises.years.title")}
      header={<IntensityCard />}
      filters={[
        { name: "q", placeholder: t("enterprises.filter.q") },
        { name: "year", placeholder: t("enterprises.years.year"), options: Array.from({ length: 8 }, (_, i) => 2025 - i).map((y) => ({ value: String(y), label: String(y) })), width: 110 },
      ]}
      rowTestId={(r) => `year-row-${r.enterpriseCode}-${r.year}`}
      renderCreate={(open, close) => <YearForm open={open} onClose={close} />}
      columns={[
        { title: t("enterprises.years.enterprise"), key: "e", render: (_, r) => <Space><Link to={`/registries/enterprises/${r.enterpriseId}`}>{r.enterpriseName}</Link><DemoTag demo={r.demo} /></Space> },
        { title: t("enterprises.years.year"), dataIndex: "year", width: 80 },
        { title: t("enterprises.years.water"), dataIndex: "waterM3", width: 150, render: (v: number | null) => figure(v, 0) },
        { title: t("enterprises.years.valueAdded"), dataIndex: "valueAddedWan", width: 150, render: (v: number | null) => figure(v) },
        { title: t("enterprises.years.intensity"), dataIndex: "intensity", width: 150, render: (v: number | null) => figure(v) },
        { title: t("registries.col.note"), dataIndex: "note", render: (v: string | null) => v ?? "—" },
      ]}
    />
  );
}
