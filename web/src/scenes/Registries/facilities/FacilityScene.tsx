/**
 * @module /registries/facilities/:kind/:id: one facility — its common fields and the kind's attributes, what
 * follows from them (a medical institution's GB 18466 table; a WWTP's load rate and sludge shares), its position or
 * outline on the map, photos and history.
 */
import { useState } from "react";
import { Alert, Button, Card, Col, Descriptions, Row, Space, Tag } from "antd";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { facilitySpecByKey, type FacilityKindSpec } from "../../../../../domain/registries/facility";
import { representativePoint, type Feature } from "../../../../../domain/registries/geo";
import { getRecord, type Attachment } from "../../../api/registries";
import type { FacilityRecord } from "../../../api/enterprises";
import { GeoMap } from "../../../components/map/GeoMap";
import { readTileUrl } from "../../../components/map/projection";
import { PageHeader } from "../../../components/PageHeader";
import { LoadError, NotFound, PageLoading } from "../../../components/Status";
import { policyOf } from "../../../hooks/usePolicy";
import { useT, type MessageKey } from "../../../i18n";
import { AttachmentsCard } from "../shared/AttachmentsCard";
import { HistoryCard } from "../shared/HistoryCard";
import { DemoTag } from "../shared/bits";
import { actionText } from "../shared/actions";
import { FACILITY_FIELD_NAMES } from "../drinking/fields";
import { percent } from "../drinking/format";
import { attrText, FacilityStatusTag } from "./attrs";
import { FacilityForm } from "./FacilityForm";
import { SludgeYearsCard } from "./SludgeYearsCard";

/** One facility of `spec`'s kind. */
function Facility({ spec, id }: { spec: FacilityKindSpec; id: string }) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const q = useQuery({ queryKey: ["registries", spec.key, "detail", id], queryFn: () => getRecord<FacilityRecord & { attachments: Attachment[] }>(spec.key, id) });
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const f = q.data.data;
  const policy = policyOf(q.data.policies, f.id);
  const geometry = f.geometry ?? (f.lon !== null && f.lat !== null ? { type: "Point" as const, coordinates: [f.lon, f.lat] as [number, number] } : null);
  const features: Feature[] = geometry ? [{ type: "Feature", id: f.id, geometry, properties: { name: f.name } }] : [];
  const fieldNames = { ...FACILITY_FIELD_NAMES[t.lang], ...Object.fromEntries(spec.fields.map((x) => [x.key, x.label[t.lang]])) };
  return (
    <>
      <PageHeader
        title={<Space>{f.name}<DemoTag demo={f.demo} /><FacilityStatusTag kind={f.kind} status={f.status} t={t} testId="facility-status" /></Space>}
        extra={<Space><Link to={`/registries/facilities/${spec.key}`}>{t("registries.back")}</Link>{policy.update && <Button onClick={() => setEditing(true)} data-testid="record-edit">{t("common.edit")}</Button>}</Space>}
      />
      {f.overdue && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={t("facilities.overdueAlert", { deadline: f.deadline ?? "" })} data-testid="facility-overdue" />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={2} data-testid="record-info">
              <Descriptions.Item label={t("registries.col.code")}>{f.code}</Descriptions.Item>
              <Descriptions.Item label={t("facilities.kind")}>{spec.title[t.lang]}</Descriptions.Item>
              <Descriptions.Item label={t("registries.col.unit")}>{f.unitName}</Descriptions.Item>
              <Descriptions.Item label={t("registries.col.river")}>{f.riverId ? <Link to={`/registries/rivers/${f.riverId}`}>{f.riverName}</Link> : "—"}</Descriptions.Item>
              <Descriptions.Item label={t("facilities.deadline")}>{f.deadline ?? "—"}</Descriptions.Item>
              <Descriptions.Item label={t("facilities.completedOn")}>{f.completedOn ?? "—"}</Descriptions.Item>
              {spec.fields.map((x) => <Descriptions.Item key={x.key} label={x.label[t.lang]}>{attrText(x, f[x.key], t)}</Descriptions.Item>)}
              {spec.kind === "medical" && <Descriptions.Item label={t("facilities.standard")} span={2}>{f.derived.standard ? t(`facilities.standard.${f.derived.standard}` as MessageKey) : "—"}</Descriptions.Item>}
              {spec.kind === "wwtp" && <Descriptions.Item label={t("facilities.loadRate")}>{percent(f.derived.loadRate)}</Descriptions.Item>}
              {spec.kind === "wwtp" && (
                <Descriptions.Item label={t("facilities.sludge")}>
                  {f.derived.sludge ? <Space>{f.derived.sludgeYear && <span>{t("facilities.sludge.ofYear", { year: f.derived.sludgeYear })}</span>}<Tag color={f.derived.sludge.landfill > 0.2 ? "orange" : "green"}>{t("facilities.sludge.landfill")} {percent(f.derived.sludge.landfill)}</Tag><Tag>{t("facilities.sludge.safe")} {percent(f.derived.sludge.safe)}</Tag></Space> : "—"}
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t("facilities.address")} span={2}>{f.address ?? "—"}</Descriptions.Item>
              <Descriptions.Item label={t("registries.col.note")} span={2}>{f.note ?? "—"}</Descriptions.Item>
            </Descriptions>
          </Card>
          {spec.kind === "wwtp" && <SludgeYearsCard facilityId={f.id} />}
          <AttachmentsCard registry={spec.key} id={f.id} attachments={f.attachments} canAttach={policy.attach} at={geometry ? representativePoint(geometry) : null} />
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t("registries.map")} style={{ marginBottom: 16 }}>
            <GeoMap features={features} frameBase style={() => ({ colour: f.overdue ? "#cf1322" : "#13a8a8", label: f.code })} tileUrl={readTileUrl()} caption={t("registries.map.caption")}
              north={t("monitoring.map.north")} formatKm={(km) => t("monitoring.map.km", { km })} height={300} testId="record-map" />
          </Card>
          <HistoryCard registry={spec.key} id={f.id} actionText={(a) => actionText(a, t)} fieldNames={fieldNames} />
        </Col>
      </Row>
      <FacilityForm spec={spec} open={editing} onClose={() => setEditing(false)} facility={f} />
    </>
  );
}

/** The page. */
export default function FacilityScene() {
  const { kind = "", id = "" } = useParams();
  const spec = facilitySpecByKey(kind);
  return spec ? <Facility spec={spec} id={id} /> : <NotFound />;
}
