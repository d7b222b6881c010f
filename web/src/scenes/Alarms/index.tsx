/**
 * @module The alarms area: its nested routes under /alarms/* inside the area frame (its own menu), each page a lazy
 * chunk — alarms and one alarm, the review queue, findings and one finding, violations, rules, QC settings, and the
 * rivers' emergency plans.
 */
import { lazy, Suspense } from "react";
import { Route, Routes } from "react-router";
import { NotFound, PageLoading } from "../../components/Status";
import AlarmsLayout from "./AlarmsLayout";

const AlarmsScene = lazy(() => import("./AlarmsScene"));
const AlarmScene = lazy(() => import("./AlarmScene"));
const ReviewScene = lazy(() => import("./ReviewScene"));
const FindingsScene = lazy(() => import("./FindingsScene"));
const FindingScene = lazy(() => import("./FindingScene"));
const ViolationsScene = lazy(() => import("./ViolationsScene"));
const RulesScene = lazy(() => import("./RulesScene"));
const QcScene = lazy(() => import("./QcScene"));
const PlansScene = lazy(() => import("./PlansScene"));

/** Routes of the area. */
export default function AlarmsArea() {
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route element={<AlarmsLayout />}>
          <Route index element={<AlarmsScene />} />
          <Route path="review" element={<ReviewScene />} />
          <Route path="findings" element={<FindingsScene />} />
          <Route path="findings/:id" element={<FindingScene />} />
          <Route path="violations" element={<ViolationsScene />} />
          <Route path="rules" element={<RulesScene />} />
          <Route path="qc" element={<QcScene />} />
          <Route path="plans/*" element={<PlansScene />} />
          <Route path=":id" element={<AlarmScene />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
