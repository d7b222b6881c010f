/**
 * @module The simulator's only I/O: one TCP connection per device to an HJ 212 gateway. Each device writes what its
 * script produces (simulated time = start + real elapsed × speedup), keeps at most `window` packets unanswered,
 * reads the platform's 9014/9011 replies, resends an unanswered packet after `ackTimeoutMs` (HJ 212-2017 §6.7: time
 * out, then up to `retries` resends), and after a dropped connection reconnects with backoff and resends what was
 * unanswered (a data logger keeps its data until acknowledged). Requests from the platform (set time, intervals,
 * history 补发) are answered as requests.ts says. A `badCrc` write models corruption on the line: the
 * device does not know its bytes were mangled, so a bad-CRC packet that got no answer — its connection dropped first,
 * or the reply timed out — is resent whole like any other; one the platform refused (9011) is not.
 * Ends after `durationMs` or on `signal`, sending what was queued for at most `drainMs` more.
 */
import { connect, type Socket } from "node:net";
import { Framer, parsePacket } from "../../domain/hj212";
import { buildFleet, type FleetOptions, type SimDevice } from "./devices";
import { NO_FAULTS, faultRatesProblem, type FaultRates } from "./faults";
import { DeviceScript, type Outgoing } from "./script";
import { Tally, type PacketRecord, type SimSummary } from "./summary";
import { answerRequest, isRequest } from "./requests";

/** Options of a run. */
export interface RunOptions {
  host: string;
  port: number;
  /** The fleet to simulate (ignored when `fleetDevices` is given). */
  fleet: FleetOptions;
  /** A fleet built beforehand (e.g. by a test that registered it). */
  fleetDevices?: SimDevice[];
  /** Real-time upload interval in simulated ms. */
  intervalMs: number;
  /** Simulated ms per real ms (60: one simulated minute per real second). */
  speedup: number;
  /** Simulated start instant (epoch ms); default: now. */
  start?: number;
  /** Real run time (ms); default: until `signal`. */
  durationMs?: number;
  /** Stops the run (SIGINT). */
  signal?: AbortSignal;
  faults: FaultRates;
  /** Most packets a connection leaves unanswered before it waits. */
  window: number;
  /** Real ms to wait for a reply before resending. */
  ackTimeoutMs: number;
  /** Resends after timeouts before giving a packet up. */
  retries: number;
  /** Real ms to finish sending and collecting replies after the end. */
  drainMs: number;
  /** Real ms between schedule ticks. */
  tickMs: number;
  /** Send minute uploads (2051); default true. */
  minuteData?: boolean;
  /** Each device first sends the hour uploads of the hours from this instant to `start` (补发), then runs. */
  historyFrom?: number;
  /**
   * Keep a record of every packet for the result (default true). A run meant to last (the demo district) sets
   * false: packets are then only counted once answered, so memory stays flat.
   */
  keepRecords?: boolean;
}

/** Defaults: HJ 212 timeout 10 s with 3 resends (Table 1, GPRS), 60 s real-time interval, real time. */
export const DEFAULT_RUN: Omit<RunOptions, "fleet"> = {
  host: "127.0.0.1", port: 9212, intervalMs: 60_000, speedup: 1, faults: NO_FAULTS,
  window: 32, ackTimeoutMs: 10_000, retries: 3, drainMs: 5_000, tickMs: 20,
};

/** What a run returns. */
export interface RunResult {
  summary: SimSummary;
  /** Every packet (MN, QN) with its fate. */
  records: PacketRecord[];
}

interface Shared {
  opts: RunOptions;
  tally: Tally;
  closed: boolean;
  /** False in the last half of the drain: only replies are collected then. */
  writing: boolean;
  /** The devices' clock (simulated epoch ms). */
  simNow: () => number;
}

/** A well-formed copy of a packet, for resending it. */
const clean = (o: Outgoing): Outgoing => ({ ...o, fault: null, wire: undefined, garbage: undefined, cutAt: undefined });

/** One device's connection. */
class Link {
  private socket: Socket | null = null;
  private open = false;
  private connected = false;
  private backoff = 100;
  private timer: NodeJS.Timeout | null = null;
  private framer = new Framer();
  private queue: Outgoing[] = [];
  private inflight = new Map<string, { o: Outgoing; sentAt: number }>();
  private timeouts = new Map<string, number>();

  constructor(private device: SimDevice, private s: Shared) {}

  /** Packets queued or unanswered. */
  get busy(): boolean {
    return this.queue.length > 0 || this.inflight.size > 0;
  }

  /** Packets written and unanswered. */
  get waiting(): boolean {
    return this.inflight.size > 0;
  }

  get backlog(): number {
    return this.queue.length;
  }

  connect() {
    const { host, port } = this.s.opts;
    const socket = connect({ host, port });
    this.socket = socket;
    socket.setNoDelay(true);
    socket.on("connect", () => {
      if (this.connected) this.s.tally.reconnects++;
      this.connected = true;
      this.open = true;
      this.backoff = 100;
      this.framer = new Framer();
      this.pump();
    });
    socket.on("data", (chunk: Buffer) => this.read(chunk));
    socket.on("error", () => {});
    socket.on("close", () => this.closed(socket));
  }

  enqueue(out: Outgoing[]) {
    for (const o of out) this.queue.push(o);
  }

  /** Writes queued packets while the window allows. */
  pump() {
    while (this.s.writing && this.open && this.queue.length && this.inflight.size < this.s.opts.window) this.write(this.queue.shift()!);
  }

