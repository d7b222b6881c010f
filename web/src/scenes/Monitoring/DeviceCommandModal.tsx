/**
 * @module The command dialog of the device page: one platform-to-device request (set the clock, the real-time or
 * minute-data interval, or ask for history with a time window), sent through the gateway; the dialog waits for the
 * exchange (request → 9011 → data → 9012, with the standard's 10 s timeout and 3 resends) and shows how it ended.
 */
import { useState } from "react";
import { Alert, DatePicker, Descriptions, Form, InputNumber, Modal, Select, Typography } from "antd";
import { useMutation } from "@tanstack/react-query";
import dayjs, { type Dayjs } from "dayjs";
import { sendDeviceCommand, type CommandOutcome, type DeviceCommand, type DeviceStatusView } from "../../api/monitoringReports";
import { errorMessage } from "../../i18n/errors";
import { useT, type MessageKey } from "../../i18n";

const MIN_INTERVALS = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30];

/** Props of the dialog. */
export interface CommandModalProps {
  device: DeviceStatusView;
  kind: DeviceCommand["kind"];
  onClose: () => void;
}

/** The dialog. */
export function CommandModal({ device, kind, onClose }: CommandModalProps) {
  const t = useT();
  const [seconds, setSeconds] = useState<number | null>(300);
  const [minutes, setMinutes] = useState(10);
  const [cn, setCn] = useState<"2061" | "2051" | "2031">("2061");
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().subtract(1, "day").startOf("hour"), dayjs().startOf("hour")]);
  const send = useMutation({
    mutationFn: () => {
      const command: DeviceCommand =
        kind === "time_sync" ? { kind } :
        kind === "rtd_interval" ? { kind, seconds: seconds ?? 300 } :
        kind === "min_interval" ? { kind, minutes } :
        { kind, cn, begin: range[0].format(), end: range[1].format() };
      return sendDeviceCommand(device.id, command);
    },
  });
  const outcome: CommandOutcome | undefined = send.data;
  const title = `${t(`devices.cmd.${kind}` as MessageKey)} · ${device.mn}`;
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      okText={outcome ? t("devices.cmd.close") : t("devices.cmd.send")}
      cancelButtonProps={{ style: outcome ? { display: "none" } : undefined }}
      onOk={() => (outcome ? onClose() : send.mutate())}
      confirmLoading={send.isPending}
      okButtonProps={{ "data-testid": "device-command-submit" } as Record<string, string>}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t(`devices.cmd.${kind}.help` as MessageKey)}</Typography.Paragraph>
      <Form layout="vertical" disabled={send.isPending || Boolean(outcome)}>
        {kind === "rtd_interval" && (
          <Form.Item label={t("devices.cmd.seconds")}>
            <InputNumber min={30} max={3600} step={30} value={seconds} onChange={(v) => setSeconds(v)} addonAfter="s" data-testid="device-command-seconds" />
          </Form.Item>
        )}
        {kind === "min_interval" && (
          <Form.Item label={t("devices.cmd.minutes")}>
            <Select value={minutes} onChange={setMinutes} style={{ width: 160 }} options={MIN_INTERVALS.map((m) => ({ value: m, label: t("devices.cmd.minuteValue", { n: m }) }))} />
          </Form.Item>
        )}
        {kind === "history" && (
          <>
            <Form.Item label={t("devices.cmd.cn")}>
              <Select value={cn} onChange={setCn} style={{ width: 220 }} options={(["2061", "2051", "2031"] as const).map((c) => ({ value: c, label: t(`devices.cmd.cn.${c}` as MessageKey) }))} data-testid="device-command-cn" />
            </Form.Item>
            <Form.Item label={t("devices.cmd.window")}>
              <DatePicker.RangePicker showTime={{ format: "HH:mm" }} format="YYYY-MM-DD HH:mm" value={range} allowClear={false} onChange={(v) => v && v[0] && v[1] && setRange([v[0], v[1]])} />
            </Form.Item>
          </>
        )}
      </Form>
      {send.isPending && <Alert type="info" showIcon message={t("devices.cmd.waiting")} />}
      {send.isError && <Alert type="error" showIcon message={errorMessage(send.error, t)} data-testid="device-command-error" />}
      {outcome && (
        <div data-testid="device-command-result">
          <Alert
            type={outcome.status === "done" && outcome.exeRtn === 1 ? "success" : outcome.status === "done" ? "warning" : "error"}
            showIcon
            message={t(`devices.outcome.${outcome.status}` as MessageKey)}
            style={{ marginBottom: 12 }}
          />
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t("devices.outcome.qnRtn")}>{outcome.qnRtn === null ? "—" : `${outcome.qnRtn} ${t(`devices.qnRtn.${outcome.qnRtn}` as MessageKey)}`}</Descriptions.Item>
            <Descriptions.Item label={t("devices.outcome.exeRtn")}>{outcome.exeRtn === null ? "—" : `${outcome.exeRtn} ${t(`devices.exeRtn.${outcome.exeRtn}` as MessageKey)}`}</Descriptions.Item>
            <Descriptions.Item label={t("devices.outcome.dataPackets")}>{outcome.dataPackets}</Descriptions.Item>
            <Descriptions.Item label={t("devices.outcome.attempts")}>{outcome.attempts}</Descriptions.Item>
          </Descriptions>
        </div>
      )}
    </Modal>
  );
}
