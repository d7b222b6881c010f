/**
 * @module The complaints area for staff (/complaints/*): the triage list, one complaint with its steps, rewards, and
 * the office's settings (response templates, categories, reward tiers, Open311 keys). Each page a lazy chunk.
 */
import { lazy } from "react";
import { Route, Routes } from "react-router";
import { NotFound } from "../../components/Status";

const ListScene = lazy(() => import("./ListScene"));
const DetailScene = lazy(() => import("./DetailScene"));
const RewardsScene = lazy(() => import("./RewardsScene"));
const SettingsScene = lazy(() => import("./SettingsScene"));

/** Routes of the area. */
export default function ComplaintsArea() {
  return (
    <Routes>
      <Route index element={<ListScene />} />
      <Route path="rewards" element={<RewardsScene />} />
      <Route path="settings" element={<SettingsScene />} />
      <Route path=":id" element={<DetailScene />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
