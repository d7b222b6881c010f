/**
 * @module An audit entry expanded: its JSON data, the request id and the two hashes that chain it.
 */
import { Descriptions, Typography } from "antd";
import type { AuditEvent } from "../../api/types";
import { useT } from "../../i18n";

const mono = { fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace", fontSize: 12 } as const;

/** The expanded row. */
export function AuditDetail({ event }: { event: AuditEvent }) {
  const t = useT();
  return (
    <Descriptions column={1} size="small" bordered data-testid={`audit-detail-${event.seq}`}>
      <Descriptions.Item label={t("audit.data")}>
        <pre style={{ ...mono, margin: 0, whiteSpace: "pre-wrap", wordBreak: "break-all", maxHeight: 320, overflow: "auto" }}>
          {JSON.stringify(event.data ?? null, null, 2)}
        </pre>
      </Descriptions.Item>
      {event.correlationId && (
        <Descriptions.Item label={t("audit.correlationId")}>
          <Typography.Text style={mono} copyable>{event.correlationId}</Typography.Text>
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t("audit.hash")}>
        <Typography.Text style={mono} copyable>{event.hash}</Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t("audit.prevHash")}>
        <Typography.Text style={mono}>{event.prevHash ?? "—"}</Typography.Text>
      </Descriptions.Item>
    </Descriptions>
  );
}
