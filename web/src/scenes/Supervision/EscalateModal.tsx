/**
 * @module The office's escalation on its own judgement (domain/supervision/judgement.ts): choose a task and one of
 * its units, the rung (the ladder's next one by default), issue it now or propose it for confirmation, and write
 * the reason (at least 10 characters; it goes into the document and the audit trail). Also the dialog closing a
 * ladder with its reason.
 */
import { useState } from "react";
import { App, DatePicker, Form, Input, Modal, Radio, Select, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getPlan } from "../../api/plans";
import { escalate, resolveLadder, type LadderStep, type LadderView } from "../../api/supervision";
import { buttonTestId } from "../../components/testId";
import { errorMessage } from "../../i18n/errors";
import { useT, type MessageKey } from "../../i18n";
import { usePlanContext } from "./shared";

const STEPS: LadderStep[] = ["reminder", "notice", "letter", "exposure", "interview", "accountability"];
/** Matches MIN_REASON_LENGTH in domain/supervision/judgement.ts. */
const MIN_REASON = 10;

interface Values {
  taskId?: string;
  unitId?: string;
  step?: LadderStep;
  mode: "issue" | "propose";
  reason: string;
  scheduledFor?: Dayjs;
  place?: string;
}

/** The escalation dialog; `preset` fills in the task and unit of an existing ladder. */
export function EscalateModal({ preset, onClose }: { preset?: LadderView; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { planId } = usePlanContext();
  const [form] = Form.useForm<Values>();
  const [taskId, setTaskId] = useState(preset?.taskId);
  const step = Form.useWatch("step", form);
  const plan = useQuery({ queryKey: ["plan", planId], queryFn: () => getPlan(planId!), enabled: Boolean(planId) });
  const tasks = plan.data?.data.tasks ?? [];
  const unitsOf = (id: string | undefined) => (tasks.find((x) => x.id === id)?.units ?? []).filter((u) => u.unitId);
  const units = unitsOf(taskId);
  const run = useMutation({
    mutationFn: (v: Values) => escalate({
      taskId: v.taskId!, unitId: v.unitId!, step: v.step, reason: v.reason, mode: v.mode,
      scheduledFor: v.scheduledFor?.format("YYYY-MM-DD"), place: v.place,
    }),
    onSuccess: (r) => {
      message.success(r.data.proposalId ? t("supervision.escalate.proposed") : r.data.document
        ? t("supervision.ladder.issued", { doc: r.data.document.docNumber ?? r.data.document.title }) : t("supervision.ladder.applied"));
      void qc.invalidateQueries({ queryKey: ["supervision"] });
      onClose();
    },
    onError: (e) => message.error(errorMessage(e, t)),
  });
  const stepIndex = preset?.currentStep ? STEPS.indexOf(preset.currentStep) : -1;
  return (
    <Modal open width={640} title={t("supervision.escalate.title")} onCancel={onClose} onOk={() => form.submit()} confirmLoading={run.isPending}
      okButtonProps={buttonTestId("escalate-ok")} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t("supervision.escalate.hint")}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ taskId: preset?.taskId, unitId: preset?.unitId, mode: "issue", reason: "" }} onFinish={(v) => run.mutate(v)}>
        <Form.Item name="taskId" label={t("supervision.col.task")} rules={[{ required: true, message: t("supervision.escalate.taskRequired") }]}>
          <Select showSearch={{ optionFilterProp: "label" }} loading={plan.isLoading} disabled={Boolean(preset)} data-testid="escalate-task"
            onChange={(v: string) => {
              setTaskId(v);
              // The unit stays when it is one of the new task's units too (choosing the same task again, or a
              // task the unit shares, keeps what the user chose); otherwise it is cleared.
              const unitId = form.getFieldValue("unitId") as string | undefined;
              if (!unitsOf(v).some((u) => u.unitId === unitId)) form.setFieldValue("unitId", undefined);
            }}
            options={tasks.map((x) => ({ value: x.id, label: `${x.number}. ${x.title}` }))} />
        </Form.Item>
        <Form.Item name="unitId" label={t("supervision.col.unit")} rules={[{ required: true, message: t("supervision.escalate.unitRequired") }]}>
          <Select disabled={Boolean(preset) || !taskId} data-testid="escalate-unit"
            options={[...new Map(units.map((u) => [u.unitId!, u.unitName ?? ""])).entries()].map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="step" label={t("supervision.escalate.step")} extra={t("supervision.escalate.stepHint")}>
          <Select allowClear placeholder={t("supervision.escalate.nextStep")} data-testid="escalate-step"
            options={STEPS.map((s, i) => ({ value: s, label: t(`supervision.step.${s}` as MessageKey), disabled: i <= stepIndex }))} />
        </Form.Item>
        {step === "interview" && (
          <>
            <Form.Item name="scheduledFor" label={t("supervision.interview.scheduledFor")} rules={[{ required: true, message: t("supervision.interview.dateRequired") }]}>
              <DatePicker disabledDate={(d) => d.isBefore(dayjs(), "day")} />
            </Form.Item>
            <Form.Item name="place" label={t("supervision.interview.place")}><Input maxLength={200} /></Form.Item>
          </>
        )}
        <Form.Item name="mode" label={t("supervision.escalate.mode")}>
          <Radio.Group options={[{ value: "issue", label: t("supervision.escalate.issue") }, { value: "propose", label: t("supervision.escalate.propose") }]} />
        </Form.Item>
        <Form.Item name="reason" label={t("supervision.escalate.reason")}
          rules={[{ validator: (_, v: string) => ([...(v ?? "").trim()].length >= MIN_REASON ? Promise.resolve() : Promise.reject(new Error(t("supervision.escalate.reasonShort", { n: MIN_REASON })))) }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t("supervision.escalate.reasonPlaceholder")} data-testid="escalate-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Closing a ladder by the office, with the reason. */
export function ResolveModal({ ladder, onClose }: { ladder: LadderView; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [reason, setReason] = useState("");
  const run = useMutation({
    mutationFn: () => resolveLadder(ladder.id, reason),
    onSuccess: () => {
      message.success(t("supervision.resolve.done"));
      void qc.invalidateQueries({ queryKey: ["supervision"] });
      onClose();
    },
    onError: (e) => message.error(errorMessage(e, t)),
  });
  return (
    <Modal open title={t("supervision.resolve.title", { unit: ladder.unitName })} onCancel={onClose} onOk={() => run.mutate()} confirmLoading={run.isPending}
      okButtonProps={{ disabled: reason.trim().length < 2, ...buttonTestId("resolve-ok") }} destroyOnHidden>
      <Typography.Paragraph>{ladder.taskNumber}. {ladder.taskTitle}</Typography.Paragraph>
      <Input.TextArea rows={2} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t("supervision.resolve.reason")} data-testid="resolve-reason" />
    </Modal>
  );
}
