/**
 * @module /registries/rivers: the river register — list with kind and text filters, the rivers on the offline map,
 * each with its district-level chief; create, import and export for those allowed.
 */
import { Space, Tag, Typography } from "antd";
import { Link } from "react-router";
import { RIVER_KIND_LABELS, RIVER_KINDS } from "../../../../../domain/registries/rivers";
import { useT } from "../../../i18n";
import { RegistryListPage } from "../shared/RegistryListPage";
import { DemoTag } from "../shared/bits";
import { labelOf, labelOptions } from "../shared/options";
import type { RiverRecord } from "../shared/types";
import { RiverForm } from "./RiverForm";

/** The page. */
export default function RiversScene() {
  const t = useT();
  return (
    <RegistryListPage<RiverRecord>
      registry="rivers"
      path="rivers"
      title={t("registries.rivers.title")}
      filters={[
        { name: "q", placeholder: t("registries.filter.q") },
        { name: "kind", placeholder: t("registries.rivers.kind"), options: labelOptions(RIVER_KIND_LABELS, RIVER_KINDS, t) },
      ]}
      map={{ style: (f) => ({ colour: "#1677ff", tooltip: String(f.properties.name ?? "") }) }}
      rowTestId={(r) => `river-row-${r.name}`}
      renderCreate={(open, close) => <RiverForm open={open} onClose={close} />}
      columns={[
        { title: t("registries.rivers.name"), key: "name", width: 220, render: (_, r) => <Space><Link to={`/registries/rivers/${r.id}`}>{r.name}</Link><DemoTag demo={r.demo} /></Space> },
        { title: t("registries.rivers.kind"), dataIndex: "kind", width: 80, render: (k: RiverRecord["kind"]) => labelOf(RIVER_KIND_LABELS, k, t) },
        { title: t("registries.rivers.length"), dataIndex: "lengthKm", width: 100, render: (v: number | null) => (v === null ? "—" : `${v} km`) },
        { title: t("registries.rivers.basin"), dataIndex: "basin", render: (v: string | null) => v ?? "—" },
        {
          title: t("registries.rivers.chiefs"),
          key: "chiefs",
          render: (_, r) =>
            r.chiefs.length ? r.chiefs.filter((c) => c.level === "district").map((c) => <Tag key={c.id}>{c.name} · {c.position}</Tag>).concat(
              r.chiefs.filter((c) => c.level !== "district").length ? [<Typography.Text key="more" type="secondary">{t("registries.rivers.moreChiefs", { n: r.chiefs.filter((c) => c.level !== "district").length })}</Typography.Text>] : [],
            ) : "—",
        },
      ]}
    />
  );
}
