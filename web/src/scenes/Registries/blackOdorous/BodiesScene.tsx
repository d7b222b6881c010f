/**
 * @module /registries/black-odorous: the black-odorous water body list (seed plan 三(一)1) — 主责部门, 河湖长, 达标期限
 * (red when past), status and the latest graded round; the stretches on the map coloured by grade.
 */
import { Space, Tag, Typography } from "antd";
import { Link } from "react-router";
import { BODY_LIFECYCLE, BODY_STATUSES } from "../../../../../domain/blackOdorous/lifecycle";
import { GRADE_LABELS } from "../../../../../domain/blackOdorous/thresholds";
import { useUnitOptions } from "../../../hooks/useUnits";
import { useT } from "../../../i18n";
import { RegistryListPage } from "../shared/RegistryListPage";
import { DemoTag, StatusTag } from "../shared/bits";
import { useRiverOptions } from "../shared/options";
import { BodyForm } from "./BodyForm";
import { GRADE_COLOURS, GradeTag } from "./grades";
import type { BodyRecord } from "./types";

/** The page. */
export default function BodiesScene() {
  const t = useT();
  const rivers = useRiverOptions();
  const units = useUnitOptions();
  return (
    <RegistryListPage<BodyRecord>
      registry="black-odorous"
      path="black-odorous"
      title={t("registries.bo.title")}
      filters={[
        { name: "q", placeholder: t("registries.filter.q") },
        { name: "status", placeholder: t("registries.col.status"), options: BODY_STATUSES.map((s) => ({ value: s, label: BODY_LIFECYCLE.labels[s][t.lang] })) },
        { name: "grade", placeholder: t("registries.bo.latestGrade"), options: (["none", "light", "severe"] as const).map((g) => ({ value: g, label: GRADE_LABELS[g][t.lang] })), width: 140 },
        { name: "riverId", placeholder: t("registries.col.river"), options: rivers, width: 160 },
        { name: "unitId", placeholder: t("registries.bo.department"), options: units.options, width: 200 },
      ]}
      map={{
        layout: "stacked",
        style: (f) => ({
          colour: GRADE_COLOURS[(f.properties.grade as keyof typeof GRADE_COLOURS) ?? "unknown"] ?? GRADE_COLOURS.unknown,
          label: String(f.properties.code ?? ""),
          tooltip: `${String(f.properties.name)} · ${BODY_LIFECYCLE.labels[f.properties.status as BodyRecord["status"]]?.[t.lang] ?? ""}`,
        }),
        legend: (
          <Space size={12} style={{ marginTop: 8, fontSize: 12 }}>
            {(["none", "light", "severe"] as const).map((g) => <span key={g}><span style={{ display: "inline-block", width: 18, height: 4, background: GRADE_COLOURS[g], verticalAlign: "middle", marginRight: 4 }} />{GRADE_LABELS[g][t.lang]}</span>)}
          </Space>
        ),
      }}
      rowTestId={(r) => `bo-row-${r.code}`}
      renderCreate={(open, close) => <BodyForm open={open} onClose={close} />}
      columns={[
        { title: t("registries.col.name"), key: "name", width: 220, render: (_, r) => <Space direction="vertical" size={0}><Space><Link to={`/registries/black-odorous/${r.id}`}>{r.name}</Link><DemoTag demo={r.demo} /></Space><Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.code}</Typography.Text></Space> },
        { title: t("registries.col.river"), dataIndex: "riverName", width: 110, render: (v) => v ?? "—" },
        { title: t("registries.bo.department"), dataIndex: "unitName", width: 150 },
        { title: t("registries.col.chief"), key: "chief", width: 150, render: (_, r) => (r.chief ? <span>{r.chief.name}<br /><Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.chief.position}</Typography.Text></span> : "—") },
        { title: t("registries.bo.deadline"), dataIndex: "deadline", width: 110, render: (v, r) => (v ? (r.overdue ? <Tag color="red">{v}</Tag> : v) : "—") },
        { title: t("registries.col.status"), key: "status", width: 110, render: (_, r) => <StatusTag lc={BODY_LIFECYCLE} state={r.status} testId={`bo-status-${r.code}`} /> },
        { title: t("registries.bo.latestGrade"), key: "grade", width: 130, render: (_, r) => <Space direction="vertical" size={0}><GradeTag grade={r.latestGrade} /><Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.latestSampledTo ?? ""}</Typography.Text></Space> },
      ]}
    />
  );
}
