/**
 * @module The registries area's tabs (./pages.ts).
 */
import { Segmented } from "antd";
import { useNavigate } from "react-router";
import { useT } from "../../../i18n";
import { REGISTRY_PAGES } from "./pages";

/** Tabs; `current` is the active page's path. */
export function RegistryNav({ current }: { current: string }) {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Segmented
      value={current}
      options={REGISTRY_PAGES.map((p) => ({ value: p.path, label: <span data-testid={`registries-tab-${p.path || "home"}`}>{t(p.label)}</span> }))}
      onChange={(v) => navigate(v ? `/registries/${v}` : "/registries")}
      data-testid="registries-nav"
    />
  );
}
