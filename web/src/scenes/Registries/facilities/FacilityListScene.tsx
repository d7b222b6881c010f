/**
 * @module /registries/facilities/:kind: the facilities of one kind — status of the kind, responsible unit,
 * deadline (red when past and not done), the kind's main attributes, and what follows from them (a medical
 * institution's GB 18466 table, a WWTP's landfill share); on the map their positions or outlines.
 */
import { Space, Tag, Typography } from "antd";
import { Link, useParams } from "react-router";
import { facilitySpecByKey, type FacilityKindSpec } from "../../../../../domain/registries/facility";
import type { FacilityRecord } from "../../../api/enterprises";
import { NotFound } from "../../../components/Status";
import { useUnitOptions } from "../../../hooks/useUnits";
import { useT, type MessageKey } from "../../../i18n";
import { RegistryListPage } from "../shared/RegistryListPage";
import { DemoTag } from "../shared/bits";
import { percent } from "../drinking/format";
import { attrText, FacilityStatusTag } from "./attrs";
import { FacilityForm } from "./FacilityForm";
import { KindTabs } from "./KindTabs";

/** The list of one kind. */
function KindList({ spec }: { spec: FacilityKindSpec }) {
  const t = useT();
  const units = useUnitOptions();
  const shown = spec.fields.slice(0, spec.kind === "eco" ? 2 : 3);
  return (
    <RegistryListPage<FacilityRecord>
      key={spec.key}
      registry={spec.key}
      path={`facilities/${spec.key}`}
      title={`${t("facilities.title")} · ${spec.title[t.lang]}`}
      header={<KindTabs current={spec.key} />}
      filters={[
        { name: "q", placeholder: t("registries.filter.q") },
        { name: "status", placeholder: t("registries.col.status"), options: spec.statuses.map((s) => ({ value: s.value, label: s.label[t.lang] })), width: 150 },
        { name: "overdue", placeholder: t("facilities.overdue"), options: [{ value: "1", label: t("facilities.overdue.yes") }], width: 130 },
        { name: "unitId", placeholder: t("registries.col.unit"), options: units.options, width: 180 },
      ]}
      map={{ style: (f) => ({ colour: f.properties.overdue ? "#cf1322" : "#13a8a8", symbol: "circle", label: String(f.properties.code ?? ""), tooltip: String(f.properties.name ?? "") }) }}
      rowTestId={(r) => `facility-row-${r.code}`}
      renderCreate={(open, close) => <FacilityForm spec={spec} open={open} onClose={close} />}
      columns={[
        { title: t("registries.col.name"), key: "name", width: 220, render: (_, r) => <Space direction="vertical" size={0}><Space><Link to={`/registries/facilities/${spec.key}/${r.id}`}>{r.name}</Link><DemoTag demo={r.demo} /></Space><Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.code}</Typography.Text></Space> },
        { title: t("registries.col.status"), key: "status", width: 140, render: (_, r) => <FacilityStatusTag kind={r.kind} status={r.status} t={t} testId={`facility-status-${r.code}`} /> },
        { title: t("facilities.deadline"), dataIndex: "deadline", width: 110, render: (v: string | null, r: FacilityRecord) => (v ? (r.overdue ? <Tag color="red" data-testid={`facility-overdue-${r.code}`}>{v}</Tag> : v) : "—") },
        ...shown.map((f) => ({ title: f.label[t.lang], key: f.key, width: Math.max(96, f.label.zh.length * 15 + 28), render: (_: unknown, r: FacilityRecord) => attrText(f, r[f.key], t) })),
        ...(spec.kind === "medical" ? [{ title: t("facilities.standard"), key: "std", width: 170, render: (_: unknown, r: FacilityRecord) => (r.derived.standard ? t(`facilities.standard.${r.derived.standard}` as MessageKey) : "—") }] : []),
        ...(spec.kind === "wwtp" ? [{ title: t("facilities.sludge.landfill"), key: "lf", width: 110, render: (_: unknown, r: FacilityRecord) => percent(r.derived.sludge?.landfill) }] : []),
        { title: t("registries.col.unit"), dataIndex: "unitName", width: 150 },
      ]}
    />
  );
}

/** The page. */
export default function FacilityListScene() {
  const { kind = "" } = useParams();
  const spec = facilitySpecByKey(kind);
  return spec ? <KindList spec={spec} /> : <NotFound />;
}
