/**
 * @module The public disclosure site (信息公开, seed plan 保障措施(五)「定期发布信息」「曝光违法问题」「畅通投诉举报渠道」),
 * open without signing in and laid out for phones first: the landing page (goals and indicators), water quality,
 * black-odorous waters, 四乱 and outfall progress, exposures, the complaint map, filing a complaint and tracking it.
 * Each page is its own lazy chunk; the landing page carries no charts.
 */
import { lazy, Suspense } from "react";
import { Layout, Typography } from "antd";
import { Link, NavLink, Route, Routes } from "react-router";
import { LangSwitch } from "../../components/HeaderBar";
import { PageLoading } from "../../components/Status";
import { useT, type MessageKey } from "../../i18n";
import PublicHome from "./PublicHome";

const WaterScene = lazy(() => import("./WaterScene"));
const WaterPointScene = lazy(() => import("./WaterPointScene"));
const RegistryScenes = lazy(() => import("./RegistryScenes"));
const ComplaintMapScene = lazy(() => import("./ComplaintMapScene"));
const ReportScene = lazy(() => import("./ReportScene"));
const TrackScene = lazy(() => import("./TrackScene"));

const NAV: { to: string; label: MessageKey; end?: boolean }[] = [
  { to: "/public", label: "public.nav.home", end: true },
  { to: "/public/water", label: "public.nav.water" },
  { to: "/public/black-odorous", label: "public.nav.blackOdorous" },
  { to: "/public/progress", label: "public.nav.progress" },
  { to: "/public/exposures", label: "public.nav.exposures" },
  { to: "/public/complaints", label: "public.nav.complaints" },
  { to: "/public/report", label: "public.nav.report" },
  { to: "/public/track", label: "public.nav.track" },
];

/** Layout and routes of the public site. */
export default function PublicScene() {
  const t = useT();
  return (
    <Layout style={{ minHeight: "100vh", background: "#f3f7f9" }}>
      <Layout.Header style={{ display: "flex", alignItems: "center", justifyContent: "space-between", background: "#0e7490", padding: "0 12px", height: 52, lineHeight: "52px" }}>
        <Link to="/public" style={{ color: "#fff", minWidth: 0, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" }}>
          <Typography.Text strong style={{ color: "#fff", fontSize: 16 }}>{t("public.brand")}</Typography.Text>
        </Link>
        <span style={{ filter: "invert(1)" }}><LangSwitch /></span>
      </Layout.Header>
      <nav data-testid="public-nav" style={{ display: "flex", gap: 4, overflowX: "auto", background: "#fff", padding: "6px 8px", borderBottom: "1px solid #e5e7eb", whiteSpace: "nowrap" }}>
        {NAV.map((n) => (
          <NavLink key={n.to} to={n.to} end={n.end} data-testid={`public-nav-${n.to.split("/")[2] ?? "home"}`}
            style={({ isActive }) => ({ padding: "6px 10px", borderRadius: 16, fontSize: 14, color: isActive ? "#fff" : "#0e7490", background: isActive ? "#0e7490" : "transparent", flex: "none" })}>
            {t(n.label)}
          </NavLink>
        ))}
      </nav>
      <Layout.Content style={{ padding: 12, maxWidth: 880, width: "100%", margin: "0 auto" }}>
        <Suspense fallback={<PageLoading />}>
          <Routes>
            <Route index element={<PublicHome />} />
            <Route path="water" element={<WaterScene />} />
            <Route path="water/:code" element={<WaterPointScene />} />
            <Route path="black-odorous" element={<RegistryScenes page="blackOdorous" />} />
            <Route path="progress" element={<RegistryScenes page="progress" />} />
            <Route path="exposures" element={<RegistryScenes page="exposures" />} />
            <Route path="complaints" element={<ComplaintMapScene />} />
            <Route path="complaints/:number" element={<ComplaintMapScene />} />
            <Route path="report" element={<ReportScene />} />
            <Route path="track" element={<TrackScene />} />
            <Route path="*" element={<PublicHome />} />
          </Routes>
        </Suspense>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: "center", fontSize: 12, color: "#6b7280", padding: "12px" }}>{t("public.footer")}</Layout.Footer>
    </Layout>
  );
}
