/**
 * @module /complaints/:id: one complaint — what was reported (the original text; the public's masked copy beside
 * it), photos (the metadata-free copy; the original for handlers), routing, the event log with public and internal
 * notes, and the steps the user's policy allows in the complaint's state: dispatch / redispatch / merge / invalid
 * (office), investigate / resolve / close not fixed / return (handling unit), the audited contact reveal and a
 * reward proposal. Answers can start from a response template.
 */
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Checkbox, Descriptions, Image, Input, Select, Space, Tag, Timeline } from "antd";
import { Link, useParams } from "react-router";
import { getComplaint, listTemplates, listTiers, mergeComplaint, proposeReward, revealContact, transitionComplaint, type StaffComplaint, type Transition } from "../../api/complaints";
import { PageHeader } from "../../components/PageHeader";
import { LoadError, PageLoading } from "../../components/Status";
import { policyOf } from "../../hooks/usePolicy";
import { useUnitOptions } from "../../hooks/useUnits";
import { errorMessage } from "../../i18n/errors";
import { useT, type MessageKey } from "../../i18n";
import { StateTag, when } from "../Public/shared";
import { ComplaintsNav } from "./ComplaintsNav";

const OFFICE_STEPS: Partial<Record<StaffComplaint["state"], Transition[]>> = { received: ["dispatch", "markInvalid"], dispatched: ["redispatch", "markInvalid"], investigating: ["redispatch"] };
const UNIT_STEPS: Partial<Record<StaffComplaint["state"], Transition[]>> = { dispatched: ["investigate", "returnToOffice"], investigating: ["resolve", "closeNotFixed"] };

