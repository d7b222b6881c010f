/**
 * @module Tabs of the complaints area: the list, rewards and settings (the last two for who may see them).
 */
import { Segmented } from "antd";
import { useLocation, useNavigate } from "react-router";
import { useAbility } from "../../hooks/usePolicy";
import { useT } from "../../i18n";

/** The area's tabs. */
export function ComplaintsNav() {
  const t = useT();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const rewards = useAbility("reward.read");
  const triage = useAbility("complaint.triage");
  const value = pathname.startsWith("/complaints/rewards") ? "rewards" : pathname.startsWith("/complaints/settings") ? "settings" : "list";
  return (
    <Segmented data-testid="complaints-nav" value={value} style={{ marginBottom: 12 }} onChange={(v) => navigate(v === "list" ? "/complaints" : `/complaints/${v}`)}
      options={[
        { value: "list", label: t("complaints.nav.list") },
        ...(rewards ? [{ value: "rewards", label: t("complaints.nav.rewards") }] : []),
        ...(triage ? [{ value: "settings", label: t("complaints.nav.settings") }] : []),
      ]} />
  );
}
