/**
 * @module The facility kinds as tabs above each kind's list and the overview.
 */
import { Segmented } from "antd";
import { useNavigate } from "react-router";
import { FACILITY_KINDS, FACILITY_SPECS } from "../../../../../domain/registries/facility";
import { useT } from "../../../i18n";

/** Tabs; `current` is a kind's URL key, or "" for the overview. */
export function KindTabs({ current }: { current: string }) {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Segmented
      style={{ marginBottom: 16 }}
      value={current}
      onChange={(v) => navigate(v ? `/registries/facilities/${v}` : "/registries/facilities")}
      options={[{ value: "", label: <span data-testid="facility-tab-all">{t("facilities.all")}</span> }, ...FACILITY_KINDS.map((k) => ({ value: FACILITY_SPECS[k].key, label: <span data-testid={`facility-tab-${FACILITY_SPECS[k].key}`}>{FACILITY_SPECS[k].title[t.lang]}</span> }))]}
    />
  );
}
