/**
 * @module The public complaint map: complaints of the past year on the offline map (about 100 m precision), coloured
 * by state, with their category, masked description and the handling unit; one complaint's public record and
 * metadata-free photos at /public/complaints/:number.
 */
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Image, Segmented, Timeline } from "antd";
import { Link, useNavigate, useParams } from "react-router";
import { publicComplaint, publicComplaints, type PublicComplaint } from "../../api/complaints";
import { PointMap } from "../../components/map/PointMap";
import { LoadError, PageLoading } from "../../components/Status";
import { useT, type MessageKey } from "../../i18n";
import { NotYet, Section, StateTag, when } from "./shared";

const COLOURS: Record<string, string> = { received: "#2563eb", dispatched: "#4f46e5", investigating: "#d97706", resolved: "#16a34a", closed_not_fixed: "#ea580c", duplicate: "#9ca3af", invalid: "#9ca3af" };

function Detail({ number }: { number: string }) {
  const t = useT();
  const q = useQuery({ queryKey: ["public", "complaint", number], queryFn: () => publicComplaint(number) });
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <LoadError error={q.error} />;
  const c = q.data.data;
  return (
    <Section title={`${c.number} · ${c.categoryName}`} extra={<StateTag state={c.state} />} testId="complaint-detail">
      <p style={{ whiteSpace: "pre-wrap" }} data-testid="complaint-description">{c.description}</p>
      <p style={{ fontSize: 12, color: "#6b7280" }}>{[c.address, c.riverName, c.unitName, when(c.receivedAt)].filter(Boolean).join(" · ")}</p>
      <Image.PreviewGroup>{c.photos.map((p) => <Image key={p.url} src={p.url} width={96} height={96} style={{ objectFit: "cover", borderRadius: 6 }} />)}</Image.PreviewGroup>
      <Timeline style={{ marginTop: 12 }} items={(c.events ?? []).map((e) => ({ key: `${e.at}${e.kind}`, children: <div><div style={{ fontSize: 12, color: "#6b7280" }}>{when(e.at)} · {t(`complaints.event.${e.kind}` as MessageKey)}</div>{e.note}</div> }))} />
    </Section>
  );
}

/** /public/complaints and /public/complaints/:number */
export default function ComplaintMapScene() {
  const t = useT();
  const { number } = useParams();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<"all" | "open">("all");
  const q = useQuery({ queryKey: ["public", "complaints", filter], queryFn: () => publicComplaints(filter === "open" ? { open: "1" } : {}), staleTime: 30_000 });
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const rows: PublicComplaint[] = q.data.data;
  const located = rows.filter((c) => c.lat !== null && c.lon !== null);
  return (
    <>
      {number && <Detail number={number} />}
      <Section title={t("public.nav.complaints")} testId="complaint-map-section"
        extra={<Segmented size="small" value={filter} onChange={(v) => setFilter(v as "all" | "open")} options={[{ value: "all", label: t("public.all") }, { value: "open", label: t("public.inProgress") }]} />}>
        <PointMap testId="complaint-map" height={260} caption={t("public.demoMap")} north={t("public.north")}
          points={located.map((c) => ({ id: c.number, code: c.number, kind: "section", lon: c.lon!, lat: c.lat!, colour: COLOURS[c.state], tooltip: <span>{c.number} {c.categoryName}</span> }))}
          onSelect={(n) => navigate(`/public/complaints/${n}`)} />
        {rows.length === 0 && <NotYet testId="complaint-empty" text={t("public.noComplaints")} />}
        <ul style={{ padding: 0, margin: "8px 0 0" }} data-testid="complaint-list">
          {rows.map((c) => (
            <li key={c.number} style={{ listStyle: "none", padding: "8px 0", borderTop: "1px solid #f0f0f0" }}>
              <Link to={`/public/complaints/${c.number}`} style={{ color: "inherit" }} data-testid={`complaint-row-${c.number}`}>
                <div style={{ display: "flex", gap: 8, alignItems: "center" }}><strong style={{ flex: 1 }}>{c.number} · {c.categoryName}</strong><StateTag state={c.state} /></div>
                <div style={{ fontSize: 13, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" }}>{c.description}</div>
                <div style={{ fontSize: 12, color: "#6b7280" }}>{[c.unitName, when(c.receivedAt, false)].filter(Boolean).join(" · ")}</div>
              </Link>
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}
