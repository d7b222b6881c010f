/**
 * @module The HJ 212 TCP gateway. Per connection: a framer that never trusts the peer (domain/hj212/frame.ts),
 * split-packet reassembly, device authentication (unknown MN → 9011 QnRtn 4, wrong PW → 3, CRC error → 9), rate
 * limits per connection and per MN, idle and slow-sender timeouts, and a cap on connections. Uploads are stored
 * through the store seam (./store.ts: the group committer, or the JetStream publisher); **9014 is sent only after
 * the readings are durable** — when the store fails, nothing is acknowledged and the device resends.
 */
import { createServer, type Server, type Socket } from "node:net";
import type { FastifyBaseLogger } from "fastify";
import {
  Framer,
  Reassembler,
  dataReply,
  encodePacket,
  noticeReply,
  parsePacket,
  qnReply,
  readingsOf,
  timeSyncRequest,
  formatQn,
  type Packet,
  type QnRtn,
  type RequestHeader,
} from "../../domain/hj212";
import type { DeviceRegistry } from "./devices";
import type { UploadStore } from "./store";
import { KeyedBuckets, TokenBucket } from "./limits";
import { PERIOD_OF_CN, readingsToRows } from "./toRows";
import { CommandTracker, DEFAULT_TIMING, type CommandOutcome, type CommandTiming } from "./commands";

/** Data uploads the gateway stores (2041 facility run time and 2081 restart are recorded as packets only). */
const UPLOAD_CNS = new Set(["2011", "2051", "2061", "2031", "2041", "2081"]);

/** Gateway settings. */
export interface GatewayOptions {
  host: string;
  port: number;
  maxConnections: number;
  /** A connection silent this long is closed. */
  idleTimeoutMs: number;
  /** A packet begun but not finished within this long closes the connection (slow-loris). */
  slowSenderMs: number;
  /** Packets per second per connection (burst = 5 s worth). */
  perConnectionRate: number;
  /** Packets per second per MN across connections. */
  perMnRate: number;
}

/** Defaults: 10,000 connections, 5 min idle (devices send at least hourly heartbeats of data), 30 s per packet. */
export const DEFAULT_GATEWAY_OPTIONS: GatewayOptions = {
  host: "127.0.0.1",
  port: 9212,
  maxConnections: 10_000,
  idleTimeoutMs: 5 * 60_000,
  slowSenderMs: 30_000,
  perConnectionRate: 200,
  perMnRate: 200,
};

/** Counters exposed on /metrics and in the UI. */
export interface GatewayStats {
  connections: number;
  connectionsTotal: number;
  packets: number;
  stored: number;
  /** Readings (values) in the stored packets. */
  values: number;
  duplicates: number;
  refused: Record<string, number>;
  acked: number;
  storeFailures: number;
}

/** The running gateway. */
export class Gateway {
  private server: Server | null = null;
  private sockets = new Set<Socket>();
  private mnBuckets: KeyedBuckets;
  /** The newest authenticated connection of each MN: where requests to that device go. */
  private sessions = new Map<string, (p: Packet) => boolean>();
  private tracker = new CommandTracker();
  readonly stats: GatewayStats = { connections: 0, connectionsTotal: 0, packets: 0, stored: 0, values: 0, duplicates: 0, refused: {}, acked: 0, storeFailures: 0 };

  constructor(
    private devices: DeviceRegistry,
    /** Where uploads go: the group committer, or the JetStream publisher in the scale-out mode (./store.ts). */
    private committer: UploadStore,
    private log: Pick<FastifyBaseLogger, "info" | "warn" | "error">,
    private opts: GatewayOptions = DEFAULT_GATEWAY_OPTIONS,
  ) {
    this.mnBuckets = new KeyedBuckets(opts.perMnRate, opts.perMnRate * 5);
  }

