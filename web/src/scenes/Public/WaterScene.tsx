/**
 * @module Water quality on the public site: the month's sections on the offline map coloured by their official
 * class, and the ranking by CWQI with class, target attainment, main pollutants and provenance (readings count,
 * period, QC state) and the basis above it (reviewed data, how many values left out); each row opens the section's
 * page with its means and rules.
 */
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Select, Tag } from "antd";
import { Link, useNavigate } from "react-router";
import { publicWater, type PublicSection } from "../../api/complaints";
import { PointMap } from "../../components/map/PointMap";
import { LoadError, PageLoading } from "../../components/Status";
import { classColour } from "../../../../domain/assessment/colours";
import { classLabel, type WaterClass } from "../../../../domain/standards/gb3838";
import { useT } from "../../i18n";
import { NotYet, Section } from "./shared";
import { BasisNote } from "../Monitoring/BasisNote";

/** A class as a coloured tag. */
export function ClassTag({ c }: { c: number | null }) {
  const t = useT();
  if (c === null) return <Tag>{t("public.noData")}</Tag>;
  const hex = classColour(c as WaterClass).hex;
  return <Tag style={{ background: hex, borderColor: hex, color: c === 4 ? "#1f2937" : "#fff" }}>{classLabel(c as WaterClass)}</Tag>;
}

/** /public/water */
export default function WaterScene() {
  const t = useT();
  const navigate = useNavigate();
  const [month, setMonth] = useState<string | undefined>();
  const q = useQuery({ queryKey: ["public", "water", month], queryFn: () => publicWater(month), staleTime: 60_000 });
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const d = q.data.data;
  const points = d.sections.map((s: PublicSection) => ({
    id: s.code, code: s.code, kind: s.kind === "auto_station" ? ("auto_station" as const) : ("section" as const), lon: s.lon, lat: s.lat,
    colour: s.class ? classColour(s.class as WaterClass).hex : "#9ca3af", tooltip: <span>{s.name}<br />{s.class ? classLabel(s.class as WaterClass) : t("public.noData")}</span>,
  }));
  return (
    <>
      <Section title={t("public.waterTitle", { month: d.month })} testId="water-section"
        extra={d.months.length > 0 && <Select size="small" value={d.month} onChange={setMonth} options={d.months.map((m) => ({ value: m, label: m }))} data-testid="water-month" style={{ width: 110 }} />}>
        <PointMap points={points} height={280} testId="water-map" caption={t("public.demoMap")} north={t("public.north")} formatKm={(km) => `${km} km`}
          onSelect={(code) => navigate(`/public/water/${encodeURIComponent(code)}?month=${d.month}`)} />
      </Section>
      <Section title={t("public.ranking")} testId="water-ranking">
        <div style={{ marginBottom: 8 }}><BasisNote basis={d.basis} testId="water-basis" /> · <a href="#water-rules">{t("alarms.basis.how")}</a></div>
        {d.sections.length === 0 && <NotYet testId="water-empty" text={t("public.noSections")} />}
        {d.sections.map((s) => (
          <Link key={s.code} to={`/public/water/${encodeURIComponent(s.code)}?month=${d.month}`} data-testid={`water-row-${s.code}`}
            style={{ display: "block", padding: "8px 0", borderTop: "1px solid #f0f0f0", color: "inherit" }}>
            <div style={{ display: "flex", gap: 8, alignItems: "center" }}>
              <span style={{ width: 24, textAlign: "right", color: "#6b7280" }}>{s.rank ?? "—"}</span>
              <strong style={{ flex: 1 }}>{s.name}</strong>
              <ClassTag c={s.class} />
            </div>
            <div style={{ fontSize: 12, color: "#6b7280", marginLeft: 32 }}>
              {s.targetClass && <>{t("public.targetClass")} {classLabel(s.targetClass as WaterClass)} · {s.attainment === null ? "—" : s.attainment ? t("public.attained") : t("public.notAttained")} · </>}
              CWQI {s.index ?? "—"} · {t("alarms.basis.row", { samples: s.provenance.samples, readings: s.provenance.readings, ...s.provenance.excluded })}
            </div>
          </Link>
        ))}
        <p id="water-rules" style={{ fontSize: 12, color: "#6b7280", marginTop: 8 }}>{d.rules.class}<br />{d.rules.ranking}<br />{d.rules.qc}</p>
      </Section>
    </>
  );
}
