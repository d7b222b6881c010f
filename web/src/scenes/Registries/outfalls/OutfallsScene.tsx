/**
 * @module /registries/outfalls: the 入河排污口 ledger — type (HJ 1312-2023), receiving water, 责任单位 and 责任主体,
 * stage of 查测溯治 and way of 整治; the outfalls on the map coloured by stage.
 */
import { Space, Tag, Typography } from "antd";
import { Link } from "react-router";
import { OUTFALL_LIFECYCLE, OUTFALL_STAGES, REMEDIATION_KINDS, REMEDIATION_LABELS } from "../../../../../domain/registries/outfallLifecycle";
import type { OutfallStage } from "../../../../../domain/registries/outfallLifecycle";
import { useUnitOptions } from "../../../hooks/useUnits";
import { useT } from "../../../i18n";
import { RegistryListPage } from "../shared/RegistryListPage";
import { DemoTag, StatusTag } from "../shared/bits";
import { labelOf, labelOptions, useRiverOptions } from "../shared/options";
import { OutfallForm } from "./OutfallForm";
import { STAGE_COLOURS } from "./stages";
import type { OutfallRecord } from "./types";

/** The page. */
export default function OutfallsScene() {
  const t = useT();
  const rivers = useRiverOptions();
  const units = useUnitOptions();
  return (
    <RegistryListPage<OutfallRecord>
      registry="outfalls"
      path="outfalls"
      title={t("registries.of.title")}
      filters={[
        { name: "q", placeholder: t("registries.of.filterQ") },
        { name: "status", placeholder: t("registries.of.stage"), options: OUTFALL_STAGES.map((s) => ({ value: s, label: OUTFALL_LIFECYCLE.labels[s][t.lang] })), width: 140 },
        { name: "level1", placeholder: t("registries.of.level1"), options: [["industrial", "工业排污口"], ["urbanWwtp", "城镇污水处理厂排污口"], ["agricultural", "农业排口"], ["other", "其他排口"]].map(([value, label]) => ({ value, label })), width: 170 },
        { name: "remediationKind", placeholder: t("registries.of.kind"), options: labelOptions(REMEDIATION_LABELS, REMEDIATION_KINDS, t), width: 130 },
        { name: "riverId", placeholder: t("registries.of.receiving"), options: rivers, width: 150 },
        { name: "unitId", placeholder: t("registries.col.unit"), options: units.options, width: 190 },
      ]}
      map={{
        layout: "stacked",
        style: (f) => ({ colour: STAGE_COLOURS[f.properties.stage as OutfallStage] ?? "#8c8c8c", symbol: "triangle", label: String(f.properties.code), tooltip: `${String(f.properties.name)} · ${OUTFALL_LIFECYCLE.labels[f.properties.stage as OutfallStage]?.[t.lang] ?? ""}` }),
        legend: (
          <Space size={12} wrap style={{ marginTop: 8, fontSize: 12 }}>
            {OUTFALL_STAGES.map((s) => <span key={s}><span style={{ display: "inline-block", width: 10, height: 10, background: STAGE_COLOURS[s], marginRight: 4 }} />{OUTFALL_LIFECYCLE.labels[s][t.lang]}</span>)}
          </Space>
        ),
      }}
      rowTestId={(r) => `of-row-${r.code}`}
      renderCreate={(open, close) => <OutfallForm open={open} onClose={close} />}
      columns={[
        { title: t("registries.col.name"), key: "name", width: 210, render: (_, r) => <Space direction="vertical" size={0}><Space><Link to={`/registries/outfalls/${r.id}`}>{r.name}</Link><DemoTag demo={r.demo} /></Space><Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.code}</Typography.Text></Space> },
        { title: t("registries.of.type"), dataIndex: "typeLabel", width: 230, render: (v: string) => <Typography.Text style={{ fontSize: 12 }}>{v}</Typography.Text> },
        { title: t("registries.of.receiving"), key: "river", width: 110, render: (_, r) => r.riverName ?? r.receivingWater ?? "—" },
        { title: t("registries.col.unit"), dataIndex: "unitName", width: 140 },
        { title: t("registries.of.party"), dataIndex: "responsibleParty", width: 140, render: (v) => v ?? "—" },
        { title: t("registries.of.stage"), key: "stage", width: 110, render: (_, r) => <StatusTag lc={OUTFALL_LIFECYCLE} state={r.stage} testId={`of-stage-${r.code}`} /> },
        { title: t("registries.of.kind"), dataIndex: "remediationKind", width: 90, render: (k) => (k ? <Tag>{labelOf(REMEDIATION_LABELS, k, t)}</Tag> : "—") },
      ]}
    />
  );
}
