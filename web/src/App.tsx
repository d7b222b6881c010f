/**
 * @module Providers (react-query, language, antd locale) and the routes. Every scene is a lazy chunk, so the first
 * load carries only the shell; ECharts is imported later by the scenes that chart.
 */
import { lazy, Suspense, useEffect, useState, type ComponentType } from "react";
import { App as AntApp, ConfigProvider } from "antd";
import zhCN from "antd/locale/zh_CN";
import enUS from "antd/locale/en_US";
import { QueryClientProvider } from "@tanstack/react-query";
import { BrowserRouter, Navigate, Route, Routes } from "react-router";
import { LangProvider, useLang } from "./i18n";
import { createQueryClient } from "./queryClient";
import { RequireAbility, RequireAuth } from "./components/RequireAuth";
import { AppLayout } from "./components/AppLayout";
import { NotFound, PageLoading } from "./components/Status";
import type { AbilityName } from "./api/types";

const LoginScene = lazy(() => import("./scenes/Login/LoginScene"));
const PublicScene = lazy(() => import("./scenes/Public/PublicScene"));
const DashboardScene = lazy(() => import("./scenes/Dashboard/DashboardScene"));
const UsersScene = lazy(() => import("./scenes/Users/UsersScene"));
const UnitsScene = lazy(() => import("./scenes/Units/UnitsScene"));
const AuditScene = lazy(() => import("./scenes/Audit/AuditScene"));
const AccountScene = lazy(() => import("./scenes/Account/AccountScene"));
const PlanScene = lazy(() => import("./scenes/Plan/PlanScene"));
const MonitoringArea = lazy(() => import("./scenes/Monitoring"));

const SupervisionArea = lazy(() => import("./scenes/Supervision"));
const RegistriesArea = lazy(() => import("./scenes/Registries"));
const AlarmsArea = lazy(() => import("./scenes/Alarms"));
const ComplaintsArea = lazy(() => import("./scenes/Complaints"));
const ReportsArea = lazy(() => import("./scenes/Reports"));

/**
 * Campaign areas with nested routes of their own (each area's index.tsx holds its <Routes>), and the ability that
 * opens each one. Areas are built side by side; keeping their routes in their own folders keeps them apart.
 */
const AREAS: { path: string; ability: AbilityName; Scene: ComponentType }[] = [
  { path: "supervision", ability: "plan.read", Scene: SupervisionArea },
  { path: "registries", ability: "registry.read", Scene: RegistriesArea },
  { path: "alarms", ability: "alarm.read", Scene: AlarmsArea },
  { path: "complaints", ability: "complaint.read", Scene: ComplaintsArea },
  // Monthly reports (issue 7): everyone signed in reads the water-quality report; the rest per report policy.
  { path: "reports", ability: "report.read", Scene: ReportsArea },
];

/** The system's "reduce motion" setting, followed live: antd's animations (dropdowns, modals, collapses) are then off. */
function usePrefersReducedMotion() {
  const [query] = useState(() => (typeof window === "undefined" ? null : window.matchMedia("(prefers-reduced-motion: reduce)")));
  const [reduce, setReduce] = useState(query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const follow = (e: MediaQueryListEvent) => setReduce(e.matches);
    query.addEventListener("change", follow);
    return () => query.removeEventListener("change", follow);
  }, [query]);
  return reduce;
}

function Localized() {
  const { lang } = useLang();
  const reduceMotion = usePrefersReducedMotion();
  return (
    <ConfigProvider locale={lang === "zh" ? zhCN : enUS} theme={{ token: { colorPrimary: "#0e7490", motion: !reduceMotion } }}>
      <AntApp>
        <BrowserRouter>
          <Suspense fallback={<PageLoading />}>
            <Routes>
              <Route path="/login" element={<LoginScene />} />
              <Route path="/public/*" element={<PublicScene />} />
              <Route
                element={
                  <RequireAuth>
                    <AppLayout />
                  </RequireAuth>
                }
              >
                <Route index element={<DashboardScene />} />
                <Route path="plan" element={<RequireAbility ability="plan.read"><PlanScene /></RequireAbility>} />
                <Route path="monitoring/*" element={<RequireAbility ability="monitoring.read"><MonitoringArea /></RequireAbility>} />
                {AREAS.map(({ path, ability, Scene }) => (
                  <Route key={path} path={`${path}/*`} element={<RequireAbility ability={ability}><Scene /></RequireAbility>} />
                ))}
                <Route path="admin" element={<Navigate to="/admin/users" replace />} />
                <Route path="admin/users" element={<RequireAbility ability="user.read"><UsersScene /></RequireAbility>} />
                <Route path="admin/units" element={<RequireAbility ability="unit.read"><UnitsScene /></RequireAbility>} />
                <Route path="admin/audit" element={<RequireAbility ability="audit.read"><AuditScene /></RequireAbility>} />
                <Route path="account" element={<AccountScene />} />
                <Route path="*" element={<NotFound />} />
              </Route>
            </Routes>
          </Suspense>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}

/** The whole web client. */
export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <LangProvider>
        <Localized />
      </LangProvider>
    </QueryClientProvider>
  );
}
