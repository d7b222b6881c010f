/**
 * @module The detail page of a problem that is rectified and closed (清四乱 problems, drinking-water-source
 * problems): the header with its status, the lifecycle and the steps the user may take (the unit's rectification
 * with its 整改情况, the verification or its rejection with a reason, 销号) — a step the session may take but the
 * record does not allow yet shows disabled with what it still needs — the record, photos of the problem and of its
 * rectification, an optional side card (the map) and the history.
 */
import type { ReactNode } from "react";
import { Button, Card, Col, Descriptions, Row, Space, Typography, type DescriptionsProps } from "antd";
import { Link } from "react-router";
import type { Attachment } from "../../../api/registries";
import type { Label, Lifecycle, Performer } from "../../../../../domain/registries/lifecycle";
import { PageHeader } from "../../../components/PageHeader";
import { useT } from "../../../i18n";
import { AttachmentsCard } from "./AttachmentsCard";
import { HistoryCard } from "./HistoryCard";
import { ActionButton, DemoTag, LifecycleSteps, StatusTag } from "./bits";
import { actionText } from "./actions";

/** A step the API offers on a problem: whether this session may take it, and what still keeps it from being taken. */
export interface ProblemStep<S extends string, A extends string> {
  action: A;
  to: S;
  by: Performer;
  label: Label;
  allowed: boolean;
  /** Unmet conditions (none: the step can be taken). */
  problems?: string[];
}

/** How one step's button looks and what its dialog asks for. */
export interface StepLook {
  primary?: boolean;
  danger?: boolean;
  /** The dialog's text is required. */
  needsNote?: boolean;
  /** Send the dialog's text as this field instead of `note` (e.g. `rectification`). */
  textAs?: string;
  placeholder?: string;
  initialText?: string;
  /** More fields of the request body. */
  extra?: Record<string, unknown>;
  rows?: number;
}

/** The problem as the page needs it. */
export interface ProblemBasics<S extends string> {
  id: string;
  status: S;
  demo: boolean;
  lon: number | null;
  lat: number | null;
  attachments: Attachment[];
}

/** Props. */
export interface ProblemDetailProps<S extends string, A extends string> {
  /** The registry's key: /api/registries/<key> and the list at /registries/<key>. */
  registry: string;
  problem: ProblemBasics<S>;
  title: ReactNode;
  lc: Lifecycle<S, A>;
  statusTestId: string;
  steps: readonly ProblemStep<S, A>[];
  stepLook: (action: A) => StepLook;
  /** Said when the session may take no step (e.g. the problem waits for someone else). */
  waiting?: string;
  /** The 编辑 button. */
  onEdit?: () => void;
  /** The record's fields (two columns). */
  info: DescriptionsProps["items"];
  canAttach: boolean;
  purposes?: Attachment["purpose"][];
  /** A card above the history (the map). */
  side?: ReactNode;
  /** Names of the fields an edit changed, for the history. */
  fieldNames?: Readonly<Record<string, string>>;
  /** The edit form. */
  children?: ReactNode;
}

/** The steps the session may take: a button each, disabled with its unmet conditions when the record does not allow it yet (nothing when there is nothing to take or say). */
function StepButtons<S extends string, A extends string>({ registry, problem, steps, stepLook, waiting }: Pick<ProblemDetailProps<S, A>, "registry" | "problem" | "steps" | "stepLook" | "waiting">) {
  const t = useT();
  const allowed = steps.filter((a) => a.allowed);
  if (allowed.length === 0 && !waiting) return null;
  return (
    <Space wrap>
      {allowed.map((a) => (
        <Space key={a.action} align="start">
          {!a.problems?.length ? (
            <ActionButton registry={registry} id={problem.id} path="transitions" transition={{ ...a, from: [problem.status] }} {...stepLook(a.action)} />
          ) : (
            <>
              <Button disabled data-testid={`action-${a.action}`}>{a.label[t.lang]}</Button>
              <Typography.Text type="secondary" data-testid={`action-${a.action}-problems`}>{t("registries.of.needs")}{a.problems.join("；")}</Typography.Text>
            </>
          )}
        </Space>
      ))}
      {allowed.length === 0 && <Typography.Text type="secondary">{waiting}</Typography.Text>}
    </Space>
  );
}

/** The page. */
export function ProblemDetail<S extends string, A extends string>(props: ProblemDetailProps<S, A>) {
  const { registry, problem: p, title, lc, statusTestId, onEdit, info, canAttach, purposes, side, fieldNames, children } = props;
  const t = useT();
  const at = p.lon !== null && p.lat !== null ? ([p.lon, p.lat] as [number, number]) : null;
  return (
    <>
      <PageHeader
        title={<Space>{title}<DemoTag demo={p.demo} /><StatusTag lc={lc} state={p.status} testId={statusTestId} /></Space>}
        extra={<Space><Link to={`/registries/${registry}`}>{t("registries.back")}</Link>{onEdit && <Button onClick={onEdit} data-testid="record-edit">{t("common.edit")}</Button>}</Space>}
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <LifecycleSteps lc={lc} state={p.status} />
        <StepButtons {...props} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={2} data-testid="record-info" items={info} />
          </Card>
          <AttachmentsCard registry={registry} id={p.id} attachments={p.attachments} canAttach={canAttach} at={at} purposes={purposes} />
        </Col>
        <Col xs={24} xl={10}>
          {side}
          <HistoryCard registry={registry} id={p.id} stateText={(s) => lc.labels[s as S]?.[t.lang] ?? s} actionText={(a) => actionText(a, t)} fieldNames={fieldNames} />
        </Col>
      </Row>
      {children}
    </>
  );
}