  /** Starts listening; resolves with the bound port. */
  async start(): Promise<number> {
    await this.devices.refresh();
    const server = createServer((socket) => this.accept(socket));
    server.maxConnections = this.opts.maxConnections;
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.opts.port, this.opts.host, () => resolve());
    });
    const port = (server.address() as { port: number }).port;
    this.log.info({ port }, "HJ 212 gateway listening");
    return port;
  }

  /** Stops accepting, closes connections, and waits for queued packets to be stored. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => { server.close(() => resolve()); for (const s of this.sockets) s.destroy(); });
    await this.committer.drain();
  }

  /** Whether a device has a live authenticated connection. */
  isConnected(mn: string): boolean {
    return this.sessions.has(mn);
  }

  /**
   * Sends a request to a connected device and follows the exchange (9011 → data → 9012) with timeout and retries.
   * Returns null when the device is not connected or the request cannot be built.
   */
  async request(
    device: { mn: string; pw: string; st: string },
    build: (h: RequestHeader) => Packet | null,
    timing: CommandTiming = DEFAULT_TIMING,
  ): Promise<CommandOutcome | null> {
    const send = this.sessions.get(device.mn);
    const packet = build({ qn: formatQn(new Date()), st: device.st, pw: device.pw, mn: device.mn });
    if (!send || !packet) return null;
    // Retries go to whichever connection the device holds by then (it may have reconnected).
    return this.tracker.run(device.mn, packet, (p) => (this.sessions.get(device.mn) ?? send)(p), timing);
  }

  private refuse(reason: string) {
    this.stats.refused[reason] = (this.stats.refused[reason] ?? 0) + 1;
  }

  private accept(socket: Socket) {
    this.sockets.add(socket);
    this.stats.connections++;
    this.stats.connectionsTotal++;
    socket.setNoDelay(true);
    socket.setTimeout(this.opts.idleTimeoutMs, () => socket.destroy());
    const framer = new Framer();
    const reassembler = new Reassembler();
    const bucket = new TokenBucket(this.opts.perConnectionRate, this.opts.perConnectionRate * 5);
    let partialSince = 0;
    // Packets of one connection are handled concurrently — so their commits share batches — but replied to in the
    // order they came: a device expects its answers in the order it sent.
    let chain: Promise<void> = Promise.resolve();
    const send = (p: Packet): boolean => {
      const text = encodePacket(p);
      if (!text || socket.destroyed) return false;
      socket.write(text);
      return true;
    };
    socket.on("data", (chunk: Buffer) => {
      for (const ev of framer.feed(chunk)) {
        if (ev.type === "error") {
          this.refuse(ev.reason.code);
          continue;
        }
        if (!bucket.take()) {
          this.refuse("rate.connection");
          continue;
        }
        const replies: Packet[] = [];
        const handled = this.handleFrame(ev, reassembler, (p) => (replies.push(p), true), send, chain);
        chain = chain
          .then(() => handled)
          .then(() => replies.forEach(send))
          .catch((err) => this.log.error({ err }, "gateway: packet handling failed"));
      }
      // Slow-sender guard: a packet left half-sent for too long ends the connection.
      if (framer.buffered > 0) {
        partialSince ||= Date.now();
        if (Date.now() - partialSince > this.opts.slowSenderMs) socket.destroy();
      } else partialSince = 0;
    });
    const slowTimer = setInterval(() => {
      if (partialSince && Date.now() - partialSince > this.opts.slowSenderMs) socket.destroy();
    }, Math.min(this.opts.slowSenderMs, 5_000));
    socket.on("error", () => {});
    socket.on("close", () => {
      clearInterval(slowTimer);
      for (const [mn, s] of this.sessions) if (s === send) this.sessions.delete(mn);
      this.sockets.delete(socket);
      this.stats.connections--;
    });
  }

  private async handleFrame(
    frame: { segment: string; reason: { code: string } | null; crcOk: boolean },
    reassembler: Reassembler,
    send: (p: Packet) => boolean,
    /** Writes to the socket at once: the session's channel for the platform's own requests. */
    socketSend: (p: Packet) => boolean,
    /** Settles when every earlier packet of this connection has been handled (and stored). */
    earlier: Promise<void>,
  ): Promise<void> {
    this.stats.packets++;
    const parsed = parsePacket(frame.segment);
    const header = parsed.ok ? parsed.packet : undefined;
    if (frame.reason) {
      this.refuse(frame.reason.code);
      if (header?.mn) this.committer.recordError(header.mn, frame.reason.code);
      // The header of a corrupted packet is not trusted with data, but telling the device why helps its technician.
      if (header?.mn && header.flag?.a && !frame.crcOk) send(qnReply(header, 9));
      return;
    }
    if (!parsed.ok) {
      this.refuse(parsed.reason.code);
      return;
    }
    let packet = parsed.packet;
    const refuse = (code: QnRtn, reason: string) => {
      this.refuse(reason);
      if (packet.mn) this.committer.recordError(packet.mn, reason);
      send(qnReply(packet, code));
    };
    if (!packet.mn) return this.refuse("packet.mn_missing");
    const device = await this.devices.get(packet.mn);
    if (!device) return refuse(4, "device.unknown_mn");
    if (device.pw !== packet.pw) return refuse(3, "device.wrong_pw");
    if (!device.enabled) return refuse(2, "device.disabled");
    if (device.st !== packet.st && packet.st !== "91") return refuse(5, "device.wrong_st");
    if (!this.mnBuckets.take(device.mn)) return this.refuse("rate.mn");
    this.sessions.set(device.mn, socketSend);
    // Answers (9011/9012) to the platform's own requests end here, once the data sent before them is stored (a 9012
    // after a history backfill means "done", so the backfilled data must be in the database by then).
    if (packet.cn === "9011" || packet.cn === "9012") await earlier.catch(() => {});
    if (this.tracker.onPacket(device.mn, packet)) return;
    if (packet.pnum && packet.pnum > 1) {
      const r = reassembler.add(packet, Date.now());
      if (r.status === "pending") return;
      if (r.status === "rejected") return this.refuse(r.reason.code);
      packet = r.packet;
    }
    if (packet.cn === "1013") {
      // The device asks for the time: acknowledge the notice, then set its clock.
      send(noticeReply(packet));
      send(timeSyncRequest({ qn: formatQn(new Date()), st: device.st, pw: device.pw, mn: device.mn }, new Date()));
      return;
    }
    if (!UPLOAD_CNS.has(packet.cn)) return;
    const result = readingsOf(packet);
    if (PERIOD_OF_CN[packet.cn] && !device.pointId) return refuse(2, "device.no_point");
    const rows = device.pointId ? readingsToRows(result.readings, device.pointId, packet.qn ?? null) : [];
    const dataTime = packet.cp.dataTime ? new Date(result.readings[0]?.dataTime ?? Number.NaN) : null;
    try {
      const outcome = await this.committer.submit({
        mn: device.mn,
        cn: packet.cn,
        qn: packet.qn ?? `${packet.cp.dataTime ?? ""}`,
        dataTime: dataTime && !Number.isNaN(dataTime.getTime()) ? dataTime : null,
        readings: rows,
      });
      if (outcome === "stored") {
        this.stats.stored++;
        this.stats.values += rows.length;
      } else this.stats.duplicates++;
    } catch (err) {
      // Not stored: no acknowledgement, so the device keeps the data and sends it again.
      this.stats.storeFailures++;
      this.log.warn({ err: (err as Error).message, mn: device.mn }, "gateway: store failed, not acknowledging");
      return;
    }
    if (packet.flag?.a || (packet.flag === undefined && packet.qn)) {
      send(dataReply(packet));
      this.stats.acked++;
    }
  }
}
