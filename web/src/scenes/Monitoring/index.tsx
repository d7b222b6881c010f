/**
 * @module The monitoring area's routes under /monitoring/*: points (map and list), a point, section comparison, rivers
 * and a river, ecological flow, drinking-water sources, device status and lab import. Each page is a lazy chunk of
 * its own (the charting ones load ECharts on first use).
 */
import { lazy } from "react";
import { Route, Routes } from "react-router";
import { NotFound } from "../../components/Status";

const PointsScene = lazy(() => import("./PointsScene"));
const PointScene = lazy(() => import("./PointScene"));
const CompareScene = lazy(() => import("./CompareScene"));
const LabImportScene = lazy(() => import("./LabImportScene"));
const RiversScene = lazy(() => import("./RiversScene"));
const RiverScene = lazy(() => import("./RiverScene"));
const EcoFlowScene = lazy(() => import("./EcoFlowScene"));
const DrinkingWaterScene = lazy(() => import("./DrinkingWaterScene"));
const DevicesScene = lazy(() => import("./DevicesScene"));

/** Routes of the area (the caller checks `monitoring.read`). */
export default function MonitoringArea() {
  return (
    <Routes>
      <Route index element={<PointsScene />} />
      <Route path="points/:id" element={<PointScene />} />
      <Route path="compare" element={<CompareScene />} />
      <Route path="rivers" element={<RiversScene />} />
      <Route path="rivers/:waterBody" element={<RiverScene />} />
      <Route path="eco-flow" element={<EcoFlowScene />} />
      <Route path="drinking-water" element={<DrinkingWaterScene />} />
      <Route path="devices" element={<DevicesScene />} />
      {/* Lab import: the scene itself checks the points' policies (office admins and monitoring operators). */}
      <Route path="import" element={<LabImportScene />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
