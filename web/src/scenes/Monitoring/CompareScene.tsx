/**
 * @module /monitoring/compare: 2–4 points and one factor as overlaid series (same range, series and aggregation
 * for all), with class bands when the points share a water-body type and each target class's limit. The choice is
 * kept in the URL (?points=a,b&factor=w21003) so a comparison can be linked.
 */
import { useMemo, useState } from "react";
import { Alert, Card, Select, Space, Typography } from "antd";
import { keepPreviousData, useQueries } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { FACTORS } from "../../../../domain/standards/factors";
import { getSeries } from "../../api/monitoring";
import type { MonitoringPoint } from "../../api/types";
import { EChart } from "../../components/charts/EChart";
import { PageHeader } from "../../components/PageHeader";
import { LoadError } from "../../components/Status";
import { useT } from "../../i18n";
import { MonitoringNav, useAllPoints } from "./MonitoringNav";
import { SeriesControls, windowRange, type SeriesWindow } from "./SeriesControls";
import { LINE_COLOURS, seriesOption } from "./seriesOption";
import { bodyOf, factorLabel, isAssessed, kindText } from "./quality";

/** Most points one comparison overlays. */
const MAX_POINTS = 4;

/** The /monitoring/compare page. */
export default function CompareScene() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const all = useAllPoints();
  const byId = useMemo(() => new Map((all.data?.data ?? []).map((p) => [p.id, p])), [all.data]);
  const selectedIds = (params.get("points") ?? "").split(",").filter(Boolean).slice(0, MAX_POINTS);
  const selected = selectedIds.map((id) => byId.get(id)).filter((p): p is MonitoringPoint => Boolean(p));
  const [win, setWin] = useState<SeriesWindow>({ factor: params.get("factor") ?? "w21003", period: "sample", bucket: "raw", preset: "1y", custom: null });

  const update = (patch: { points?: string[]; factor?: string }) => {
    const next = new URLSearchParams(params);
    if (patch.points) {
      if (patch.points.length) next.set("points", patch.points.join(","));
      else next.delete("points");
    }
    if (patch.factor) next.set("factor", patch.factor);
    setParams(next, { replace: true });
  };

  // Ranges end today: points differ in how recent their data is, and a shared window is the point of comparing.
  const range = windowRange(win, null);
  const series = useQueries({
    queries: selected.map((p) => ({
      queryKey: ["series", p.id, win.factor, win.period, win.bucket, range.from, range.to],
      queryFn: () => getSeries({ pointId: p.id, factor: win.factor!, period: win.period, bucket: win.bucket, from: range.from, to: range.to, maxPoints: 1500 }),
      enabled: Boolean(win.factor),
      placeholderData: keepPreviousData,
    })),
  });
  const loading = series.some((s) => s.isFetching);
  const failed = series.find((s) => s.isError);

  const bodies = new Set(selected.filter((p) => isAssessed(p.kind)).map((p) => bodyOf(p)));
  const sharedBody = bodies.size === 1 ? [...bodies][0] : undefined;
  const option = useMemo(() => {
    const lines = selected.flatMap((p, i) => {
      const data = series[i]?.data;
      return data ? [{ name: `${p.code} ${p.name}`, series: data, colour: LINE_COLOURS[i % LINE_COLOURS.length] }] : [];
    });
    if (!win.factor) return {};
    return seriesOption({
      lines,
      factor: win.factor,
      t,
      body: sharedBody,
      targets: selected.map((p) => p.targetClass).filter((c): c is number => c !== null),
    });
    // Keyed by ids and fetch times: the arrays themselves are new on every render.
  }, [selected.map((p) => p.id).join(), series.map((s) => s.dataUpdatedAt).join(), win.factor, sharedBody, t]);

  const factorOptions = [...Object.keys(FACTORS), "w01014", "w01003", "w00000"].map((code) => ({ value: code, label: factorLabel(code, t) }));
  const pointOptions = (all.data?.data ?? []).map((p) => ({ value: p.id, label: `${p.code} ${p.name}（${kindText(p.kind, t)}）` }));

  if (all.isError) return <LoadError error={all.error} onRetry={() => void all.refetch()} />;
  return (
    <>
      <PageHeader title={t("monitoring.compare.title")} extra={<MonitoringNav current="compare" />} />
      <Card>
        <Space direction="vertical" size={12} style={{ width: "100%" }}>
          <Space wrap>
            <Select
              mode="multiple"
              maxCount={MAX_POINTS}
              showSearch={{ optionFilterProp: "label" }}
              style={{ minWidth: 420, maxWidth: 760 }}
              placeholder={t("monitoring.compare.points", { n: MAX_POINTS })}
              value={selected.map((p) => p.id)}
              onChange={(ids: string[]) => update({ points: ids })}
              options={pointOptions}
              loading={all.isLoading}
              data-testid="compare-points"
            />
          </Space>
          <SeriesControls
            value={win}
            onChange={(next) => {
              setWin(next);
              if (next.factor && next.factor !== win.factor) update({ factor: next.factor });
            }}
            factors={factorOptions}
          />
          {selected.length < 2 && <Alert type="info" showIcon message={t("monitoring.compare.pick", { n: MAX_POINTS })} />}
          {failed && <LoadError error={failed.error} />}
          {selected.length > 0 && !sharedBody && bodies.size > 1 && <Alert type="warning" showIcon message={t("monitoring.compare.mixedBodies")} />}
          <EChart option={option} height={420} loading={loading} testId="compare-chart" />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {selected
              .map((p, i) => t("monitoring.compare.count", { code: p.code, n: series[i]?.data?.points.length ?? 0 }))
              .join(t("monitoring.listSep"))}
          </Typography.Text>
        </Space>
      </Card>
    </>
  );
}
