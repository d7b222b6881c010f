/**
 * @module The supervision area: its nested routes under /supervision/* inside the area frame (menu and plan
 * choice), each page a lazy chunk of its own.
 */
import { lazy, Suspense } from "react";
import { Route, Routes } from "react-router";
import { NotFound, PageLoading } from "../../components/Status";
import SupervisionLayout from "./SupervisionLayout";

const DashboardScene = lazy(() => import("./DashboardScene"));
const MyTasksScene = lazy(() => import("./MyTasksScene"));
const RoundsScene = lazy(() => import("./RoundsScene"));
const RoundScene = lazy(() => import("./RoundScene"));
const LadderScene = lazy(() => import("./LadderScene"));
const InterviewsScene = lazy(() => import("./InterviewsScene"));
const RankingScene = lazy(() => import("./RankingScene"));
const IndicatorsScene = lazy(() => import("./IndicatorsScene"));
const InboxScene = lazy(() => import("./InboxScene"));
const SettingsScene = lazy(() => import("./SettingsScene"));
const ImportScene = lazy(() => import("./ImportScene"));

/** Routes of the area. */
export default function SupervisionArea() {
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route element={<SupervisionLayout />}>
          <Route index element={<DashboardScene />} />
          <Route path="tasks" element={<MyTasksScene />} />
          <Route path="rounds" element={<RoundsScene kind="progress" />} />
          <Route path="annual" element={<RoundsScene kind="annual_plan" />} />
          <Route path="rounds/:id" element={<RoundScene />} />
          <Route path="ladder" element={<LadderScene />} />
          <Route path="interviews" element={<InterviewsScene />} />
          <Route path="ranking" element={<RankingScene />} />
          <Route path="indicators" element={<IndicatorsScene />} />
          <Route path="inbox" element={<InboxScene />} />
          <Route path="settings" element={<SettingsScene />} />
          <Route path="import" element={<ImportScene />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
