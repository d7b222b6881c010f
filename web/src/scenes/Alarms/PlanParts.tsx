/**
 * @module Parts of a plan page shared by the plan and the incident: the contact chain (河湖长 by level, then the plan's
 * contacts), the records up- and downstream of the chosen point (sensitive receptors first), and the steps.
 */
import { Card, Col, List, Row, Space, Table, Tag, Typography } from "antd";
import type { PlanView, Placed } from "../../api/emergency";
import { useT, type MessageKey } from "../../i18n";

const sideTag = (side: Placed["side"], t: ReturnType<typeof useT>) => (
  <Tag color={side === "upstream" ? "volcano" : side === "downstream" ? "blue" : "default"}>{t(`alarms.plans.side.${side}` as MessageKey)}</Tag>
);

/** The contact chain. */
export function ContactChain({ view }: { view: PlanView }) {
  const t = useT();
  const rows = [
    ...view.chiefs.map((c) => ({ key: c.id, who: c.name, role: `${t(`alarms.plans.level.${c.level}` as MessageKey)}河长 · ${c.position}${c.reach ? `（${c.reach}）` : ""}`, phone: c.phone, account: c.hasAccount })),
    ...view.plan.contacts.map((c, i) => ({ key: `c${i}`, who: c.name, role: c.role, phone: c.phone, account: c.userId !== null })),
  ];
  return (
    <Card size="small" title={t("alarms.plans.chain")} data-testid="plan-chain">
      <List
        size="small"
        dataSource={rows}
        locale={{ emptyText: t("alarms.plans.noContacts") }}
        renderItem={(r, i) => (
          <List.Item>
            <Space>
              <Tag>{i + 1}</Tag>
              <Typography.Text strong>{r.who}</Typography.Text>
              <Typography.Text type="secondary">{r.role}</Typography.Text>
            </Space>
            <Space>{r.phone ?? "—"}{r.account && <Tag color="green">{t("alarms.plans.notifiedInApp")}</Tag>}</Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** The plan's response steps, numbered, with what is done and who does it. */
export function StepList({ steps }: { steps: PlanView["plan"]["steps"] }) {
  return (
    <List
      size="small"
      dataSource={steps}
      renderItem={(s, i) => (
        <List.Item>
          <Space direction="vertical" size={0}>
            <Typography.Text strong>{i + 1}. {s.title}</Typography.Text>
            <Typography.Text>{s.detail}{s.owner ? <Typography.Text type="secondary">（{s.owner}）</Typography.Text> : null}</Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}

/** Receptors downstream and possible sources upstream. */
export function RiverRecords({ view }: { view: PlanView }) {
  const t = useT();
  const km = (x: Placed) => (x.distanceKm === null ? "—" : t("alarms.plans.km", { km: x.distanceKm.toFixed(1) }));
  const columns = [
    { title: t("alarms.plans.name"), render: (_: unknown, x: Placed) => `${x.code} ${x.name}` },
    { title: t("alarms.plans.position"), width: 90, render: (_: unknown, x: Placed) => sideTag(x.side, t) },
    { title: t("alarms.plans.distance"), width: 100, align: "right" as const, render: (_: unknown, x: Placed) => km(x) },
  ];
  const order = (xs: Placed[], first: Placed["side"]) => [...xs].sort((a, b) => Number(b.side === first) - Number(a.side === first) || (a.distanceKm ?? 1e9) - (b.distanceKm ?? 1e9));
  return (
    <Row gutter={16}>
      <Col xs={24} xl={8}>
        <Card size="small" title={t("alarms.plans.receptors")} data-testid="plan-receptors" style={{ marginBottom: 16 }}>
          <Table rowKey="id" size="small" pagination={false} dataSource={order(view.sources, "downstream")} columns={columns} locale={{ emptyText: t("alarms.plans.none") }} />
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card size="small" title={t("alarms.plans.outfalls")} data-testid="plan-outfalls" style={{ marginBottom: 16 }}>
          <Table rowKey="id" size="small" pagination={false} dataSource={order(view.outfalls, "upstream")} columns={columns} locale={{ emptyText: t("alarms.plans.none") }} />
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card size="small" title={t("alarms.plans.enterprises")} data-testid="plan-enterprises" style={{ marginBottom: 16 }}>
          <Table rowKey="id" size="small" pagination={false} dataSource={order(view.enterprises, "upstream")} columns={columns} locale={{ emptyText: t("alarms.plans.none") }} />
        </Card>
      </Col>
    </Row>
  );
}
