/**
 * @module The alarms area's frame: its own menu — alarms (with the count of unacknowledged ones), the review queue,
 * findings, violations, rules, QC settings and emergency plans; the quality pages only for those who may read them.
 */
import { Badge, Menu } from "antd";
import { useQuery } from "@tanstack/react-query";
import { Link, Outlet, useLocation } from "react-router";
import { listAlarms } from "../../api/alarms";
import { useAbility } from "../../hooks/usePolicy";
import { useT, type MessageKey } from "../../i18n";
import type { AbilityName } from "../../api/types";

/** Pages of the area: path under /alarms, label, the ability that shows it. */
const PAGES: { path: string; label: MessageKey; ability?: AbilityName }[] = [
  { path: "", label: "alarms.nav.alarms" },
  { path: "review", label: "alarms.nav.review", ability: "quality.read" },
  { path: "findings", label: "alarms.nav.findings", ability: "quality.read" },
  { path: "violations", label: "alarms.nav.violations" },
  { path: "rules", label: "alarms.nav.rules" },
  { path: "qc", label: "alarms.nav.qc", ability: "quality.read" },
  { path: "plans", label: "alarms.nav.plans" },
];

/** The frame. */
export default function AlarmsLayout() {
  const t = useT();
  const { pathname } = useLocation();
  const quality = useAbility("quality.read");
  // Same query as the list page (shared cache), so the badge and the list agree.
  const open = useQuery({ queryKey: ["alarms", "open", ""], queryFn: () => listAlarms({ state: "open" }), refetchInterval: 3000 });
  const unack = (open.data?.counts ?? []).filter((c) => !c.acknowledged).reduce((n, c) => n + c.n, 0);
  const current = pathname.replace(/^\/alarms\/?/, "").split("/")[0];
  const selected = PAGES.some((p) => p.path === current) ? current : "";
  const items = PAGES.filter((p) => !p.ability || (p.ability === "quality.read" && quality)).map((p) => ({
    key: p.path,
    label: (
      <Link to={`/alarms${p.path ? `/${p.path}` : ""}`} data-testid={`alarms-nav-${p.path || "alarms"}`}>
        {p.path === "" ? <Badge count={unack} size="small" offset={[8, -2]} data-testid="alarms-unack-count">{t(p.label)}</Badge> : t(p.label)}
      </Link>
    ),
  }));
  return (
    <>
      <Menu mode="horizontal" selectedKeys={[selected]} items={items} style={{ marginBottom: 12, borderBottom: "none" }} data-testid="alarms-nav" />
      <Outlet />
    </>
  );
}
