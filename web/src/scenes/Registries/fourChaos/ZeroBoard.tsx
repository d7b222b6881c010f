/**
 * @module The "dynamic zero" (动态清零) board of 清四乱: one card per river with its open, overdue and closed problems
 * and open ones per category; a river with nothing open shows 已清零. Clicking a card filters the list to it.
 */
import { Card, Col, Row, Space, Statistic, Tag, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { request } from "../../../api/client";
import { CHAOS_CATALOGUE, CHAOS_CATEGORIES } from "../../../../../domain/registries/fourChaos";
import { useT } from "../../../i18n";
import type { Board } from "./types";

/** The board. */
export function ZeroBoard() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const q = useQuery({ queryKey: ["registries", "four-chaos", "board"], queryFn: async () => (await request<Board>("GET", "/api/registries/four-chaos/board")).data });
  if (!q.data) return null;
  const current = params.get("riverId");
  const pick = (id: string) => {
    const next = new URLSearchParams(params);
    if (current === id) next.delete("riverId");
    else next.set("riverId", id);
    next.delete("page");
    setParams(next, { replace: true });
  };
  return (
    <Card size="small" style={{ marginBottom: 16 }} title={t("registries.fc.board")} data-testid="fc-board"
      extra={<Typography.Text type="secondary">{t("registries.fc.boardTotals", { cleared: q.data.totals.clearedRivers, rivers: q.data.totals.rivers, open: q.data.totals.open, overdue: q.data.totals.overdue })}</Typography.Text>}>
      <Row gutter={[12, 12]}>
        {q.data.rivers.map((r) => (
          <Col xs={12} md={8} xl={6} key={r.riverId}>
            <Card size="small" hoverable onClick={() => pick(r.riverId)} style={{ borderColor: current === r.riverId ? "#0e7490" : undefined }} data-testid={`fc-board-${r.riverName}`} data-cleared={r.cleared ? "1" : "0"}>
              <Space direction="vertical" size={2} style={{ width: "100%" }}>
                <Space style={{ justifyContent: "space-between", width: "100%" }}>
                  <Typography.Text strong>{r.riverName}</Typography.Text>
                  {r.cleared ? <Tag color="green">{t("registries.fc.cleared")}</Tag> : <Tag color="red">{t("registries.fc.notCleared")}</Tag>}
                </Space>
                <Space size="large">
                  <Statistic title={t("registries.fc.open")} value={r.open} valueStyle={{ fontSize: 18, color: r.open ? "#cf1322" : undefined }} />
                  <Statistic title={t("registries.fc.overdue")} value={r.overdue} valueStyle={{ fontSize: 18, color: r.overdue ? "#cf1322" : undefined }} />
                  <Statistic title={t("registries.fc.closed")} value={r.closed} valueStyle={{ fontSize: 18 }} />
                </Space>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {CHAOS_CATEGORIES.filter((c) => r.openByCategory[c]).map((c) => `${CHAOS_CATALOGUE[c][t.lang]} ${r.openByCategory[c]}`).join(" · ") || " "}
                </Typography.Text>
              </Space>
            </Card>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
