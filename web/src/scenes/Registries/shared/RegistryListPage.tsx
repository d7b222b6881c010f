/**
 * @module The list page every registry shares: filters kept in the URL, a server-paged table with each row's
 * policy, an optional offline map of every matching record (click opens it), and the toolbar — create (when the
 * server says the user may), .xlsx template and import, export of what is filtered.
 */
import { useState, type ReactNode } from "react";
import { Button, Card, Col, Flex, Input, Row, Select, Space, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { DownloadOutlined, PlusOutlined, UploadOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useNavigate, useSearchParams } from "react-router";
import { exportUrl, getRecordMap, listRecords, type RegistryAction, type RegistryPage } from "../../../api/registries";
import type { Policies } from "../../../api/types";
import type { Query } from "../../../api/client";
import type { Feature } from "../../../../../domain/registries/geo";
import { GeoMap, type FeatureStyle } from "../../../components/map/GeoMap";
import { readTileUrl } from "../../../components/map/projection";
import { PageHeader } from "../../../components/PageHeader";
import { LoadError } from "../../../components/Status";
import { useT } from "../../../i18n";
import { RegistryNav } from "./RegistryNav";
import { ImportModal } from "./ImportModal";

/** One filter of the bar. */
export interface FilterDef {
  /** Query parameter. */
  name: string;
  placeholder: string;
  /** Options of a select; absent: a text search. */
  options?: { value: string; label: string }[];
  width?: number;
}

/** Props. */
export interface RegistryListProps<T extends { id: string }> {
  /** API key (/api/registries/<registry>). */
  registry: string;
  /** Path of the page under /registries (tab and detail links). */
  path: string;
  title: string;
  /** Columns, or a function of the page's policies (for row actions). */
  columns: ColumnsType<T> | ((policies: Policies<RegistryAction>) => ColumnsType<T>);
  filters?: FilterDef[];
  /** Draw the records on a map: beside the list ("side", narrow lists) or above it ("stacked", wide lists). */
  map?: { style: (f: Feature) => FeatureStyle; legend?: ReactNode; layout?: "side" | "stacked" };
  /** The create form, opened by the create button. */
  renderCreate?: (open: boolean, close: () => void) => ReactNode;
  /** Test id of a row. */
  rowTestId: (row: T) => string;
  /** More above the list (e.g. a board). */
  header?: ReactNode;
  /** More buttons. */
  extraActions?: ReactNode;
}

/** The page. */
export function RegistryListPage<T extends { id: string }>(p: RegistryListProps<T>) {
  const t = useT();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [hovered, setHovered] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const [creating, setCreating] = useState(false);
  const [tileUrl] = useState(readTileUrl);
  const filter: Query = Object.fromEntries((p.filters ?? []).map((f) => [f.name, params.get(f.name) ?? undefined]));
  const page = Number(params.get("page") ?? 1) || 1;
  const pageSize = Number(params.get("pageSize") ?? 20) || 20;
  const list = useQuery({
    queryKey: ["registries", p.registry, "list", filter, page, pageSize],
    queryFn: () => listRecords<T>(p.registry, { ...filter, page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const map = useQuery({ queryKey: ["registries", p.registry, "map", filter], queryFn: () => getRecordMap(p.registry, filter), enabled: Boolean(p.map) });
  const rivers = useQuery({ queryKey: ["registries", "rivers", "map", {}], queryFn: () => getRecordMap("rivers"), enabled: Boolean(p.map), staleTime: 300_000 });

  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== "page") next.delete("page");
    setParams(next, { replace: true });
  };

  const page_: RegistryPage<T> | undefined = list.data;
  if (list.isError && !page_) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  const can = page_?.meta.can;
  // Say "演示数据" only when something drawn is demo data (the demo courses stand in while the register has none).
  const mapIsDemo = !rivers.data?.features.length || [...(map.data?.features ?? []), ...(rivers.data?.features ?? [])].some((f) => f.properties.demo === true);

  const table = (
    <Card size="small" title={t("registries.list.count", { n: page_?.meta.total ?? 0 })}>
      <div data-testid={`registry-list-${p.registry}`}>
        <Table<T>
          rowKey="id"
          size="small"
          loading={list.isFetching}
          dataSource={page_?.data ?? []}
          columns={typeof p.columns === "function" ? p.columns(page_?.policies ?? {}) : p.columns}
          scroll={{ x: 900 }}
          pagination={{
            current: page,
            pageSize,
            total: page_?.meta.total ?? 0,
            showSizeChanger: true,
            hideOnSinglePage: (page_?.meta.total ?? 0) <= 20,
            onChange: (n, size) => {
              const next = new URLSearchParams(params);
              next.set("page", String(n));
              next.set("pageSize", String(size));
              setParams(next, { replace: true });
            },
          }}
          onRow={(r) => ({
            onMouseEnter: () => setHovered(r.id),
            onMouseLeave: () => setHovered(null),
            style: r.id === hovered ? { background: "#f0f9fb" } : undefined,
            ...({ "data-testid": p.rowTestId(r) } as object),
          })}
        />
      </div>
    </Card>
  );

  return (
    <>
      <PageHeader title={p.title} extra={<RegistryNav current={p.path} />} />
      {p.header}
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap justify="space-between">
          <Flex gap={12} wrap>
            {(p.filters ?? []).map((f) =>
              f.options ? (
                <Select
                  key={f.name}
                  placeholder={f.placeholder}
                  allowClear
                  showSearch
                  optionFilterProp="label"
                  value={(filter[f.name] as string | undefined) ?? undefined}
                  onChange={(v?: string) => set(f.name, v)}
                  options={f.options}
                  style={{ width: f.width ?? 180 }}
                  data-testid={`registry-filter-${f.name}`}
                />
              ) : (
                <Input.Search
                  key={f.name}
                  placeholder={f.placeholder}
                  allowClear
                  defaultValue={(filter[f.name] as string | undefined) ?? ""}
                  onSearch={(v) => set(f.name, v.trim() || undefined)}
                  style={{ width: f.width ?? 220 }}
                  data-testid={`registry-filter-${f.name}`}
                />
              ),
            )}
          </Flex>
          <Space wrap>
            {p.extraActions}
            {can?.create && p.renderCreate && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="registry-create">
                {t("common.create")}
              </Button>
            )}
            {can?.import && (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="registry-import">
                {t("registries.import.open")}
              </Button>
            )}
            <Button icon={<DownloadOutlined />} href={exportUrl(p.registry, filter)} data-testid="registry-export">
              {t("registries.export")}
            </Button>
          </Space>
        </Flex>
      </Card>
      {p.map ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={p.map.layout === "stacked" ? 24 : 10}>
            <Card size="small" title={t("registries.map")} extra={<Typography.Text type="secondary">{t("registries.map.offline")}</Typography.Text>}>
              <GeoMap
                features={map.data?.features ?? []}
                base={rivers.data}
                style={p.map.style}
                highlightedId={hovered}
                onHover={setHovered}
                onSelect={(id) => navigate(`/registries/${p.path}/${id}`)}
                tileUrl={tileUrl}
                caption={mapIsDemo ? t("registries.map.caption") : undefined}
                north={t("monitoring.map.north")}
                formatKm={(km) => t("monitoring.map.km", { km })}
                height={p.map.layout === "stacked" ? 380 : 460}
                testId={`registry-map-${p.registry}`}
              />
              {p.map.legend}
            </Card>
          </Col>
          <Col xs={24} xl={p.map.layout === "stacked" ? 24 : 14}>{table}</Col>
        </Row>
      ) : (
        table
      )}
      {can?.import && <ImportModal registry={p.registry} open={importing} onClose={() => setImporting(false)} />}
      {p.renderCreate?.(creating, () => setCreating(false))}
    </>
  );
}
