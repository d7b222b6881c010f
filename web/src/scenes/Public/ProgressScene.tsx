/**
 * @module /public/progress: the registries area's public progress of the 入河排污口 排查整治 (查→测→溯→治→销号, counts
 * by stage and by way of 整治, each outfall's stage) and of 河湖“清四乱” (the dynamic-zero board per river and each
 * problem's category, deadline and status). Only what the registries publish: no descriptions, places or photos.
 */
import { useQuery } from "@tanstack/react-query";
import { Tag } from "antd";
import { publicFourChaosProgress, publicOutfallProgress, type OutfallStage } from "../../api/complaints";
import { LoadError, PageLoading } from "../../components/Status";
import { useT, type MessageKey } from "../../i18n";
import { NotYet, Section, when } from "./shared";

const STAGES: OutfallStage[] = ["investigation", "monitoring", "tracing", "remediation", "review", "closed"];
const row = { listStyle: "none", padding: "8px 0", borderTop: "1px solid #f0f0f0" } as const;
const small = { fontSize: 12, color: "#6b7280" } as const;

function Outfalls() {
  const t = useT();
  const q = useQuery({ queryKey: ["public", "progress", "outfalls"], queryFn: publicOutfallProgress, staleTime: 60_000 });
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const p = q.data.data;
  return (
    <Section title={t("public.outfalls")} testId="progress-outfalls">
      <div style={{ display: "flex", flexWrap: "wrap", gap: 6, marginBottom: 8 }} data-testid="outfall-stages">
        <Tag color="blue">{t("public.progress.total", { n: p.total })}</Tag>
        {STAGES.map((s) => <Tag key={s} color={s === "closed" ? "green" : undefined}>{t(`public.stage.${s}` as MessageKey)} {p.byStage[s] ?? 0}</Tag>)}
      </div>
      {p.items.length === 0 ? <NotYet testId="progress-outfalls-empty" text={t("public.emptyList")} /> : (
        <ul style={{ padding: 0, margin: 0 }}>
          {p.items.map((o) => (
            <li key={o.code} style={row} data-testid="registry-row">
              <div style={{ display: "flex", gap: 8, alignItems: "center", flexWrap: "wrap" }}>
                <strong style={{ flex: 1 }}>{o.name}</strong>
                <Tag color={o.stage === "closed" ? "green" : "blue"}>{o.stageLabel}</Tag>
                {o.remediationLabel && <Tag>{o.remediationLabel}</Tag>}
              </div>
              <div style={small}>{[o.code, o.river, o.type, o.closedOn && t("public.progress.closedOn", { on: when(o.closedOn, false) })].filter(Boolean).join(" · ")}</div>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function FourChaos() {
  const t = useT();
  const q = useQuery({ queryKey: ["public", "progress", "four-chaos"], queryFn: publicFourChaosProgress, staleTime: 60_000 });
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const p = q.data.data;
  return (
    <Section title={t("public.fourChaos")} testId="progress-four-chaos">
      <div style={{ display: "flex", flexWrap: "wrap", gap: 6, marginBottom: 8 }}>
        <Tag color="blue">{t("public.progress.total", { n: p.totals.total })}</Tag>
        <Tag>{t("public.progress.open", { n: p.totals.open })}</Tag>
        {p.totals.overdue > 0 && <Tag color="red">{t("public.progress.overdue", { n: p.totals.overdue })}</Tag>}
        <Tag color="green">{t("public.progress.cleared", { n: p.totals.clearedRivers, of: p.totals.rivers })}</Tag>
      </div>
      <ul style={{ padding: 0, margin: "0 0 8px" }} data-testid="four-chaos-board">
        {p.rivers.map((r) => (
          <li key={r.river} style={row}>
            <div style={{ display: "flex", gap: 8, alignItems: "center", flexWrap: "wrap" }}>
              <strong style={{ flex: 1 }}>{r.river}</strong>
              {r.cleared ? <Tag color="green">{t("public.progress.zero")}</Tag> : <Tag color="orange">{t("public.progress.open", { n: r.open })}</Tag>}
              {r.overdue > 0 && <Tag color="red">{t("public.progress.overdue", { n: r.overdue })}</Tag>}
            </div>
            <div style={small}>{t("public.progress.riverLine", { total: r.total, closed: r.closed })}</div>
          </li>
        ))}
      </ul>
      {p.items.length > 0 && (
        <ul style={{ padding: 0, margin: 0 }}>
          {p.items.map((i) => (
            <li key={i.code} style={row} data-testid="registry-row">
              <div style={{ display: "flex", gap: 8, alignItems: "center", flexWrap: "wrap" }}>
                <strong style={{ flex: 1 }}>{i.category}{i.subtype ? ` · ${i.subtype}` : ""}</strong>
                <Tag color={i.closedOn ? "green" : "blue"}>{i.statusLabel}</Tag>
              </div>
              <div style={small}>{[i.code, i.river, i.source, i.deadline && t("public.progress.deadline", { on: i.deadline })].filter(Boolean).join(" · ")}</div>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/** Both progress sections. */
export default function ProgressScene() {
  return (
    <>
      <FourChaos />
      <Outfalls />
    </>
  );
}
