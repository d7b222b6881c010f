/**
 * @module The monitoring area's own tabs: points (map and list), section comparison, rivers, ecological flow,
 * drinking-water sources, device status, and lab import (shown only to those the API lets import). The points
 * query is shared with the overview, so the tabs cost no extra request.
 */
import { Segmented } from "antd";
import { ApiOutlined, BranchesOutlined, DashboardOutlined, EnvironmentOutlined, ExperimentOutlined, LineChartOutlined, UploadOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { listPoints } from "../../api/monitoring";
import { useT } from "../../i18n";
import { useCanImportLab } from "./quality";

/** Cache key of the unfiltered point list. */
export const ALL_POINTS_KEY = ["monitoring-points", {}] as const;

/** The unfiltered point list (map frame, filter options, compare picker). */
export function useAllPoints() {
  return useQuery({ queryKey: ALL_POINTS_KEY, queryFn: () => listPoints({}), staleTime: 60_000 });
}

/** A tab of the area. */
export type MonitoringTab = "points" | "compare" | "rivers" | "eco-flow" | "drinking-water" | "devices" | "import";

/** Tabs of the monitoring area; `current` is the active one. */
export function MonitoringNav({ current }: { current: MonitoringTab }) {
  const t = useT();
  const navigate = useNavigate();
  const points = useAllPoints();
  const canImport = useCanImportLab(points.data?.policies);
  const options = [
    { value: "points", label: t("monitoring.nav.points"), icon: <EnvironmentOutlined /> },
    { value: "compare", label: t("monitoring.nav.compare"), icon: <LineChartOutlined /> },
    { value: "rivers", label: t("monitoring.nav.rivers"), icon: <BranchesOutlined /> },
    { value: "eco-flow", label: t("monitoring.nav.ecoFlow"), icon: <DashboardOutlined /> },
    { value: "drinking-water", label: t("monitoring.nav.drinkingWater"), icon: <ExperimentOutlined /> },
    { value: "devices", label: t("monitoring.nav.devices"), icon: <ApiOutlined /> },
    ...(canImport ? [{ value: "import", label: t("monitoring.nav.import"), icon: <UploadOutlined /> }] : []),
  ];
  return (
    <Segmented
      value={current}
      options={options}
      onChange={(v) => navigate(v === "points" ? "/monitoring" : `/monitoring/${v}`)}
      data-testid="monitoring-nav"
    />
  );
}
