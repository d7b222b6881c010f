/**
 * @module /registries/four-chaos: 清四乱 problems — the dynamic-zero board per river above the list (category,
 * sub-type, river, source, 责任单位, 河湖长, deadline in red when past, status) and the problems on the map by status.
 */
import { Space, Tag, Typography } from "antd";
import { Link } from "react-router";
import { CHAOS_CATALOGUE, CHAOS_CATEGORIES, CHAOS_LIFECYCLE, CHAOS_SOURCE_LABELS, CHAOS_SOURCES, CHAOS_STATUSES, type ChaosStatus } from "../../../../../domain/registries/fourChaos";
import { useUnitOptions } from "../../../hooks/useUnits";
import { useT } from "../../../i18n";
import { RegistryListPage } from "../shared/RegistryListPage";
import { DemoTag, StatusTag } from "../shared/bits";
import { labelOf, labelOptions, useRiverOptions } from "../shared/options";
import { ProblemForm } from "./ProblemForm";
import { CHAOS_COLOURS } from "./statusColours";
import type { ProblemRecord } from "./types";
import { ZeroBoard } from "./ZeroBoard";

/** The page. */
export default function ProblemsScene() {
  const t = useT();
  const rivers = useRiverOptions();
  const units = useUnitOptions();
  return (
    <RegistryListPage<ProblemRecord>
      registry="four-chaos"
      path="four-chaos"
      title={t("registries.fc.title")}
      header={<ZeroBoard />}
      filters={[
        { name: "q", placeholder: t("registries.fc.filterQ") },
        { name: "category", placeholder: t("registries.fc.category"), options: labelOptions(CHAOS_CATALOGUE, CHAOS_CATEGORIES, t), width: 110 },
        { name: "status", placeholder: t("registries.col.status"), options: CHAOS_STATUSES.map((s) => ({ value: s, label: CHAOS_LIFECYCLE.labels[s][t.lang] })), width: 140 },
        { name: "source", placeholder: t("registries.fc.source"), options: labelOptions(CHAOS_SOURCE_LABELS, CHAOS_SOURCES, t), width: 130 },
        { name: "riverId", placeholder: t("registries.col.river"), options: rivers, width: 150 },
        { name: "unitId", placeholder: t("registries.col.unit"), options: units.options, width: 190 },
      ]}
      map={{
        layout: "stacked",
        style: (f) => ({ colour: CHAOS_COLOURS[f.properties.status as ChaosStatus] ?? "#8c8c8c", symbol: "diamond", label: String(f.properties.code), tooltip: `${String(f.properties.subtype)} · ${CHAOS_LIFECYCLE.labels[f.properties.status as ChaosStatus]?.[t.lang] ?? ""}` }),
        legend: (
          <Space size={12} wrap style={{ marginTop: 8, fontSize: 12 }}>
            {CHAOS_STATUSES.map((s) => <span key={s}><span style={{ display: "inline-block", width: 10, height: 10, background: CHAOS_COLOURS[s], marginRight: 4 }} />{CHAOS_LIFECYCLE.labels[s][t.lang]}</span>)}
          </Space>
        ),
      }}
      rowTestId={(r) => `fc-row-${r.code}`}
      renderCreate={(open, close) => <ProblemForm open={open} onClose={close} />}
      columns={[
        { title: t("registries.fc.problem"), key: "p", width: 240, render: (_, r) => <Space direction="vertical" size={0}><Space><Link to={`/registries/four-chaos/${r.id}`}>{r.subtype}</Link><DemoTag demo={r.demo} /></Space><Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.code} · {labelOf(CHAOS_CATALOGUE, r.category, t)}</Typography.Text></Space> },
        { title: t("registries.col.river"), dataIndex: "riverName", width: 100 },
        { title: t("registries.fc.source"), dataIndex: "source", width: 100, render: (v) => labelOf(CHAOS_SOURCE_LABELS, v, t) },
        { title: t("registries.fc.foundOn"), dataIndex: "foundOn", width: 110 },
        { title: t("registries.col.unit"), dataIndex: "unitName", width: 140 },
        { title: t("registries.col.chief"), key: "chief", width: 120, render: (_, r) => r.chief?.name ?? "—" },
        { title: t("registries.fc.deadline"), dataIndex: "deadline", width: 110, render: (v, r) => (v ? (r.overdue ? <Tag color="red">{v}</Tag> : v) : "—") },
        { title: t("registries.col.status"), key: "status", width: 120, render: (_, r) => <StatusTag lc={CHAOS_LIFECYCLE} state={r.status} testId={`fc-status-${r.code}`} /> },
      ]}
    />
  );
}
