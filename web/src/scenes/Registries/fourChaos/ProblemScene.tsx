/**
 * @module /registries/four-chaos/:id: one 清四乱 problem — the workflow and the steps the user may take (the unit's
 * rectification with its 整改情况, the river chief's verification or rejection with a reason, the office's 销号), the
 * record, the place on the map with where each photo was taken, photos before and after, history.
 */
import { useState } from "react";
import { Tag } from "antd";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { getRecord } from "../../../api/registries";
import { CHAOS_CATALOGUE, CHAOS_LIFECYCLE, CHAOS_SEVERITY_LABELS, CHAOS_SOURCE_LABELS, type ChaosAction } from "../../../../../domain/registries/fourChaos";
import { LoadError, PageLoading } from "../../../components/Status";
import { policyOf } from "../../../hooks/usePolicy";
import { useT, type Translate } from "../../../i18n";
import { ProblemDetail, type StepLook } from "../shared/ProblemDetail";
import { RecordMapCard } from "../shared/photoLayer";
import { labelOf } from "../shared/options";
import { ProblemForm } from "./ProblemForm";
import { CHAOS_COLOURS } from "./statusColours";
import type { ProblemDetail as Detail } from "./types";

/** A step's button: a rejection asks why, a rectification what was done (its 整改情况). */
function stepLook(action: ChaosAction, p: Detail, t: Translate): StepLook {
  const submitting = action === "submitRectification";
  return {
    primary: action !== "rejectVerification", danger: action === "rejectVerification", needsNote: action === "rejectVerification" || submitting,
    ...(submitting ? { textAs: "rectification", placeholder: t("registries.fc.rectificationPlaceholder"), initialText: p.rectification ?? "" } : {}),
  };
}

/** The page. */
export default function ProblemScene() {
  const t = useT();
  const { id = "" } = useParams();
  const [editing, setEditing] = useState(false);
  const q = useQuery({ queryKey: ["registries", "four-chaos", "detail", id], queryFn: () => getRecord<Detail>("four-chaos", id) });
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const p = q.data.data;
  const policy = policyOf(q.data.policies, p.id);
  const at = p.lon !== null && p.lat !== null ? ([p.lon, p.lat] as [number, number]) : null;
  return (
    <ProblemDetail
      registry="four-chaos" problem={p} title={p.subtype} lc={CHAOS_LIFECYCLE} statusTestId="fc-status"
      steps={p.actions} stepLook={(a) => stepLook(a, p, t)}
      onEdit={policy.update && p.status !== "closed" ? () => setEditing(true) : undefined}
      canAttach={policy.attach && p.status !== "closed"} purposes={["photo", "rectification", "document"]}
      info={[
        { label: t("registries.col.code"), children: p.code },
        { label: t("registries.fc.category"), children: <>{labelOf(CHAOS_CATALOGUE, p.category, t)} · {p.subtype}</> },
        { label: t("registries.col.river"), children: <Link to={`/registries/rivers/${p.riverId}`}>{p.riverName}</Link> },
        { label: t("registries.of.location"), children: p.location ?? "—" },
        { label: t("registries.fc.source"), children: labelOf(CHAOS_SOURCE_LABELS, p.source, t) },
        { label: t("registries.fc.foundOn"), children: p.foundOn },
        { label: t("registries.col.unit"), children: p.unitName },
        { label: t("registries.col.chief"), children: p.chief ? `${p.chief.name}（${p.chief.position}）` : "—" },
        { label: t("registries.fc.deadline"), children: p.deadline ? (p.overdue ? <Tag color="red">{p.deadline} {t("registries.bo.overdue")}</Tag> : p.deadline) : "—" },
        { label: t("registries.fc.severity"), children: labelOf(CHAOS_SEVERITY_LABELS, p.severity, t) },
        { label: t("registries.fc.description"), span: 2, children: p.description },
        { label: t("registries.fc.rectification"), span: 2, children: p.rectification ? `${p.rectification}${p.rectifiedOn ? `（${p.rectifiedOn}）` : ""}` : "—" },
        { label: t("registries.fc.verifiedOn"), children: p.verifiedOn ?? "—" },
        { label: t("registries.fc.closedOn"), children: p.closedOn ?? "—" },
      ]}
      side={<RecordMapCard id={p.id} code={p.code} at={at} colour={CHAOS_COLOURS[p.status]} symbol="diamond" demo={p.demo} attachments={p.attachments} />}
    >
      <ProblemForm open={editing} onClose={() => setEditing(false)} problem={p} />
    </ProblemDetail>
  );
}