  /** Resends (or gives up) packets unanswered for longer than the timeout. */
  expire(now: number) {
    const { ackTimeoutMs, retries } = this.s.opts;
    const resend: Outgoing[] = [];
    for (const [qn, f] of this.inflight) {
      if (now - f.sentAt < ackTimeoutMs) continue;
      this.inflight.delete(qn);
      const n = (this.timeouts.get(qn) ?? 0) + 1;
      this.timeouts.set(qn, n);
      if (n <= retries) resend.push(clean(f.o));
      else this.timeouts.delete(qn);
    }
    this.queue.unshift(...resend);
  }

  stop() {
    if (this.timer) clearTimeout(this.timer);
    this.socket?.destroy();
  }

  private write(o: Outgoing) {
    const socket = this.socket!;
    this.s.tally.wrote(o, o.repeat ? null : o.fault);
    if (o.garbage) socket.write(o.garbage);
    if (o.cutAt !== undefined) {
      // Half a packet, then the line drops: the device sends it whole after reconnecting.
      this.open = false;
      this.queue.unshift(clean(o));
      socket.write(o.text.slice(0, o.cutAt), () => socket.destroy());
      return;
    }
    socket.write(o.wire ?? o.text);
    this.inflight.set(o.qn, { o, sentAt: Date.now() });
  }

  private read(chunk: Buffer) {
    for (const ev of this.framer.feed(chunk)) {
      if (ev.type !== "frame" || ev.reason) continue;
      const parsed = parsePacket(ev.segment);
      if (!parsed.ok || parsed.packet.qn === undefined) continue;
      const { cn, qn, cp } = parsed.packet;
      if (isRequest(parsed.packet)) {
        // The platform asks something of the device: answered at once, outside the upload window.
        if (this.socket && !this.socket.destroyed) for (const text of answerRequest(this.device, parsed.packet, this.s.simNow())) this.socket.write(text);
        continue;
      }
      if (cn === "9014") this.s.tally.ack(this.device.mn, qn);
      else if (cn === "9011") {
        const rtn = Number(cp.other.find((x) => x.key === "QnRtn")?.value);
        if (rtn === 1) continue; // "ready to execute": an answer to a request, not a refusal
        this.s.tally.refuse(this.device.mn, qn, rtn);
      } else continue;
      this.inflight.delete(qn);
      this.timeouts.delete(qn);
    }
    this.pump();
  }

  private closed(socket: Socket) {
    if (this.socket !== socket) return;
    this.open = false;
    this.socket = null;
    // Unanswered packets go back to the front of the queue, in the order they were sent; their answers, if the
    // platform sent any, were lost with the connection.
    for (const f of this.inflight.values()) this.s.tally.cut(this.device.mn, f.o.qn);
    const back = [...this.inflight.values()].map((f) => clean(f.o));
    this.inflight.clear();
    this.queue.unshift(...back);
    if (this.s.closed) return;
    this.timer = setTimeout(() => this.connect(), this.backoff);
    this.backoff = Math.min(this.backoff * 2, 5_000);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs a simulation against a gateway and resolves with its summary and packet records.
 * @example const { summary } = await runSimulation({ ...DEFAULT_RUN, fleet: { ...DEFAULT_FLEET, devices: 20 }, speedup: 600, durationMs: 3000 })
 */
export async function runSimulation(opts: RunOptions): Promise<RunResult> {
  const problem = faultRatesProblem(opts.faults);
  if (problem) throw new Error(problem);
  if (!(opts.speedup > 0)) throw new Error("speedup must be positive");
  const devices = opts.fleetDevices ?? buildFleet(opts.fleet);
  const realStart = Date.now();
  const simStart = opts.start ?? realStart;
  const simNow = () => simStart + (Date.now() - realStart) * opts.speedup;
  const shared: Shared = { opts, tally: new Tally(opts.keepRecords ?? true), closed: false, writing: true, simNow };
  const scripts = devices.map((d) => new DeviceScript(d, { intervalMs: opts.intervalMs, faults: opts.faults, minuteData: opts.minuteData }, simStart));
  const links = devices.map((d) => new Link(d, shared));
  if (opts.historyFrom !== undefined) links.forEach((l, i) => l.enqueue(scripts[i].history(opts.historyFrom!, simStart)));
  links.forEach((l) => l.connect());
  const stopAt = opts.durationMs === undefined ? Infinity : realStart + opts.durationMs;

  let simEnd = simStart;
  while (!opts.signal?.aborted && Date.now() < stopAt) {
    const now = Date.now();
    simEnd = simNow();
    for (let i = 0; i < links.length; i++) {
      links[i].enqueue(scripts[i].advance(simEnd));
      links[i].expire(now);
      links[i].pump();
    }
    await sleep(Math.min(opts.tickMs, Math.max(0, stopAt - Date.now())));
  }
  // The end: release held-back packets, send what is queued for half the drain time (an overloaded gateway leaves a
  // backlog), then only collect replies, so what was written has its chance to be answered.
  links.forEach((l, i) => l.enqueue(scripts[i].flush()));
  const drainEnd = Date.now() + opts.drainMs;
  const writeEnd = Date.now() + opts.drainMs / 2;
  while (Date.now() < drainEnd && links.some((l) => (shared.writing ? l.busy : l.waiting))) {
    const now = Date.now();
    shared.writing = now < writeEnd;
    for (const l of links) {
      l.expire(now);
      l.pump();
    }
    await sleep(opts.tickMs);
  }
  const durationMs = Date.now() - realStart;
  shared.closed = true;
  links.forEach((l) => l.stop());
  const summary = shared.tally.summary({
    devices: devices.length, durationMs, simulatedFrom: simStart, simulatedTo: simEnd,
    backlog: links.reduce((n, l) => n + l.backlog, 0),
  });
  return { summary, records: [...shared.tally.records.values()] };
}
