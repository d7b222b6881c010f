/**
 * @module `qingliu simulate`: HJ 212-2017 traffic from a fleet of simulated surface-water stations (ST=21) and
 * enterprise outlets (ST=32) against a gateway, with injected faults, and a summary of what was acknowledged.
 * The work is done by server/simulator; this file reads options and prints.
 */
import { parseArgs } from "node:util";
import {
  DEFAULT_FLEET,
  DEFAULT_RUN,
  fleetProblem,
  formatSummary,
  listDevices,
  parseDuration,
  parseExceed,
  parseRate,
  runSimulation,
  type Exceedance,
  type FaultRates,
  type FleetOptions,
  type RunOptions,
} from "../simulator";
import type { CliCommand } from "./command";

const OPTIONS = {
  devices: { type: "string" },
  interval: { type: "string" },
  speedup: { type: "string" },
  host: { type: "string" },
  port: { type: "string" },
  duration: { type: "string" },
  start: { type: "string" },
  seed: { type: "string" },
  "mn-prefix": { type: "string" },
  pw: { type: "string" },
  "bad-crc": { type: "string" },
  garbage: { type: "string" },
  disconnect: { type: "string" },
  retransmit: { type: "string" },
  "out-of-order": { type: "string" },
  exceed: { type: "string", multiple: true },
  window: { type: "string" },
  "ack-timeout": { type: "string" },
  retries: { type: "string" },
  drain: { type: "string" },
  "list-devices": { type: "boolean" },
  json: { type: "boolean" },
  qns: { type: "boolean" },
} as const;

class UsageError extends Error {}

