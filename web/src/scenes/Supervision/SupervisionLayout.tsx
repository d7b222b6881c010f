/**
 * @module The supervision area's frame: its own menu (overview, my tasks, rounds, annual plans, the ladder,
 * interviews, ranking, indicators, inbox with its unread count, settings, plan import) and the plan chosen for
 * every page of the area.
 */
import { useEffect, useMemo, useState } from "react";
import { Badge, Empty, Menu, Select } from "antd";
import { useQuery } from "@tanstack/react-query";
import { Link, Outlet, useLocation } from "react-router";
import { listPlans } from "../../api/plans";
import { getInbox } from "../../api/supervision";
import { useAbility } from "../../hooks/usePolicy";
import { useT, type MessageKey } from "../../i18n";
import { PLAN_STORAGE_KEY, PlanContext } from "./shared";

/** Pages of the area: path under /supervision, label, who sees it. */
const PAGES: { path: string; label: MessageKey; office?: boolean }[] = [
  { path: "", label: "supervision.nav.overview" },
  { path: "tasks", label: "supervision.nav.tasks" },
  { path: "rounds", label: "supervision.nav.rounds" },
  { path: "annual", label: "supervision.nav.annual" },
  { path: "ladder", label: "supervision.nav.ladder" },
  { path: "interviews", label: "supervision.nav.interviews" },
  { path: "ranking", label: "supervision.nav.ranking" },
  { path: "indicators", label: "supervision.nav.indicators" },
  { path: "inbox", label: "supervision.nav.inbox" },
  { path: "settings", label: "supervision.nav.settings" },
  { path: "import", label: "supervision.nav.import", office: true },
];

function readStored(): string | undefined {
  try {
    return localStorage.getItem(PLAN_STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/** The frame. */
export default function SupervisionLayout() {
  const t = useT();
  const { pathname } = useLocation();
  const canManage = useAbility("plan.manage");
  const plans = useQuery({ queryKey: ["plans"], queryFn: listPlans });
  const inbox = useQuery({ queryKey: ["inbox", "unread"], queryFn: () => getInbox(true), refetchInterval: 60_000 });
  const [chosen, setChosen] = useState<string | undefined>(readStored);
  const list = plans.data?.data ?? [];
  const plan = list.find((p) => p.id === chosen) ?? list[0];
  useEffect(() => {
    if (plan && plan.id !== chosen) setChosen(plan.id);
  }, [plan, chosen]);
  const setPlanId = (id: string) => {
    setChosen(id);
    try {
      localStorage.setItem(PLAN_STORAGE_KEY, id);
    } catch {
      // Storage blocked: the choice lasts for this page only.
    }
  };
  const current = pathname.replace(/^\/supervision\/?/, "").split("/")[0];
  const value = useMemo(() => ({ planId: plan?.id, plan, plans: list, setPlanId }), [plan, list]);
  const unread = inbox.data?.unread ?? 0;
  const items = PAGES.filter((p) => !p.office || canManage).map((p) => ({
    key: p.path,
    label: (
      <Link to={`/supervision${p.path ? `/${p.path}` : ""}`} data-testid={`sup-nav-${p.path || "overview"}`}>
        {p.path === "inbox" ? <Badge count={unread} size="small" offset={[8, -2]}>{t(p.label)}</Badge> : t(p.label)}
      </Link>
    ),
  }));
  return (
    <PlanContext.Provider value={value}>
      {/* A flex row that wraps: on narrow screens the menu folds its overflow into "…" and the plan picker goes below. */}
      <div style={{ display: "flex", flexWrap: "wrap", gap: 8, alignItems: "center", justifyContent: "space-between", marginBottom: 12 }}>
        <Menu mode="horizontal" selectedKeys={[current]} items={items} style={{ flex: "1 1 320px", minWidth: 0, borderBottom: "none" }} data-testid="supervision-nav" />
        {list.length > 0 && (
          <Select
            style={{ width: 360, maxWidth: "100%" }}
            value={plan?.id}
            onChange={setPlanId}
            options={list.map((p) => ({ value: p.id, label: `${p.title}${p.docNumber ? `（${p.docNumber}）` : ""}` }))}
            data-testid="supervision-plan"
            aria-label={t("supervision.plan")}
          />
        )}
      </div>
      {plans.data && list.length === 0 && current !== "import" && current !== "inbox" && current !== "settings" ? (
        <Empty description={canManage ? <Link to="/supervision/import">{t("supervision.noPlanImport")}</Link> : t("plan.none")} />
      ) : (
        <Outlet />
      )}
    </PlanContext.Provider>
  );
}