/** The detail page. */
export default function DetailScene() {
  const t = useT();
  const { message } = App.useApp();
  const { id = "" } = useParams();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ["complaint", id], queryFn: () => getComplaint(id) });
  const units = useUnitOptions();
  const [unitId, setUnitId] = useState<string | undefined>();
  const [note, setNote] = useState("");
  const [internalNote, setInternalNote] = useState("");
  const [confirmed, setConfirmed] = useState(false);
  const [mergeInto, setMergeInto] = useState("");
  const [reason, setReason] = useState("");
  const [contact, setContact] = useState<{ name: string | null; phone: string | null; email: string | null } | null | undefined>(undefined);
  const [tierId, setTierId] = useState<string | undefined>();
  const c = q.data?.data;
  const policy = policyOf(q.data?.policies, id);
  const templates = useQuery({ queryKey: ["complaint-templates"], queryFn: listTemplates, enabled: Boolean(c) });
  const tiers = useQuery({ queryKey: ["reward-tiers"], queryFn: listTiers, enabled: Boolean(policy.proposeReward) });
  const done = (r: { data: StaffComplaint }) => { qc.setQueryData(["complaint", id], r); void qc.invalidateQueries({ queryKey: ["complaints"] }); setNote(""); setInternalNote(""); message.success(t("common.saved")); };
  const step = useMutation({ mutationFn: (transition: Transition) => transitionComplaint(id, { transition, unitId: unitId ?? c?.unitId ?? undefined, note: note || null, internalNote: internalNote || null, confirmed }), onSuccess: done });
  const merge = useMutation({ mutationFn: () => mergeComplaint(id, mergeInto, note || undefined), onSuccess: done });
  const reveal = useMutation({ mutationFn: () => revealContact(id, reason), onSuccess: (r) => setContact(r.data) });
  const reward = useMutation({ mutationFn: () => proposeReward(id, tierId!), onSuccess: () => message.success(t("complaints.rewardProposed")) });

  if (q.isPending) return <PageLoading />;
  if (q.isError || !c) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const steps = [...(policy.triage ? OFFICE_STEPS[c.state] ?? [] : []), ...(policy.handle ? UNIT_STEPS[c.state] ?? [] : [])].filter((s, i, a) => a.indexOf(s) === i);
  const stepTemplates = (templates.data?.data ?? []).filter((tp) => steps.includes(tp.step as Transition) && (!tp.categoryCode || tp.categoryCode === c.categoryCode));
  const error = step.error ?? merge.error;
  return (
    <>
      <PageHeader title={<Space>{c.number}<StateTag state={c.state} />{c.overdue && <Tag color="red">{t("complaints.overdue")}</Tag>}</Space>} extra={<Link to="/complaints">{t("complaints.back")}</Link>} />
      <ComplaintsNav />
      <Space direction="vertical" style={{ width: "100%" }} size="middle">
        <Card title={c.categoryName} data-testid="complaint-info">
          <p style={{ whiteSpace: "pre-wrap" }} data-testid="complaint-text">{c.description}</p>
          <Descriptions size="small" column={{ xs: 1, md: 2 }} items={[
            { key: "a", label: t("public.where"), children: [c.address, c.lat !== null ? `${c.lat}, ${c.lon}` : null].filter(Boolean).join(" · ") || "—" },
            { key: "s", label: t("public.subject"), children: c.subject ?? "—" },
            { key: "u", label: t("public.handlingUnit"), children: c.unitName ?? t("public.triage") },
            { key: "r", label: t("complaints.river"), children: c.riverName ?? "—" },
            { key: "t", label: t("public.received"), children: `${when(c.receivedAt)} · ${t(`complaints.source.${c.source}` as MessageKey)}` },
            { key: "d", label: t("public.due"), children: when(c.dueAt) },
            { key: "p", label: t("complaints.reporter"), children: `${c.anonymous ? t("complaints.anonymous") : t("complaints.named")}${c.hasContact ? ` · ${t("complaints.hasContact")}` : ""}${c.wantsReward ? ` · ${t("complaints.wantsReward")}` : ""}` },
            { key: "m", label: t("complaints.publicCopy"), children: c.publicDescription },
          ]} />
          {c.photos.length > 0 && (
            <Image.PreviewGroup>
              <Space wrap>{c.photos.map((p) => (
                <span key={p.sort}>
                  <Image src={p.publicUrl} width={120} height={120} style={{ objectFit: "cover" }} />
                  {policy.viewOriginalPhotos && <div><a href={p.originalUrl} target="_blank" rel="noreferrer">{t("complaints.originalPhoto")}</a></div>}
                </span>
              ))}</Space>
            </Image.PreviewGroup>
          )}
          {c.duplicates && c.duplicates.length > 0 && <p>{t("complaints.mergedHere")}：{c.duplicates.map((d) => <Link key={d.id} to={`/complaints/${d.id}`} style={{ marginRight: 8 }}>{d.number}</Link>)}</p>}
        </Card>

        {steps.length > 0 && (
          <Card title={t("complaints.actions")} data-testid="complaint-actions">
            {stepTemplates.length > 0 && (
              <Select placeholder={t("complaints.useTemplate")} style={{ width: "100%", marginBottom: 8 }} data-testid="complaint-template"
                options={stepTemplates.map((tp) => ({ value: tp.id, label: `${t(`complaints.step.${tp.step}` as MessageKey)} · ${tp.title}` }))}
                onChange={(v) => setNote(stepTemplates.find((tp) => tp.id === v)?.body ?? "")} />
            )}
            {(steps.includes("dispatch") || steps.includes("redispatch")) && (
              <Select showSearch optionFilterProp="label" placeholder={t("complaints.chooseUnit")} style={{ width: "100%", marginBottom: 8 }} value={unitId ?? c.unitId ?? undefined} onChange={setUnitId}
                options={units.options} loading={units.loading} data-testid="complaint-unit" />
            )}
            <Input.TextArea rows={3} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t("complaints.noteHint")} maxLength={4000} data-testid="complaint-note" />
            <Input.TextArea rows={2} style={{ marginTop: 8 }} value={internalNote} onChange={(e) => setInternalNote(e.target.value)} placeholder={t("complaints.internalNoteHint")} maxLength={4000} data-testid="complaint-internal-note" />
            {steps.includes("closeNotFixed") && <Checkbox style={{ marginTop: 8 }} checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)}>{t("complaints.confirmed")}</Checkbox>}
            <Space wrap style={{ marginTop: 8 }}>
              {steps.map((s) => (
                <Button key={s} type={s === "dispatch" || s === "investigate" || s === "resolve" ? "primary" : "default"} danger={s === "markInvalid"} loading={step.isPending && step.variables === s}
                  onClick={() => step.mutate(s)} data-testid={`complaint-action-${s}`}>{t(`complaints.step.${s}` as MessageKey)}</Button>
              ))}
            </Space>
            {policy.triage && (c.state === "received" || c.state === "dispatched") && (
              <Space.Compact style={{ width: "100%", marginTop: 12 }}>
                <Input value={mergeInto} onChange={(e) => setMergeInto(e.target.value)} placeholder={t("complaints.mergeHint")} data-testid="complaint-merge-into" />
                <Button onClick={() => merge.mutate()} loading={merge.isPending} disabled={!mergeInto.trim()} data-testid="complaint-action-merge">{t("complaints.step.markDuplicate")}</Button>
              </Space.Compact>
            )}
            {error && <Alert type="error" showIcon style={{ marginTop: 8 }} message={errorMessage(error, t)} data-testid="complaint-error" />}
          </Card>
        )}

        {policy.viewContact && c.hasContact && (
          <Card title={t("complaints.contact")} data-testid="complaint-contact">
            {contact === undefined ? (
              <Space.Compact style={{ width: "100%" }}>
                <Input value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t("complaints.revealReason")} maxLength={200} data-testid="contact-reason" />
                <Button onClick={() => reveal.mutate()} disabled={reason.trim().length < 2} loading={reveal.isPending} data-testid="contact-reveal">{t("complaints.reveal")}</Button>
              </Space.Compact>
            ) : contact && <Descriptions size="small" column={1} items={[{ key: "n", label: t("public.contactName"), children: contact.name ?? "—" }, { key: "p", label: t("public.contactPhone"), children: contact.phone ?? "—" }, { key: "e", label: t("public.contactEmail"), children: contact.email ?? "—" }]} />}
            <p style={{ fontSize: 12, color: "#6b7280", margin: "8px 0 0" }}>{t("complaints.revealAudited")}</p>
            {reveal.isError && <Alert type="error" showIcon message={errorMessage(reveal.error, t)} />}
          </Card>
        )}

        {policy.proposeReward && (c.state === "resolved" || c.state === "closed_not_fixed") && c.wantsReward && (
          <Card title={t("complaints.proposeReward")} data-testid="complaint-reward">
            <Space.Compact style={{ width: "100%" }}>
              <Select style={{ flex: 1 }} placeholder={t("complaints.chooseTier")} value={tierId} onChange={setTierId} options={(tiers.data?.data ?? []).filter((x) => x.active).map((x) => ({ value: x.id, label: `${x.name} ¥${x.amount}` }))} />
              <Button onClick={() => reward.mutate()} disabled={!tierId} loading={reward.isPending}>{t("complaints.propose")}</Button>
            </Space.Compact>
            {reward.isError && <Alert type="error" showIcon style={{ marginTop: 8 }} message={errorMessage(reward.error, t)} />}
          </Card>
        )}

        <Card title={t("complaints.history")}>
          <Timeline data-testid="complaint-events" items={(c.events ?? []).map((e) => ({
            key: e.id,
            children: (
              <div>
                <div style={{ fontSize: 12, color: "#6b7280" }}>{when(e.at)} · {t(`complaints.event.${e.kind}` as MessageKey)}{e.actorName ? ` · ${e.actorName}` : ""}</div>
                {e.publicNote && <div style={{ whiteSpace: "pre-wrap" }}>{e.publicNote}</div>}
                {e.internalNote && <div style={{ whiteSpace: "pre-wrap", color: "#92400e" }}>{t("complaints.internal")}：{e.internalNote}</div>}
              </div>
            ),
          }))} />
        </Card>
      </Space>
    </>
  );
}
