/**
 * @module The line that says on which data a published figure stands: “依据：经审核数据，剔除待审 3 条、否决 1 条”
 * (and how many values the QC tests have not reached yet), with a link to where the figure came from — the
 * section's provenance page on the public site, the review queue for staff.
 */
import { Link } from "react-router";
import { useT } from "../../i18n";

/** Counts of a reviewed basis. */
export interface Basis {
  excluded: { pending: number; rejected: number };
  unchecked: number;
}

/** “依据：经审核数据，…” with an optional link. */
export function BasisNote({ basis, to, testId = "basis-note" }: { basis: Basis; to?: string; testId?: string }) {
  const t = useT();
  return (
    <span data-testid={testId} style={{ fontSize: 12, color: "#4b5563" }}>
      {t("alarms.basis.reviewed", basis.excluded)}
      {basis.unchecked > 0 && t("alarms.basis.unchecked", { n: basis.unchecked })}
      {to && <> · <Link to={to}>{t("alarms.basis.how")}</Link></>}
    </span>
  );
}
