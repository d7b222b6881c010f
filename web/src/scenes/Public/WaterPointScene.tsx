/**
 * @module One section's month on the public site: the class and how it was reached — the monthly mean of every item
 * with its single-item class and CWQI term, the readings period and count, the basis (reviewed data: values left out
 * and why, what the used values were), the rules.
 */
import { useQuery } from "@tanstack/react-query";
import { Descriptions, Table } from "antd";
import { Link, useParams, useSearchParams } from "react-router";
import { publicWaterPoint } from "../../api/complaints";
import { LoadError, PageLoading } from "../../components/Status";
import { FACTORS } from "../../../../domain/standards/factors";
import { classLabel, type WaterClass } from "../../../../domain/standards/gb3838";
import { useT, type MessageKey } from "../../i18n";
import { Section } from "./shared";
import { ClassTag } from "./WaterScene";
import { BasisNote } from "../Monitoring/BasisNote";

/** /public/water/:code */
export default function WaterPointScene() {
  const t = useT();
  const { code = "" } = useParams();
  const [params] = useSearchParams();
  const month = params.get("month") ?? undefined;
  const q = useQuery({ queryKey: ["public", "water", code, month], queryFn: () => publicWaterPoint(code, month) });
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const { section: s, rules } = q.data.data;
  const rows = Object.entries(s.detail?.means ?? {}).map(([factor, mean]) => ({
    factor, name: (FACTORS as Record<string, { nameZh: string; nameEn: string } | undefined>)[factor]?.[t.lang === "zh" ? "nameZh" : "nameEn"] ?? factor, mean, cls: s.detail?.perFactor[factor] ?? null, cwqi: s.detail?.cwqiItems[factor] ?? null,
  }));
  return (
    <Section title={`${s.name} · ${q.data.data.month}`} testId="water-provenance" extra={<Link to="/public/water">{t("complaints.back")}</Link>}>
      <Descriptions size="small" column={1} bordered items={[
        { key: "c", label: t("public.monthClass"), children: <ClassTag c={s.class} /> },
        { key: "t", label: t("public.targetClass"), children: s.targetClass ? `${classLabel(s.targetClass as WaterClass)} · ${s.attainment ? t("public.attained") : t("public.notAttained")}` : "—" },
        { key: "i", label: "CWQI", children: `${s.index ?? "—"}${s.rank ? ` · ${t("public.rank", { rank: s.rank })}` : ""}` },
        { key: "p", label: t("public.readingsUsed"), children: `${t(`public.period.${s.provenance.period ?? "none"}` as MessageKey)} · ${t("alarms.basis.row", { samples: s.provenance.samples, readings: s.provenance.readings, ...s.provenance.excluded })}` },
        { key: "q", label: t("public.qcState"), children: <><BasisNote basis={{ excluded: s.provenance.excluded, unchecked: s.provenance.used.unchecked }} testId="water-point-basis" /><br />{t("alarms.basis.used", s.provenance.used)}</> },
      ]} />
      <Table size="small" style={{ marginTop: 12 }} rowKey="factor" pagination={false} dataSource={rows} data-testid="water-means"
        columns={[
          { title: t("public.factor"), dataIndex: "name" },
          { title: t("public.mean"), dataIndex: "mean", render: (v: number) => Number(v.toPrecision(4)) },
          { title: t("public.itemClass"), dataIndex: "cls", render: (c: number | null) => (c ? classLabel(c as WaterClass) : "—") },
          { title: "CWQIᵢ", dataIndex: "cwqi", render: (v: number | null) => v ?? "—" },
        ]} />
      <p style={{ fontSize: 12, color: "#6b7280", marginTop: 8 }}>{rules.class}<br />{rules.ranking}<br />{rules.qc}</p>
    </Section>
  );
}
