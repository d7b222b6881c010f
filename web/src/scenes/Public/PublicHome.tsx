/**
 * @module The public landing page: the campaign plan's goals, each indicator with its status light, its value
 * against the target and where the value came from (a document, or the monitoring computation and its formula),
 * complaint figures of the past year, and the way to report a problem. No charts: it must open fast on a phone.
 */
import { useQuery } from "@tanstack/react-query";
import { Button, Space, Statistic } from "antd";
import { Link } from "react-router";
import { publicOverview, type PublicIndicator } from "../../api/complaints";
import { LoadError, PageLoading } from "../../components/Status";
import { useT, type MessageKey } from "../../i18n";
import { LIGHT_COLOURS, Section, when } from "./shared";

function IndicatorRow({ i }: { i: PublicIndicator }) {
  const t = useT();
  const target = `${t(`public.comparison.${i.comparison}` as MessageKey)} ${i.target}${i.comparison === "decrease" || i.comparison === "increase" ? "%" : i.unit}`;
  return (
    <li data-testid={`public-indicator-${i.code}`} data-light={i.light} style={{ listStyle: "none", padding: "8px 0", borderTop: "1px solid #f0f0f0" }}>
      <div style={{ display: "flex", gap: 8, alignItems: "center" }}>
        <span aria-label={t(`public.light.${i.light}` as MessageKey)} style={{ width: 12, height: 12, borderRadius: 6, background: LIGHT_COLOURS[i.light], flex: "none" }} />
        <strong style={{ flex: 1 }}>{i.name}</strong>
        <span>{i.value === null ? t("public.noValue") : `${i.value}${i.unit}`}</span>
      </div>
      <div style={{ fontSize: 12, color: "#6b7280", marginLeft: 20 }}>
        {t("public.targetLine", { target, year: i.targetYear })} · {t(`public.light.${i.light}` as MessageKey)}
        {i.source && (
          <div>
            {t("public.sourceLabel")}{i.source.kind === "entered" ? i.source.document : `${t(`public.method.${i.source.method}` as MessageKey)}（${i.source.formula}）`}
            {i.period ? ` · ${i.period}` : ""}{i.source.recordedAt ? ` · ${when(i.source.recordedAt, false)}` : ""}
            {i.source.basis === "reviewed" && ` · ${t("alarms.basis.computed")}`}
            {i.source.method === "surface_water" && <> · <Link to="/public/water">{t("public.seeReadings")}</Link></>}
          </div>
        )}
      </div>
    </li>
  );
}

/** /public */
export default function PublicHome() {
  const t = useT();
  const q = useQuery({ queryKey: ["public", "overview"], queryFn: publicOverview, staleTime: 60_000 });
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const d = q.data.data;
  const c = d.complaints;
  const total = Object.values(c).reduce((a, b) => a + b, 0);
  const done = (c.resolved ?? 0) + (c.closed_not_fixed ?? 0);
  return (
    <>
      <Section title={t("public.reportTitle")} testId="public-cta">
        <p style={{ margin: "0 0 8px", color: "#374151" }}>{t("public.reportIntro")}</p>
        <Space wrap>
          <Link to="/public/report"><Button type="primary" size="large" data-testid="public-report-button">{t("public.nav.report")}</Button></Link>
          <Link to="/public/track"><Button size="large">{t("public.nav.track")}</Button></Link>
        </Space>
      </Section>
      <Section title={d.plan ? d.plan.title : t("public.goals")} testId="public-goals" extra={d.plan?.docNumber && <span style={{ fontSize: 12, color: "#6b7280" }}>{d.plan.docNumber}</span>}>
        {d.goals.length === 0 && <p>{t("public.noPlan")}</p>}
        <ol style={{ paddingLeft: 20, margin: 0 }}>
          {d.goals.map((g) => <li key={g.id} style={{ marginBottom: 6 }}>{g.text}</li>)}
        </ol>
      </Section>
      <Section title={t("public.indicators")} testId="public-indicators">
        {d.indicators.length === 0 ? <p style={{ color: "#6b7280" }}>{t("public.noIndicators")}</p> : <ul style={{ padding: 0, margin: 0 }}>{d.indicators.map((i) => <IndicatorRow key={i.code} i={i} />)}</ul>}
      </Section>
      <Section title={t("public.complaintFigures")} testId="public-complaint-figures" extra={<Link to="/public/complaints">{t("public.nav.complaints")}</Link>}>
        <Space size="large" wrap>
          <Statistic title={t("public.receivedCount")} value={total} />
          <Statistic title={t("public.closed")} value={done} />
          <Statistic title={t("public.inProgress")} value={(c.received ?? 0) + (c.dispatched ?? 0) + (c.investigating ?? 0)} />
        </Space>
      </Section>
    </>
  );
}
