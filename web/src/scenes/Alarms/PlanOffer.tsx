/**
 * @module The offer of a river's emergency plan on a severe alarm of a section: a banner naming the river with a link
 * to its plan (relative to the alarming point, ready to activate for this alarm), or to the incident already open.
 */
import { Alert, Button } from "antd";
import { ThunderboltOutlined } from "@ant-design/icons";
import { Link } from "react-router";
import type { AlarmDetail } from "../../api/alarms";
import { useT } from "../../i18n";

/** The offer (nothing when the point is on no registered river). */
export function PlanOffer({ alarm, canActivate }: { alarm: AlarmDetail; canActivate: boolean }) {
  const t = useT();
  const plan = alarm.plan;
  if (!plan) return null;
  if (plan.incidentId) {
    return (
      <Alert type="error" showIcon style={{ marginBottom: 16 }} message={t("alarms.plans.incidentOpen", { river: plan.riverName })}
        action={<Link to={`/alarms/plans/incidents/${plan.incidentId}`}><Button danger>{t("alarms.plans.toIncident")}</Button></Link>} data-testid="plan-offer" />
    );
  }
  return (
    <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t("alarms.plans.offer", { river: plan.riverName })}
      description={t("alarms.plans.offerText")} data-testid="plan-offer"
      action={<Link to={`/alarms/plans/${plan.riverId}?pointId=${alarm.pointId}&alarmId=${alarm.id}`}>
        <Button type="primary" danger icon={<ThunderboltOutlined />} data-testid="plan-offer-open">{canActivate ? t("alarms.plans.offerButton") : t("alarms.plans.viewPlan")}</Button>
      </Link>} />
  );
}
