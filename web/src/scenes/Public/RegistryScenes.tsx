/**
 * @module Public lists other areas publish: the black-odorous water list (seed plan task 1「公布黑臭水体清单」, the
 * registries area's GET /api/public/registries/black-odorous), 四乱 and outfall progress (ProgressScene.tsx) and the
 * supervision area's exposures (曝光). Rows are shown by the fields they carry (name, water,
 * grade, status, deadline, progress); until an area publishes its list, the page says so plainly.
 */
import { useQuery } from "@tanstack/react-query";
import { Tag } from "antd";
import { publicExposures, publicRegistry } from "../../api/complaints";
import { LoadError, PageLoading } from "../../components/Status";
import { useT } from "../../i18n";
import { NotYet, Section, when } from "./shared";
import ProgressScene from "./ProgressScene";

const text = (r: Record<string, unknown>, ...keys: string[]) => {
  for (const k of keys) {
    const v = r[k];
    if (typeof v === "string" && v.trim()) return v;
    if (typeof v === "number") return String(v);
  }
  return null;
};

/** One public registry row, by the fields it has. */
function RegistryRow({ r, i }: { r: Record<string, unknown>; i: number }) {
  const t = useT();
  const name = text(r, "name", "title", "code") ?? `#${i + 1}`;
  const water = text(r, "riverName", "waterBody", "river", "location", "address");
  const status = text(r, "statusLabel", "status", "state", "stage");
  const grade = text(r, "gradeLabel", "grade", "level", "kind");
  const due = text(r, "deadline", "dueOn", "targetDate", "plannedCompletion");
  const progress = text(r, "progress", "measures", "note");
  const chief = r.riverChief && typeof r.riverChief === "object" ? text(r.riverChief as Record<string, unknown>, "name") : null;
  const dept = text(r, "responsibleDepartment", "unitName");
  return (
    <li style={{ listStyle: "none", padding: "8px 0", borderTop: "1px solid #f0f0f0" }} data-testid="registry-row">
      <div style={{ display: "flex", gap: 8, alignItems: "center", flexWrap: "wrap" }}>
        <strong style={{ flex: 1 }}>{name}</strong>
        {grade && <Tag>{grade}</Tag>}
        {status && <Tag color="blue">{status}</Tag>}
      </div>
      <div style={{ fontSize: 12, color: "#6b7280" }}>{[water, dept, chief, due && t("public.progress.deadline", { on: due }), progress].filter(Boolean).join(" · ")}</div>
    </li>
  );
}

function RegistryList({ path, title, testId }: { path: string; title: string; testId: string }) {
  const t = useT();
  const q = useQuery({ queryKey: ["public", "registry", path], queryFn: () => publicRegistry(path), staleTime: 60_000 });
  return (
    <Section title={title} testId={testId}>
      {q.isPending ? <PageLoading /> : q.isError ? <LoadError error={q.error} onRetry={() => void q.refetch()} />
        : q.data === null ? <NotYet testId={`${testId}-empty`} text={t("public.notPublished")} />
        : q.data.length === 0 ? <NotYet testId={`${testId}-empty`} text={t("public.emptyList")} />
        : <ul style={{ padding: 0, margin: 0 }}>{q.data.map((r, i) => <RegistryRow key={String(r.id ?? i)} r={r} i={i} />)}</ul>}
    </Section>
  );
}

function Exposures() {
  const t = useT();
  const q = useQuery({ queryKey: ["public", "exposures"], queryFn: publicExposures, staleTime: 60_000 });
  return (
    <Section title={t("public.nav.exposures")} testId="exposures">
      <p style={{ fontSize: 12, color: "#6b7280", marginTop: 0 }}>{t("public.exposuresIntro")}</p>
      {q.isPending ? <PageLoading /> : q.isError ? <LoadError error={q.error} onRetry={() => void q.refetch()} />
        : q.data.data.length === 0 ? <NotYet testId="exposures-empty" text={t("public.noExposures")} />
        : <ul style={{ padding: 0, margin: 0 }}>{q.data.data.map((e) => (
          <li key={e.id} style={{ listStyle: "none", padding: "8px 0", borderTop: "1px solid #f0f0f0" }}>
            <strong>{e.unitName}</strong> · {e.taskNumber} {e.taskTitle}
            <div style={{ fontSize: 12, color: "#6b7280" }}>{t("public.exposedSince", { since: when(e.since, false) })} · {e.resolvedOn ? t("public.resolvedOn", { on: when(e.resolvedOn, false) }) : t("public.unresolved")}</div>
          </li>))}</ul>}
    </Section>
  );
}

/** /public/black-odorous, /public/progress, /public/exposures */
export default function RegistryScenes({ page }: { page: "blackOdorous" | "progress" | "exposures" }) {
  const t = useT();
  if (page === "exposures") return <Exposures />;
  if (page === "blackOdorous") return <RegistryList path="black-odorous" title={t("public.nav.blackOdorous")} testId="black-odorous" />;
  return <ProgressScene />;
}
