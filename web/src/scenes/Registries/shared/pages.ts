/**
 * @module The registries area's pages in tab order: path under /registries and label key. A new registry adds its
 * entry here (docs/REGISTRIES.md) and its routes in ../index.tsx.
 */
import type { MessageKey } from "../../../i18n";

/** One tab. */
export interface RegistryPage {
  /** Path under /registries ("" for the overview). */
  path: string;
  label: MessageKey;
}

/** The tabs. */
export const REGISTRY_PAGES: RegistryPage[] = [
  { path: "", label: "registries.nav.home" },
  { path: "rivers", label: "registries.nav.rivers" },
  { path: "river-chiefs", label: "registries.nav.chiefs" },
  { path: "black-odorous", label: "registries.nav.blackOdorous" },
  { path: "outfalls", label: "registries.nav.outfalls" },
  { path: "four-chaos", label: "registries.nav.fourChaos" },
  { path: "drinking-sources", label: "drinking.nav" },
  { path: "enterprises", label: "enterprises.nav" },
  { path: "facilities", label: "facilities.nav" },
];
