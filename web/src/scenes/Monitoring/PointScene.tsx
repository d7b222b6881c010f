/**
 * @module /monitoring/points/:id: one point — its record, a factor's time series (server-side buckets and LTTB)
 * with GB 3838 class bands and the target-class limit (permit limits for outlets), CSV export of what is charted,
 * the latest values with their flags, the monthly class table, permit limits and devices. `?factor=&period=&from=&to=`
 * open the chart on a given factor and range (links from alarms).
 */
import { useMemo, useState } from "react";
import { Alert, Button, Card, Descriptions, Empty, Space, Typography } from "antd";
import { ArrowLeftOutlined, DownloadOutlined, LineChartOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link, useParams, useSearchParams } from "react-router";
import dayjs, { type Dayjs } from "dayjs";
import { getLatest, getPoint, getSeries } from "../../api/monitoring";
import type { MonitoringPointDetail, Reading, ReadingPeriod } from "../../api/types";
import { EChart } from "../../components/charts/EChart";
import { PageHeader } from "../../components/PageHeader";
import { LoadError, PageLoading } from "../../components/Status";
import { useT } from "../../i18n";
import { MonitoringNav } from "./MonitoringNav";
import { DevicesTable, LatestTable, LimitsTable, MonthlyTable } from "./PointTables";
import { SeriesControls, windowRange, type SeriesWindow } from "./SeriesControls";
import { downloadText, seriesCsv, seriesOption } from "./seriesOption";
import { ClassTag, beijingText, bodyOf, factorLabel, isAssessed, kindText, latestClass, levelText, preferredPeriods } from "./quality";

const PERIOD_CODES: ReadingPeriod[] = ["rt", "min", "hour", "day", "sample"];

/** The factors a point offers: what it has values for, what its devices send, what its permit limits. */
function factorsOf(point: MonitoringPointDetail, latest: Reading[]): string[] {
  const codes = new Set<string>([...latest.map((r) => r.factor), ...point.devices.flatMap((d) => d.expectedFactors), ...point.limits.map((l) => l.factor)]);
  return [...codes].sort();
}

/** The /monitoring/points/:id page. */
export default function PointScene() {
  const { id = "" } = useParams();
  const point = useQuery({ queryKey: ["monitoring-point", id], queryFn: () => getPoint(id) });
  const latest = useQuery({ queryKey: ["readings-latest", id], queryFn: () => getLatest(id), staleTime: 60_000 });

  if (point.isError) return <LoadError error={point.error} onRetry={() => void point.refetch()} />;
  if (!point.data || !latest.data) return <PageLoading />;
  return <PointView key={id} point={point.data.data} latest={latest.data} />;
}

