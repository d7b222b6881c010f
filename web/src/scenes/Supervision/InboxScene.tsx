/**
 * @module /supervision/inbox: the signed-in user's notifications (rounds opened, reminders, ladder rungs, proposals
 * to confirm), unread first in bold; opening one marks it read and goes where it points.
 */
import { App, Button, List, Segmented, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { getInbox, markRead, type NotificationView } from "../../api/supervision";
import { PageHeader } from "../../components/PageHeader";
import { LoadError } from "../../components/Status";
import { errorMessage } from "../../i18n/errors";
import { useT, type MessageKey } from "../../i18n";
import { localTime } from "./shared";

/**
 * Where a notification leads: its `data.url` (every area's notifications carry one: an alarm, an incident, a
 * round…) when it is a path of this site, else — for notifications stored before `url` was added — a page
 * guessed from the ids it carries.
 */
function target(n: NotificationView): string | null {
  const d = (n.data ?? {}) as Record<string, unknown>;
  if (typeof d.url === "string" && /^\/(?![\/\\])/.test(d.url)) return d.url;
  // Guesses only for this area's kinds: another area's roundId (a sampling round, say) is not a 调度.
  if (!/^(round|ladder|deadline)\./.test(n.kind)) return null;
  if (d.documentId) return `/api/supervision/documents/${d.documentId}/docx`;
  if (d.roundId) return `/supervision/rounds/${d.roundId}`;
  if (d.proposalId || d.ladderId) return "/supervision/ladder";
  if (d.taskId) return "/supervision/tasks";
  return null;
}

const KIND_KEYS: Record<string, MessageKey> = {
  "round.opened": "supervision.inbox.kind.round", "round.reminder": "supervision.inbox.kind.reminder", "deadline.reminder": "supervision.inbox.kind.reminder",
  "ladder.proposal": "supervision.inbox.kind.proposal",
};

/** The page. */
export default function InboxScene() {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const q = useQuery({ queryKey: ["inbox", unreadOnly], queryFn: () => getInbox(unreadOnly) });
  const mark = useMutation({
    mutationFn: (ids?: string[]) => markRead(ids),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["inbox"] }),
    onError: (e) => message.error(errorMessage(e, t)),
  });
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const open = async (n: NotificationView) => {
    const to = target(n);
    // Marked read before leaving, so the badge and the list are right on return; a failure is shown, not fatal.
    if (!n.readAt) await mark.mutateAsync([n.id]).catch(() => undefined);
    if (!to) return;
    if (to.startsWith("/api/")) window.location.assign(to);
    else navigate(to);
  };
  return (
    <>
      <PageHeader
        title={t("supervision.inbox.title")}
        extra={
          <Space>
            <Segmented value={unreadOnly ? "unread" : "all"} onChange={(v) => setUnreadOnly(v === "unread")} options={[{ value: "all", label: t("supervision.inbox.all") }, { value: "unread", label: t("supervision.inbox.unread") }]} />
            <Button onClick={() => mark.mutate(undefined)} disabled={!q.data?.unread} data-testid="inbox-read-all">{t("supervision.inbox.readAll")}</Button>
          </Space>
        }
      />
      <List
        loading={q.isLoading}
        bordered
        dataSource={q.data?.data ?? []}
        locale={{ emptyText: t("supervision.inbox.none") }}
        data-testid="inbox-list"
        renderItem={(n) => (
          <List.Item onClick={() => void open(n)} style={{ cursor: target(n) ? "pointer" : "default", background: n.readAt ? undefined : "#f0f9ff" }} data-testid={`inbox-${n.kind}`}>
            <List.Item.Meta
              title={<Space wrap><Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>{KIND_KEYS[n.kind] && <Tag>{t(KIND_KEYS[n.kind])}</Tag>}{n.kind.startsWith("ladder.") && n.kind !== "ladder.proposal" && <Tag color="red">{t("supervision.inbox.kind.ladder")}</Tag>}</Space>}
              description={<Space direction="vertical" size={0}><span>{n.body}</span><Typography.Text type="secondary">{localTime(n.createdAt)}</Typography.Text></Space>}
            />
          </List.Item>
        )}
      />
    </>
  );
}
