/**
 * @module /alarms/plans: the rivers' emergency plans (一河一策一图). Built on the registries' rivers, outfalls,
 * enterprises and drinking sources (migration 0019); until those are wired this page says so.
 */
import { Card, Result } from "antd";
import { useT } from "../../i18n";

/** The page. */
export default function PlansScene() {
  const t = useT();
  return (
    <Card>
      <Result status="info" title={t("alarms.nav.plans")} subTitle={t("alarms.plans.pending")} />
    </Card>
  );
}
