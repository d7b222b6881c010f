/**
 * @module Small pieces of the registry pages: the 演示 tag of demo records, a status tag coloured by lifecycle
 * position, lifecycle steps, and a lifecycle action button that asks for a note when needed.
 */
import { useState } from "react";
import { App, Button, Input, Modal, Steps, Tag } from "antd";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { recordAction } from "../../../api/registries";
import type { Lifecycle, Transition } from "../../../../../domain/registries/lifecycle";
import { buttonTestId } from "../../../components/testId";
import { errorMessage } from "../../../i18n/errors";
import { useT } from "../../../i18n";

/** The 演示数据 tag. */
export function DemoTag({ demo }: { demo: boolean }) {
  const t = useT();
  return demo ? <Tag color="gold">{t("registries.demo")}</Tag> : null;
}

const COLOURS = ["default", "orange", "blue", "purple", "gold"];

/** A status tag: colour by its place in the lifecycle (the last state green, the ones before it in turn). */
export function StatusTag<S extends string, A extends string>({ lc, state, testId }: { lc: Lifecycle<S, A>; state: S; testId?: string }) {
  const t = useT();
  const i = lc.states.indexOf(state);
  const colour = i === lc.states.length - 1 ? "success" : COLOURS[Math.min(i, COLOURS.length - 1)];
  return <Tag color={colour} data-testid={testId} data-state={state}>{lc.labels[state]?.[t.lang] ?? state}</Tag>;
}

/** The lifecycle as steps, the current state highlighted. */
export function LifecycleSteps<S extends string, A extends string>({ lc, state, skip = [] }: { lc: Lifecycle<S, A>; state: S; skip?: S[] }) {
  const t = useT();
  const states = lc.states.filter((s) => !skip.includes(s) || s === state);
  return <Steps size="small" current={states.indexOf(state)} items={states.map((s) => ({ title: lc.labels[s][t.lang] }))} style={{ marginBottom: 16 }} />;
}

/**
 * A button taking one lifecycle step via POST /api/registries/<key>/<id>/<path>, with an optional note — or, with
 * `textAs`, the dialog's text sent as another field (e.g. the 整改情况 of a rectification) and its placeholder.
 */
export function ActionButton<S extends string, A extends string>({
  registry, id, path, transition, needsNote = false, extra = {}, danger = false, primary = false, textAs, placeholder, initialText = "", rows = 3,
}: {
  registry: string; id: string; path: string; transition: Transition<S, A>; needsNote?: boolean; extra?: Record<string, unknown>; danger?: boolean; primary?: boolean;
  textAs?: string; placeholder?: string; initialText?: string; rows?: number;
}) {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState(initialText);
  const run = useMutation({
    mutationFn: () => recordAction(registry, id, path, { action: transition.action, ...(textAs ? { [textAs]: note.trim() || null } : { note: note.trim() || null }), ...extra }),
    onSuccess: () => {
      message.success(t("registries.action.done", { action: transition.label[t.lang] }));
      setOpen(false);
      setNote("");
      void qc.invalidateQueries({ queryKey: ["registries"] });
    },
    onError: (e) => message.error(errorMessage(e, t)),
  });
  return (
    <>
      <Button type={primary ? "primary" : "default"} danger={danger} onClick={() => setOpen(true)} data-testid={`action-${transition.action}`}>
        {transition.label[t.lang]}
      </Button>
      <Modal
        open={open}
        title={transition.label[t.lang]}
        onCancel={() => setOpen(false)}
        onOk={() => run.mutate()}
        okButtonProps={{ ...buttonTestId(`action-${transition.action}-confirm`), loading: run.isPending, disabled: needsNote && !note.trim() }}
        destroyOnHidden
      >
        <Input.TextArea rows={rows} value={note} onChange={(e) => setNote(e.target.value)} placeholder={placeholder ?? (needsNote ? t("registries.action.noteRequired") : t("registries.action.note"))} data-testid={`action-${transition.action}-note`} />
      </Modal>
    </>
  );
}
