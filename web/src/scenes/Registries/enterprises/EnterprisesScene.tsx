/**
 * @module /registries/enterprises: enterprises and permits — permit number and class, industry, pollutants with
 * 涉氟企业 flagged and the state of their fluoride online monitoring, outlets, supervising unit; links to the
 * fluoride coverage report (task 18) and to water use and value added (task 13); where they are on the map.
 */
import { Button, Space, Tag, Typography } from "antd";
import { Link } from "react-router";
import { PERMIT_CLASS_LABELS, PERMIT_CLASSES } from "../../../../../domain/registries/enterprise";
import type { EnterpriseRecord } from "../../../api/enterprises";
import { useUnitOptions } from "../../../hooks/useUnits";
import { useT } from "../../../i18n";
import { RegistryListPage } from "../shared/RegistryListPage";
import { DemoTag } from "../shared/bits";
import { labelOf, labelOptions } from "../shared/options";
import { EnterpriseForm } from "./EnterpriseForm";
import { MonitorTag } from "./monitors";

/** The page. */
export default function EnterprisesScene() {
  const t = useT();
  const units = useUnitOptions();
  return (
    <RegistryListPage<EnterpriseRecord>
      registry="enterprises"
      path="enterprises"
      title={t("enterprises.title")}
      extraActions={
        <>
          <Link to="/registries/enterprises/fluoride-coverage"><Button data-testid="fluoride-coverage-link">{t("enterprises.coverage.title")}</Button></Link>
          <Link to="/registries/enterprise-years"><Button data-testid="water-use-link">{t("enterprises.years.title")}</Button></Link>
        </>
      }
      filters={[
        { name: "q", placeholder: t("enterprises.filter.q"), width: 240 },
        { name: "fluoride", placeholder: t("enterprises.fluoride"), options: [{ value: "1", label: t("enterprises.fluoride.yes") }, { value: "0", label: t("enterprises.fluoride.no") }], width: 130 },
        { name: "permitClass", placeholder: t("enterprises.permitClass"), options: labelOptions(PERMIT_CLASS_LABELS, PERMIT_CLASSES, t), width: 140 },
        { name: "unitId", placeholder: t("enterprises.unit"), options: units.options, width: 180 },
      ]}
      map={{
        style: (f) => ({ colour: f.properties.fluoride ? "#cf1322" : "#1677ff", symbol: "square", label: String(f.properties.code ?? ""), tooltip: String(f.properties.name ?? "") }),
        legend: (
          <Space size={12} style={{ marginTop: 8, fontSize: 12 }}>
            <span><span style={{ display: "inline-block", width: 10, height: 10, background: "#cf1322", marginRight: 4 }} />{t("enterprises.fluoride.yes")}</span>
            <span><span style={{ display: "inline-block", width: 10, height: 10, background: "#1677ff", marginRight: 4 }} />{t("enterprises.fluoride.no")}</span>
          </Space>
        ),
      }}
      rowTestId={(r) => `enterprise-row-${r.code}`}
      renderCreate={(open, close) => <EnterpriseForm open={open} onClose={close} />}
      columns={[
        { title: t("enterprises.name"), key: "name", width: 230, render: (_, r) => <Space direction="vertical" size={0}><Space><Link to={`/registries/enterprises/${r.id}`}>{r.name}</Link><DemoTag demo={r.demo} /></Space><Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.code}{r.industry ? ` · ${r.industry}` : ""}</Typography.Text></Space> },
        { title: t("enterprises.fluorideMonitor"), key: "f", width: 130, render: (_, r) => (r.fluorideState ? <MonitorTag state={r.fluorideState} t={t} testId={`enterprise-fluoride-${r.code}`} /> : <Typography.Text type="secondary">—</Typography.Text>) },
        { title: t("enterprises.pollutants"), key: "pollutants", width: 200, render: (_, r) => r.pollutants.map((p) => <Tag key={p.code} color={p.code === "w21017" ? "volcano" : undefined}>{p.name}</Tag>) },
        { title: t("enterprises.permit"), key: "permit", width: 230, render: (_, r) => (r.permitNo ? <Space direction="vertical" size={0}><span style={{ fontFamily: "monospace", fontSize: 12 }}>{r.permitNo}</span><Typography.Text type="secondary" style={{ fontSize: 12 }}>{labelOf(PERMIT_CLASS_LABELS, r.permitClass, t)}</Typography.Text></Space> : <Typography.Text type="secondary">{t("enterprises.permit.none")}</Typography.Text>) },
        { title: t("enterprises.outlets"), key: "outlets", width: 120, render: (_, r) => (r.outlets.length ? r.outlets.map((o) => <Tag key={o.id}>{o.code}</Tag>) : "—") },
      ]}
    />
  );
}
