/**
 * @module The dashboard's view of the district unit directory: how many units of each kind.
 */
import { Card, Col, Row, Statistic } from "antd";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { listUnits } from "../../api/units";
import { UNITS_KEY } from "../../hooks/useUnits";
import { UNIT_KINDS } from "../../api/types";
import { unitKindKey } from "../../components/RoleTags";
import { useAbility } from "../../hooks/usePolicy";
import { errorMessage } from "../../i18n/errors";
import { useT } from "../../i18n";

/** Unit counts by kind, linking to the unit table for those who administer. */
export function UnitDirectory() {
  const t = useT();
  const units = useQuery({ queryKey: UNITS_KEY, queryFn: listUnits, staleTime: 5 * 60_000 });
  // Hooks are called unconditionally; the admin unit table is linked for those who see the admin group.
  const manage = useAbility("unit.manage");
  const readUsers = useAbility("user.read");
  const readAudit = useAbility("audit.read");
  const canOpen = manage || readUsers || readAudit;
  const list = units.data?.data ?? [];
  const kinds = UNIT_KINDS.filter((k) => k !== "other" || list.some((u) => u.kind === k));
  return (
    <Card
      title={t("dashboard.directory")}
      loading={units.isPending}
      extra={canOpen ? <Link to="/admin/units">{t("dashboard.directoryCount", { n: list.length })}</Link> : t("dashboard.directoryCount", { n: list.length })}
      style={{ height: "100%" }}
      data-testid="dashboard-directory"
    >
      {units.isError ? (
        errorMessage(units.error, t)
      ) : (
        <Row gutter={16}>
          {kinds.map((k) => (
            <Col key={k} span={24 / kinds.length}>
              <Statistic title={t(unitKindKey(k))} value={list.filter((u) => u.kind === k).length} />
            </Col>
          ))}
        </Row>
      )}
    </Card>
  );
}