function int(v: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be an integer ${min}–${max}`);
  return n;
}

function duration(v: string | undefined, name: string, fallback: number | undefined): number | undefined {
  if (v === undefined) return fallback;
  const ms = parseDuration(v);
  if (ms === null || ms <= 0) throw new UsageError(`--${name}: not a duration (e.g. 30s, 5m, 1h, 500ms): ${v}`);
  return ms;
}

function rate(v: string | undefined, name: string): number {
  if (v === undefined) return 0;
  const r = parseRate(v);
  if (r === null) throw new UsageError(`--${name} must be a rate 0–1 or a percentage: ${v}`);
  return r;
}

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>["values"];

/** Options of the run from the command line; throws UsageError. */
function readOptions(v: Values): RunOptions {
  const exceed: Exceedance[] = (v.exceed ?? []).map((s) => {
    const e = parseExceed(s);
    if (!e) throw new UsageError(`--exceed expects [MN:]FACTOR=VALUE with an HJ 212 water factor code, e.g. w21003=8: ${s}`);
    return e;
  });
  const fleet: FleetOptions = {
    devices: int(v.devices, "devices", DEFAULT_FLEET.devices, 1, 100_000),
    mnPrefix: v["mn-prefix"] ?? DEFAULT_FLEET.mnPrefix,
    pw: v.pw ?? DEFAULT_FLEET.pw,
    seed: int(v.seed, "seed", DEFAULT_FLEET.seed, 0, 2 ** 31),
    exceed,
  };
  const problem = fleetProblem(fleet);
  if (problem) throw new UsageError(problem);
  const intervalMs = duration(v.interval, "interval", DEFAULT_RUN.intervalMs)!;
  if (intervalMs % 1000 !== 0) throw new UsageError("--interval must be whole seconds");
  const speedup = v.speedup === undefined ? 1 : Number(v.speedup);
  if (!(speedup > 0 && speedup <= 1_000_000)) throw new UsageError("--speedup must be a number > 0");
  let start: number | undefined;
  if (v.start !== undefined) {
    start = Date.parse(v.start);
    if (Number.isNaN(start)) throw new UsageError(`--start: not a date-time (ISO 8601): ${v.start}`);
  }
  const faults: FaultRates = {
    badCrc: rate(v["bad-crc"], "bad-crc"), garbage: rate(v.garbage, "garbage"), disconnect: rate(v.disconnect, "disconnect"),
    retransmit: rate(v.retransmit, "retransmit"), outOfOrder: rate(v["out-of-order"], "out-of-order"),
  };
  if (Object.values(faults).reduce((s, r) => s + r, 0) > 1) throw new UsageError("fault rates add up to more than 1");
  return {
    ...DEFAULT_RUN,
    host: v.host ?? DEFAULT_RUN.host,
    port: int(v.port, "port", DEFAULT_RUN.port, 1, 65_535),
    fleet, intervalMs, speedup, start, faults,
    durationMs: duration(v.duration, "duration", undefined),
    window: int(v.window, "window", DEFAULT_RUN.window, 1, 10_000),
    ackTimeoutMs: duration(v["ack-timeout"], "ack-timeout", DEFAULT_RUN.ackTimeoutMs)!,
    retries: int(v.retries, "retries", DEFAULT_RUN.retries, 0, 99),
    drainMs: duration(v.drain, "drain", DEFAULT_RUN.drainMs)!,
  };
}

/** `qingliu simulate`. */
export const simulate: CliCommand = {
  words: ["simulate"],
  summary: "模拟 HJ 212 数采仪向网关发数 / simulate HJ 212 devices sending to the gateway",
  help: `用法 / usage: qingliu simulate [options]

模拟地表水自动站（ST=21：pH、溶解氧、高锰酸盐指数、氨氮、总磷、总氮、氟化物、水温、电导率、浊度）与企业排口
（ST=32：COD、氨氮、氟化物、污水流量 w00000），每台设备一条 TCP 连接（断开后重连），按间隔上传实时数据 2011，
在模拟时间的整分、整点上传分钟 2051 / 小时 2061 数据（Flag=5，需 9014 应答），数值含日变化与噪声，由种子决定。
Simulates surface-water stations and enterprise outlets, one TCP connection each (reconnecting when closed):
real-time uploads (2011) every interval, minute (2051) and hour (2061) uploads on simulated-time boundaries,
Flag=5, QN from simulated time, values with a daily cycle and noise, all determined by the seed.

  --devices N           设备数 / number of devices (default ${DEFAULT_FLEET.devices}); every third is a station
  --interval 60s        实时数据间隔（模拟时间）/ real-time interval in simulated time (default 60s)
  --speedup 60          时间压缩 / simulated seconds per real second (60: a simulated minute per second; default 1)
  --host 127.0.0.1      网关地址 / gateway host        --port 9212   网关端口 / gateway port
  --duration 30s        运行时长（实际时间）/ real run time (default: until Ctrl-C)
  --start ISO           模拟起始时间 / simulated start (default: now)
  --seed N              随机种子 / seed of sites, values and faults (default 1)
  --mn-prefix QLSIM     MN 前缀，MN = 前缀 + 序号 / MN = prefix + number (≤ 24 characters)
  --pw 123456           访问密码 / access password of every device
  --bad-crc R           CRC 错误 / wrong CRC (platform answers 9011 QnRtn=9)        R: 0–1 or 5%
  --garbage R           包前垃圾字节 / junk bytes before a packet
  --disconnect R        发送半包后断开 / drop the connection mid-packet (resent after reconnecting)
  --retransmit R        重发（同一 QN）/ send a packet again with the same QN
  --out-of-order R      分钟/小时数据延后发送（旧 DataTime）/ hold back a minute/hour upload, send it after newer ones
  --exceed [MN:]F=V     因子保持在 V 或略高（用于报警测试）/ hold factor F at or just above V, e.g. w21003=8
  --window N            未应答包上限 / most unanswered packets per connection (default ${DEFAULT_RUN.window})
  --ack-timeout 10s     应答超时 / reply timeout before resending (default 10s)   --retries N  重发次数 (default ${DEFAULT_RUN.retries})
  --drain 5s            结束后等待应答 / time to collect replies at the end (default 5s)
  --list-devices        以 JSON 列出设备（mn, pw, st, kind, expectedFactors, point）供平台登记，不发送
                        print the devices as JSON for registration in the platform, send nothing
  --json                以 JSON 输出汇总 / print the summary as JSON (with the packets not acknowledged)
  --qns                 JSON 中包含已应答的 QN / include the acknowledged QNs in the JSON

设备须已在平台登记，否则被拒（QnRtn=4）/ devices must be registered, else refused with QnRtn=4.
结束或 Ctrl-C 时输出汇总：发送、应答、拒绝（QnRtn）、未应答、重连 / at the end or on Ctrl-C a summary is printed.
退出码 / exit: 0 完成 / done · 1 无任何应答 / nothing acknowledged · 2 用法错误 / usage error`,
  async run(argv, io) {
    let opts: RunOptions;
    let values: Values;
    try {
      ({ values } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: false }));
      opts = readOptions(values);
    } catch (err) {
      io.stderr.write(`${(err as Error).message}\n\n${this.help}\n`);
      return 2;
    }
    if (values["list-devices"]) {
      io.stdout.write(JSON.stringify(listDevices(opts.fleet), null, 2) + "\n");
      return 0;
    }
    const stop = new AbortController();
    const onSigint = () => stop.abort();
    process.once("SIGINT", onSigint);
    io.stderr.write(`模拟 / simulating ${opts.fleet.devices} devices → ${opts.host}:${opts.port} ×${opts.speedup}` +
      `${opts.durationMs ? ` for ${opts.durationMs / 1000} s` : ", Ctrl-C to stop"}\n`);
    try {
      const { summary, records } = await runSimulation({ ...opts, signal: stop.signal });
      if (values.json) {
        const notAcknowledged = records.filter((r) => r.state !== "acked")
          .map(({ mn, cn, qn, dataTime, state, qnRtn }) => ({ mn, cn, qn, dataTime, state, ...(qnRtn !== undefined ? { qnRtn } : {}) }));
        const acknowledged = values.qns ? { acknowledged: records.filter((r) => r.state === "acked").map(({ mn, cn, qn, acks }) => ({ mn, cn, qn, acks })) } : {};
        io.stdout.write(JSON.stringify({ ...summary, notAcknowledged, ...acknowledged }) + "\n");
      } else io.stdout.write(formatSummary(summary) + "\n");
      return summary.acked === 0 && (summary.packets > 0 || summary.backlog > 0) ? 1 : 0;
    } finally {
      process.removeListener("SIGINT", onSigint);
    }
  },
};
