/**
 * @module The reports area: its nested routes under /reports/* — the archive of monthly reports (水质月报, 攻坚进展
 * 月报) with downloads, generation and mailing, and the mailing list (office) — each page a lazy chunk.
 */
import { lazy, Suspense } from "react";
import { Route, Routes } from "react-router";
import { NotFound, PageLoading } from "../../components/Status";
import { RequireAbility } from "../../components/RequireAuth";

const ReportsScene = lazy(() => import("./ReportsScene"));
const RecipientsScene = lazy(() => import("./RecipientsScene"));

/** Routes of the area. */
export default function ReportsArea() {
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route index element={<ReportsScene />} />
        <Route path="recipients" element={<RequireAbility ability="report.manage"><RecipientsScene /></RequireAbility>} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Suspense>
  );
}
