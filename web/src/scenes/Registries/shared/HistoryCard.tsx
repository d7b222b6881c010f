/**
 * @module A record's history (its audit entries, newest first): who did what when, with the status change and
 * note of each lifecycle step and the fields an edit changed.
 */
import { Card, Timeline, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { getHistory, type HistoryEntry } from "../../../api/registries";
import { useT, type MessageKey, type Translate } from "../../../i18n";
import { zh } from "../../../i18n/zh";

/** The name of a stored field (`registries.field.<column>`), or the column itself when unnamed. */
function fieldText(column: string, t: Translate): string {
  const key = `registries.field.${column}` as MessageKey;
  return key in zh ? t(key) : column;
}

/** How a state name is shown (the registry's own labels). */
export type StateText = (state: string) => string;

function summary(e: HistoryEntry, stateText: StateText, t: ReturnType<typeof useT>, fieldNames: Readonly<Record<string, string>>): string {
  if (e.transition) return `${e.transition.from ? stateText(e.transition.from) : "—"} → ${stateText(e.transition.to)}`;
  const changes = e.data?.changes as Record<string, unknown> | undefined;
  if (changes) return Object.keys(changes).length ? t("registries.history.changed", { fields: Object.keys(changes).map((f) => fieldNames[f] ?? fieldText(f, t)).join(t.lang === "zh" ? "、" : ", ") }) : t("registries.history.noChange");
  const file = e.data?.fileName as string | undefined;
  return file ? String(file) : "";
}

/** The history card of a record; `fieldNames` names a registry's own stored fields (column → label). */
export function HistoryCard({ registry, id, stateText = (s) => s, actionText, fieldNames = {} }: { registry: string; id: string; stateText?: StateText; actionText: (action: string) => string; fieldNames?: Readonly<Record<string, string>> }) {
  const t = useT();
  const q = useQuery({ queryKey: ["registries", registry, "history", id], queryFn: () => getHistory(registry, id) });
  return (
    <Card size="small" title={t("registries.history")} data-testid="registry-history">
      {q.data?.length === 0 && <Typography.Text type="secondary">{t("common.none")}</Typography.Text>}
      <Timeline
        items={(q.data ?? []).map((e) => ({
          key: e.seq,
          color: e.transition ? "blue" : "gray",
          children: (
            <div data-testid={`history-${e.action}`}>
              <Typography.Text strong>{actionText(e.action)}</Typography.Text>{" "}
              <Typography.Text type="secondary">
                {new Date(e.at).toLocaleString(t.lang === "zh" ? "zh-CN" : "en-GB", { timeZone: "Asia/Shanghai" })} · {e.actorName ?? t("registries.history.system")}
              </Typography.Text>
              <div>{summary(e, stateText, t, fieldNames)}</div>
              {e.transition?.note && <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12, whiteSpace: "pre-wrap" }}>“{e.transition.note}”</Typography.Paragraph>}
            </div>
          ),
        }))}
      />
    </Card>
  );
}
