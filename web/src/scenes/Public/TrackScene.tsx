/**
 * @module Following a complaint by receipt code: its state, every answer the reporter is meant to read, the unit
 * handling it, a merge into another complaint, the reward; and reopening it when the answer does not satisfy.
 */
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { Alert, Button, Descriptions, Input, Space, Timeline } from "antd";
import { useSearchParams } from "react-router";
import { reopenComplaint, trackComplaint, type TrackedComplaint } from "../../api/complaints";
import { errorMessage } from "../../i18n/errors";
import { useT, type MessageKey } from "../../i18n";
import { Section, StateTag, when } from "./shared";

/** /public/track */
export default function TrackScene() {
  const t = useT();
  const [params] = useSearchParams();
  const [receipt, setReceipt] = useState(params.get("receipt") ?? "");
  const [reason, setReason] = useState("");
  const [result, setResult] = useState<TrackedComplaint | null>(null);
  const track = useMutation({ mutationFn: () => trackComplaint(receipt), onSuccess: (r) => setResult(r.data) });
  const reopen = useMutation({ mutationFn: () => reopenComplaint(receipt, reason), onSuccess: (r) => { setResult(r.data); setReason(""); } });
  return (
    <>
      <Section title={t("public.nav.track")} testId="track-form">
        <Space.Compact style={{ width: "100%" }}>
          <Input value={receipt} onChange={(e) => setReceipt(e.target.value)} placeholder="XXXX-XXXX-XXXX" maxLength={20} style={{ fontFamily: "monospace" }}
            onPressEnter={() => track.mutate()} data-testid="track-receipt" autoCapitalize="characters" />
          <Button type="primary" onClick={() => track.mutate()} loading={track.isPending} data-testid="track-submit">{t("public.query")}</Button>
        </Space.Compact>
        {track.isError && <Alert type="error" showIcon style={{ marginTop: 8 }} message={errorMessage(track.error, t)} data-testid="track-error" />}
      </Section>
      {result && (
        <Section title={`${t("public.complaintNo")} ${result.number}`} testId="track-result" extra={<StateTag state={result.state} />}>
          <Descriptions size="small" column={1} items={[
            { key: "c", label: t("public.category"), children: result.categoryName },
            { key: "u", label: t("public.handlingUnit"), children: result.unitName ?? t("public.triage") },
            { key: "r", label: t("public.received"), children: when(result.receivedAt) },
            { key: "d", label: t("public.due"), children: when(result.dueAt, false) },
            ...(result.mergedInto ? [{ key: "m", label: t("public.mergedInto"), children: <>{result.mergedInto.number} <StateTag state={result.mergedInto.state} /></> }] : []),
            ...(result.reward ? [{ key: "w", label: t("public.reward"), children: <span data-testid="track-reward">{t(`complaints.reward.${result.reward.state}` as MessageKey)} · ¥{result.reward.amount}</span> }] : []),
          ]} />
          <p style={{ whiteSpace: "pre-wrap", background: "#f9fafb", padding: 8, borderRadius: 6 }} data-testid="track-description">{result.description}</p>
          <Timeline data-testid="track-events" items={(result.events ?? []).map((e) => ({
            key: `${e.at}-${e.kind}`,
            children: <div><div style={{ fontSize: 12, color: "#6b7280" }}>{when(e.at)} · {t(`complaints.event.${e.kind}` as MessageKey)}</div>{e.note && <div style={{ whiteSpace: "pre-wrap" }}>{e.note}</div>}</div>,
          }))} />
          {result.canReopen && (
            <div data-testid="reopen-form">
              <Input.TextArea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t("public.reopenHint")} maxLength={2000} data-testid="reopen-reason" />
              <Button style={{ marginTop: 8 }} onClick={() => reopen.mutate()} loading={reopen.isPending} disabled={reason.trim().length < 5} data-testid="reopen-submit">{t("public.reopen")}</Button>
              {reopen.isError && <Alert type="error" showIcon style={{ marginTop: 8 }} message={errorMessage(reopen.error, t)} />}
            </div>
          )}
        </Section>
      )}
    </>
  );
}