function PointView({ point, latest }: { point: MonitoringPointDetail; latest: Reading[] }) {
  const t = useT();
  const factors = useMemo(() => factorsOf(point, latest), [point, latest]);
  const current = useMemo(() => (isAssessed(point.kind) ? latestClass(point, latest) : null), [point, latest]);
  const initialPeriod = preferredPeriods(point.kind).find((p) => latest.some((r) => r.period === p)) ?? preferredPeriods(point.kind)[0];
  const initialFactor =
    current?.mainPollutants[0] ?? (factors.includes("w21003") ? "w21003" : (latest.find((r) => r.period === initialPeriod)?.factor ?? factors[0]));
  // ?factor=&period=&from=&to= (e.g. from an alarm: its factor around its time) choose the first window.
  const [params] = useSearchParams();
  const asked = {
    factor: params.get("factor"), period: params.get("period") as ReadingPeriod | null,
    from: params.get("from") ? dayjs(params.get("from")) : null, to: params.get("to") ? dayjs(params.get("to")) : null,
  };
  const askedRange = asked.from?.isValid() && asked.to?.isValid() && asked.from.isBefore(asked.to) ? ([asked.from, asked.to] as [Dayjs, Dayjs]) : null;
  const firstPeriod = asked.period && PERIOD_CODES.includes(asked.period) ? asked.period : initialPeriod;
  const [win, setWin] = useState<SeriesWindow>({
    factor: asked.factor && factors.includes(asked.factor) ? asked.factor : initialFactor,
    period: firstPeriod,
    bucket: "raw",
    preset: askedRange ? "custom" : firstPeriod === "sample" ? "1y" : "30d",
    custom: askedRange,
  });

  // Presets end at the newest value of the chosen factor and series (or of the series, or now).
  const anchor = useMemo(() => {
    const ofPeriod = latest.filter((r) => r.period === win.period);
    const own = ofPeriod.find((r) => r.factor === win.factor) ?? ofPeriod.reduce<Reading | undefined>((a, b) => (!a || b.t > a.t ? b : a), undefined);
    return own ? new Date(own.t) : null;
  }, [latest, win.period, win.factor]);
  const range = windowRange(win, anchor);
  const series = useQuery({
    queryKey: ["series", point.id, win.factor, win.period, win.bucket, range.from, range.to],
    queryFn: () => getSeries({ pointId: point.id, factor: win.factor!, period: win.period, bucket: win.bucket, from: range.from, to: range.to, maxPoints: 2000 }),
    enabled: Boolean(win.factor),
    placeholderData: keepPreviousData,
  });

  const option = useMemo(
    () =>
      series.data && win.factor
        ? seriesOption({
            lines: [{ name: point.name, series: series.data }],
            factor: win.factor,
            t,
            body: isAssessed(point.kind) ? bodyOf(point) : undefined,
            targets: point.targetClass ? [point.targetClass] : [],
            permitLimits: point.limits.filter((l) => l.factor === win.factor),
            showRange: true,
          })
        : null,
    [series.data, win.factor, point, t],
  );

  const exportCsv = () => {
    if (!series.data || !win.factor) return;
    const day = (iso: string) => beijingText(iso).slice(0, 10);
    downloadText(seriesCsv(series.data, win.factor, t), `${point.code}_${win.factor}_${win.period}_${win.bucket}_${day(range.from)}_${day(range.to)}.csv`);
  };

  const points = series.data?.points.length ?? 0;
  return (
    <>
      <PageHeader
        title={
          <Space>
            <Link to="/monitoring" aria-label={t("monitoring.back")}>
              <ArrowLeftOutlined />
            </Link>
            {point.name}
          </Space>
        }
        extra={
          <Space wrap>
            <Link to={`/monitoring/compare?points=${point.id}${win.factor ? `&factor=${win.factor}` : ""}`}>
              <Button icon={<LineChartOutlined />}>{t("monitoring.compareThis")}</Button>
            </Link>
            <MonitoringNav current="points" />
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }} data-testid="point-info">
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }}>
          <Descriptions.Item label={t("monitoring.col.code")}>{point.code}</Descriptions.Item>
          <Descriptions.Item label={t("monitoring.col.kind")}>{kindText(point.kind, t)}</Descriptions.Item>
          <Descriptions.Item label={t("monitoring.col.level")}>{point.level ? levelText(point.level, t) : "—"}</Descriptions.Item>
          <Descriptions.Item label={t("monitoring.col.waterBody")}>
            {point.waterBody ?? "—"}
            {point.waterBodyType ? `（${t(`monitoring.bodyType.${point.waterBodyType}`)}）` : ""}
          </Descriptions.Item>
          <Descriptions.Item label={t("monitoring.col.target")}>
            <ClassTag cls={point.targetClass} t={t} />
          </Descriptions.Item>
          <Descriptions.Item label={t("monitoring.col.latestClass")}>
            {isAssessed(point.kind) ? (
              current?.cls ? (
                <Space size={4}>
                  <ClassTag cls={current.cls} t={t} />
                  <Typography.Text type="secondary">{beijingText(current.t)}</Typography.Text>
                </Space>
              ) : (
                t("monitoring.noData")
              )
            ) : (
              t("monitoring.notAssessed")
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t("monitoring.col.coords")}>
            {point.lon !== null && point.lat !== null ? `${point.lon.toFixed(4)}°E, ${point.lat.toFixed(4)}°N` : "—"}
          </Descriptions.Item>
          <Descriptions.Item label={t("monitoring.col.status")}>{point.active ? t("monitoring.active") : t("monitoring.retired")}</Descriptions.Item>
        </Descriptions>
      </Card>

      <Card
        title={t("monitoring.series.title")}
        style={{ marginBottom: 16 }}
        extra={
          <Button icon={<DownloadOutlined />} onClick={exportCsv} disabled={!points} data-testid="point-export-csv">
            {t("monitoring.series.exportCsv")}
          </Button>
        }
      >
        <Space direction="vertical" style={{ width: "100%" }} size={12}>
          <SeriesControls
            value={win}
            onChange={setWin}
            factors={factors.map((f) => ({ value: f, label: factorLabel(f, t) }))}
            periods={[...new Set(latest.map((r) => r.period))]}
          />
          {series.isError && <LoadError error={series.error} onRetry={() => void series.refetch()} />}
          {series.data && series.data.bucket !== series.data.requested && (
            <Alert type="info" showIcon message={t("monitoring.series.fellBack", { bucket: t(`monitoring.bucket.${series.data.bucket}`) })} />
          )}
          {!factors.length ? (
            <Alert type="info" showIcon message={t("monitoring.series.noFactors")} />
          ) : (
            <>
              {series.data && !points && !series.isFetching ? (
                <Empty style={{ padding: 48 }} description={t("monitoring.series.empty")} data-testid="point-chart-empty" />
              ) : (
                <EChart option={option ?? {}} height={380} loading={series.isFetching} testId="point-chart" />
              )}
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="point-chart-summary">
                {series.data
                  ? points
                    ? t("monitoring.series.summary", {
                        n: points,
                        total: series.data.total ?? points,
                        from: beijingText(range.from).slice(0, 10),
                        to: beijingText(range.to).slice(0, 10),
                      }) + (series.data.downsampled ? t("monitoring.series.downsampled") : "")
                    : t("monitoring.series.empty")
                  : ""}
              </Typography.Text>
            </>
          )}
        </Space>
      </Card>

      <LatestTable point={point} latest={latest} />
      {isAssessed(point.kind) && <MonthlyTable point={point} latest={latest} />}
      {point.kind === "outlet" && <LimitsTable limits={point.limits} />}
      <DevicesTable devices={point.devices} />
    </>
  );
}
