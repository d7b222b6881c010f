/**
 * @module /registries/drinking-problems/:id: one problem — what and where, the steps 待整改 → 整改中 → 已整改待核查 →
 * 已销号 with those the user may take (submitting asks what was done; a rejection asks why), the photos of the
 * problem and of its rectification with their EXIF position, and the history.
 */
import { useState } from "react";
import { Tag } from "antd";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { PROBLEM_CATEGORY_LABELS, PROBLEM_LIFECYCLE, PROBLEM_ORIGIN_LABELS, PROBLEM_PLACE_LABELS, type ProblemAction, type ProblemStatus } from "../../../../../domain/registries/drinkingSource";
import { getRecord, type Attachment } from "../../../api/registries";
import type { ProblemRecord, StepOffer } from "../../../api/enterprises";
import { LoadError, PageLoading } from "../../../components/Status";
import { policyOf } from "../../../hooks/usePolicy";
import { useT, type Translate } from "../../../i18n";
import { ProblemDetail, type StepLook } from "../shared/ProblemDetail";
import { labelOf } from "../shared/options";
import { PROBLEM_FIELD_NAMES } from "./fields";
import { ProblemForm } from "./ProblemForm";

type Detail = ProblemRecord & { actions: StepOffer<ProblemStatus, ProblemAction>[]; attachments: Attachment[] };

/** A step's button: submitting asks what was done (sent as the rectification), a rejection why. */
function stepLook(action: ProblemAction, p: Detail, t: Translate): StepLook {
  const submitting = action === "submitRectification";
  return {
    primary: action === "close" || submitting, danger: action === "rejectRectification", needsNote: submitting || action === "rejectRectification", rows: 4,
    ...(submitting ? { textAs: "rectification", extra: { note: null }, placeholder: t("drinking.problem.rectificationHelp"), initialText: p.rectification ?? "" } : {}),
  };
}

/** The page. */
export default function ProblemScene() {
  const t = useT();
  const { id = "" } = useParams();
  const [editing, setEditing] = useState(false);
  const q = useQuery({ queryKey: ["registries", "drinking-problems", "detail", id], queryFn: () => getRecord<Detail>("drinking-problems", id) });
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const p = q.data.data;
  const policy = policyOf(q.data.policies, p.id);
  return (
    <ProblemDetail
      registry="drinking-problems" problem={p} title={p.description} lc={PROBLEM_LIFECYCLE} statusTestId="problem-status"
      steps={p.actions} stepLook={(a) => stepLook(a, p, t)} waiting={p.status !== "closed" ? t("drinking.problem.waiting") : undefined}
      onEdit={policy.update ? () => setEditing(true) : undefined}
      canAttach={policy.attach} fieldNames={PROBLEM_FIELD_NAMES[t.lang]}
      info={[
        { label: t("registries.col.code"), children: p.code },
        { label: t("drinking.problem.source"), children: <Link to={`/registries/drinking-sources/${p.sourceId}`}>{p.sourceName}</Link> },
        { label: t("drinking.problem.place"), children: labelOf(PROBLEM_PLACE_LABELS, p.place, t) },
        { label: t("drinking.problem.category"), children: labelOf(PROBLEM_CATEGORY_LABELS, p.category, t) },
        { label: t("drinking.problem.origin"), children: labelOf(PROBLEM_ORIGIN_LABELS, p.origin, t) },
        { label: t("drinking.problem.foundOn"), children: p.foundOn },
        { label: t("drinking.problem.unit"), children: p.unitName },
        { label: t("drinking.problem.deadline"), children: p.deadline ? (p.overdue ? <Tag color="red">{p.deadline} {t("drinking.problem.overdue")}</Tag> : p.deadline) : "—" },
        { label: t("drinking.problem.rectification"), span: 2, children: <span data-testid="problem-rectification">{p.rectification ?? "—"}</span> },
      ]}
    >
      <ProblemForm open={editing} onClose={() => setEditing(false)} problem={p} />
    </ProblemDetail>
  );
}
