/**
 * @module /monitoring: the monitoring points on an offline map and in a list, each coloured by its latest class,
 * with filters (kind, level, water body, code or name) kept in the URL. Rivers are the demo district's polylines
 * (components/map/demoRivers.ts, 演示数据); a tile URL in localStorage["qingliu.mapTiles"] adds a base map.
 */
import { useMemo, useState } from "react";
import { Card, Col, Flex, Input, Row, Select, Space, Table, Typography } from "antd";
import { useQueries, useQuery, keepPreviousData } from "@tanstack/react-query";
import { Link, useNavigate, useSearchParams } from "react-router";
import { getLatest, listPoints, type PointFilter } from "../../api/monitoring";
import { POINT_KINDS, POINT_LEVELS, type MonitoringPoint, type PointKind, type PointLevel } from "../../api/types";
import { PointMap, type MapPoint } from "../../components/map/PointMap";
import { PageHeader } from "../../components/PageHeader";
import { LoadError } from "../../components/Status";
import { useT } from "../../i18n";
import { MonitoringNav, useAllPoints } from "./MonitoringNav";
import { ClassLegend } from "./ClassLegend";
import {
  ClassTag,
  beijingText,
  classHex,
  classText,
  factorName,
  isAssessed,
  kindText,
  latestClass,
  levelText,
  NO_CLASS_COLOUR,
  type LatestClass,
} from "./quality";

/** localStorage key of the optional XYZ tile template. */
const TILE_SETTING = "qingliu.mapTiles";

function readTileUrl(): string | null {
  try {
    return localStorage.getItem(TILE_SETTING);
  } catch {
    return null;
  }
}

function readFilter(params: URLSearchParams): PointFilter {
  const kind = params.get("kind");
  const level = params.get("level");
  return {
    kind: kind && (POINT_KINDS as readonly string[]).includes(kind) ? (kind as PointKind) : undefined,
    level: level && (POINT_LEVELS as readonly string[]).includes(level) ? (level as PointLevel) : undefined,
    waterBody: params.get("waterBody") ?? undefined,
    q: params.get("q") ?? undefined,
  };
}

