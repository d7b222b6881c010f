/**
 * @module /complaints/rewards: reward claims with their fraud flags; review notes, approval by a second person,
 * rejection with a reason, and payout records — actions for the office, reading for auditors.
 */
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Input, Select, Space, Table, Tag } from "antd";
import { decideReward, listRewards, payReward, reviewReward, type Reward } from "../../api/complaints";
import { PageHeader } from "../../components/PageHeader";
import { LoadError } from "../../components/Status";
import { useAbility } from "../../hooks/usePolicy";
import { errorMessage } from "../../i18n/errors";
import { useT, type MessageKey } from "../../i18n";
import { when } from "../Public/shared";
import { ComplaintsNav } from "./ComplaintsNav";

function Actions({ r }: { r: Reward }) {
  const t = useT();
  const qc = useQueryClient();
  const [text, setText] = useState("");
  const [method, setMethod] = useState("bank_transfer");
  const refresh = () => { setText(""); void qc.invalidateQueries({ queryKey: ["rewards"] }); };
  const review = useMutation({ mutationFn: () => reviewReward(r.id, text), onSuccess: refresh });
  const decide = useMutation({ mutationFn: (approve: boolean) => decideReward(r.id, approve, text || undefined), onSuccess: refresh });
  const pay = useMutation({ mutationFn: () => payReward(r.id, method, text), onSuccess: refresh });
  const err = review.error ?? decide.error ?? pay.error;
  if (r.state !== "proposed" && r.state !== "approved") return null;
  return (
    <Space direction="vertical" style={{ width: 280 }}>
      <Input size="small" value={text} onChange={(e) => setText(e.target.value)} placeholder={r.state === "approved" ? t("complaints.payoutRef") : t("complaints.reviewHint")} />
      {r.state === "proposed" ? (
        <Space wrap>
          {r.flags.length > 0 && <Button size="small" onClick={() => review.mutate()} disabled={text.trim().length < 4}>{t("complaints.review")}</Button>}
          <Button size="small" type="primary" onClick={() => decide.mutate(true)}>{t("complaints.approve")}</Button>
          <Button size="small" danger onClick={() => decide.mutate(false)} disabled={!text.trim()}>{t("complaints.reject")}</Button>
        </Space>
      ) : (
        <Space.Compact>
          <Select size="small" value={method} onChange={setMethod} style={{ width: 120 }} options={["bank_transfer", "mobile_payment", "cash"].map((m) => ({ value: m, label: t(`complaints.payout.${m}` as MessageKey) }))} />
          <Button size="small" type="primary" onClick={() => pay.mutate()} disabled={text.trim().length < 2}>{t("complaints.recordPayout")}</Button>
        </Space.Compact>
      )}
      {err && <Alert type="error" showIcon message={errorMessage(err, t)} />}
    </Space>
  );
}

/** The rewards page. */
export default function RewardsScene() {
  const t = useT();
  const manage = useAbility("complaint.triage");
  const q = useQuery({ queryKey: ["rewards"], queryFn: listRewards });
  return (
    <>
      <PageHeader title={t("complaints.nav.rewards")} />
      <ComplaintsNav />
      <Card>
        {q.isError ? <LoadError error={q.error} /> : (
          <Table<Reward> rowKey="id" size="small" loading={q.isPending} dataSource={q.data?.data ?? []} scroll={{ x: 900 }} data-testid="rewards-table"
            columns={[
              { title: t("complaints.number"), dataIndex: "complaintNumber" },
              { title: t("complaints.tier"), render: (_, r) => `${r.tierName} ¥${r.amount}` },
              { title: t("complaints.stateCol"), dataIndex: "state", render: (s: string) => <Tag>{t(`complaints.reward.${s}` as MessageKey)}</Tag> },
              { title: t("complaints.flags"), dataIndex: "flags", render: (f: Reward["flags"]) => f.length ? f.map((x, i) => <Tag key={i} color="red">{t(`complaints.flag.${x.kind}` as MessageKey)}{x.number ? ` ${x.number}` : ""}{x.count ? ` ×${x.count}` : ""}</Tag>) : <Tag color="green">{t("complaints.noFlags")}</Tag> },
              { title: t("complaints.reviewNote"), dataIndex: "reviewNote", render: (v: string | null, r) => v ?? r.rejectReason ?? "—" },
              { title: t("complaints.payoutCol"), render: (_, r) => (r.paidAt ? `${when(r.paidAt, false)} · ${t(`complaints.payout.${r.payoutMethod}` as MessageKey)} · ${r.payoutReference}` : "—") },
              ...(manage ? [{ title: t("complaints.actions"), render: (_: unknown, r: Reward) => <Actions r={r} /> }] : []),
            ]} />
        )}
      </Card>
    </>
  );
}