/** The /monitoring page. */
export default function PointsScene() {
  const t = useT();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params);
  const [hovered, setHovered] = useState<string | null>(null);
  const [tileUrl] = useState(readTileUrl);
  const all = useAllPoints();
  const points = useQuery({ queryKey: ["monitoring-points", filter], queryFn: () => listPoints(filter), placeholderData: keepPreviousData });
  const rows = points.data?.data ?? [];

  // One latest-values request per assessed point; the list shows the class as each answer arrives.
  const latest = useQueries({
    queries: rows.map((p) => ({
      queryKey: ["readings-latest", p.id],
      queryFn: () => getLatest(p.id),
      enabled: isAssessed(p.kind),
      staleTime: 60_000,
    })),
  });
  const classes = new Map<string, LatestClass | null>();
  rows.forEach((p, i) => {
    const data = latest[i]?.data;
    if (data) classes.set(p.id, latestClass(p, data));
  });

  const waterBodies = useMemo(
    () => [...new Set((all.data?.data ?? []).map((p) => p.waterBody).filter((w): w is string => Boolean(w)))].sort((a, b) => a.localeCompare(b, "zh")),
    [all.data],
  );

  const setFilter = (key: keyof PointFilter, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const mapPoints: MapPoint[] = rows
    .filter((p) => p.lon !== null && p.lat !== null)
    .map((p) => {
      const c = classes.get(p.id);
      return {
        id: p.id,
        code: p.code,
        kind: p.kind,
        lon: p.lon!,
        lat: p.lat!,
        colour: c?.cls ? classHex(c.cls) : NO_CLASS_COLOUR,
        tooltip: (
          <div>
            <div style={{ fontWeight: 600 }}>{p.name}</div>
            <div>
              {kindText(p.kind, t)}
              {p.waterBody ? ` · ${p.waterBody}` : ""}
            </div>
            {isAssessed(p.kind) && (
              <div>
                {t("monitoring.latestClass")}：{c?.cls ? classText(c.cls, t) : t("monitoring.noData")}
                {c ? `（${beijingText(c.t)}）` : ""}
              </div>
            )}
          </div>
        ),
      };
    });

  if (points.isError && !points.data) return <LoadError error={points.error} onRetry={() => void points.refetch()} />;

  return (
    <>
      <PageHeader title={t("monitoring.title")} extra={<MonitoringNav current="points" />} />
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap>
          <Input.Search
            placeholder={t("monitoring.filter.q")}
            allowClear
            defaultValue={filter.q}
            onSearch={(v) => setFilter("q", v.trim() || undefined)}
            style={{ width: 220 }}
            data-testid="monitoring-filter-q"
          />
          <Select
            placeholder={t("monitoring.filter.kind")}
            allowClear
            value={filter.kind}
            onChange={(v?: string) => setFilter("kind", v)}
            options={POINT_KINDS.map((k) => ({ value: k, label: kindText(k, t) }))}
            style={{ width: 180 }}
            data-testid="monitoring-filter-kind"
          />
          <Select
            placeholder={t("monitoring.filter.level")}
            allowClear
            value={filter.level}
            onChange={(v?: string) => setFilter("level", v)}
            options={POINT_LEVELS.map((l) => ({ value: l, label: levelText(l, t) }))}
            style={{ width: 160 }}
            data-testid="monitoring-filter-level"
          />
          <Select
            placeholder={t("monitoring.filter.waterBody")}
            allowClear
            showSearch
            value={filter.waterBody}
            onChange={(v?: string) => setFilter("waterBody", v)}
            options={waterBodies.map((w) => ({ value: w, label: w }))}
            style={{ width: 200 }}
            data-testid="monitoring-filter-waterBody"
          />
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={10}>
          <Card title={t("monitoring.map")} size="small" extra={<Typography.Text type="secondary">{t("monitoring.map.demo")}</Typography.Text>}>
            <PointMap
              points={mapPoints}
              highlightedId={hovered}
              onHover={setHovered}
              onSelect={(id) => navigate(`/monitoring/points/${id}`)}
              tileUrl={tileUrl}
              caption={t("monitoring.map.caption")}
              north={t("monitoring.map.north")}
              formatKm={(km) => t("monitoring.map.km", { km })}
              height={480}
              testId="monitoring-map"
            />
            <ClassLegend />
          </Card>
        </Col>
        <Col xs={24} xxl={14}>
          <Card title={t("monitoring.list", { n: rows.length })} size="small">
            <div data-testid="monitoring-list">
              <Table<MonitoringPoint>
                rowKey="id"
                size="small"
                loading={points.isFetching}
                dataSource={rows}
                pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
                scroll={{ x: 900 }}
                onRow={(p) => ({
                  onMouseEnter: () => setHovered(p.id),
                  onMouseLeave: () => setHovered(null),
                  style: p.id === hovered ? { background: "#f0f9fb" } : undefined,
                  ...({ "data-testid": `point-row-${p.code}` } as object),
                })}
                columns={[
                  {
                    title: t("monitoring.col.point"),
                    key: "point",
                    width: 200,
                    render: (_, p) => (
                      <Space direction="vertical" size={0}>
                        <Link to={`/monitoring/points/${p.id}`}>{p.name}</Link>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {p.code}
                        </Typography.Text>
                      </Space>
                    ),
                  },
                  { title: t("monitoring.col.kind"), dataIndex: "kind", width: 96, render: (k: PointKind) => kindText(k, t) },
                  { title: t("monitoring.col.level"), dataIndex: "level", width: 72, render: (l: PointLevel | null) => (l ? levelText(l, t) : "—") },
                  { title: t("monitoring.col.waterBody"), dataIndex: "waterBody", width: 110, render: (w: string | null) => w ?? "—" },
                  { title: t("monitoring.col.target"), dataIndex: "targetClass", width: 80, render: (c: number | null) => <ClassTag cls={c} t={t} /> },
                  {
                    title: t("monitoring.col.latestClass"),
                    key: "latest",
                    width: 150,
                    render: (_, p) => {
                      if (!isAssessed(p.kind)) return <Typography.Text type="secondary">{t("monitoring.notAssessed")}</Typography.Text>;
                      const c = classes.get(p.id);
                      if (c === undefined) return <Typography.Text type="secondary">…</Typography.Text>;
                      if (!c?.cls) return <Typography.Text type="secondary">{t("monitoring.noData")}</Typography.Text>;
                      return (
                        <Space direction="vertical" size={0}>
                          <ClassTag cls={c.cls} t={t} />
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {beijingText(c.t)}
                          </Typography.Text>
                        </Space>
                      );
                    },
                  },
                  {
                    title: t("monitoring.col.mainPollutants"),
                    key: "main",
                    width: 160,
                    render: (_, p) => {
                      const c = classes.get(p.id);
                      return c?.mainPollutants.length ? c.mainPollutants.map((code) => factorName(code, t)).join(t("monitoring.listSep")) : "—";
                    },
                  },
                ]}
              />
            </div>
          </Card>
        </Col>
      </Row>
    </>
  );
}
