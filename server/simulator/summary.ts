/**
 * @module Bookkeeping of a simulation run: for every packet (MN, QN) whether the platform acknowledged it (9014),
 * refused it (9011 with QnRtn — 9 for a bad CRC, 3 wrong password, 4 unknown MN …) or never answered; counts of
 * writes, faults and reconnects; and the summary printed at the end of a run.
 */
import { QN_RTN } from "../../domain/hj212";
import { FAULT_KINDS, type FaultKind } from "./faults";
import type { Outgoing } from "./script";

/** What became of one packet. */
export type PacketState = "unanswered" | "acked" | "refused";

/** One packet (MN, QN) and its fate. */
export interface PacketRecord {
  mn: string;
  cn: string;
  qn: string;
  /** DataTime, ISO 8601 UTC. */
  dataTime: string;
  state: PacketState;
  /** QnRtn of the 9011 refusal, when refused. */
  qnRtn?: number;
  /** Times (part of) it was written: 2+ after a retransmission, a disconnect or a timeout. */
  writes: number;
  /** 9014s received for it (a retransmission is acknowledged again). */
  acks: number;
  /** Writes still unanswered when their connection dropped (the packet was resent after reconnecting). */
  cut: number;
  /** Faults injected into its writes. */
  faults: FaultKind[];
}

/** Totals of a run. */
export interface SimSummary {
  devices: number;
  /** Real duration of the run (ms). */
  durationMs: number;
  /** Simulated time covered, ISO 8601 UTC. */
  simulatedFrom: string;
  simulatedTo: string;
  /** Packets written, counting every resend and partial write. */
  sent: number;
  /** Distinct packets (MN, QN). */
  packets: number;
  /** Distinct packets acknowledged by 9014. */
  acked: number;
  /** Distinct packets refused, by QnRtn code. */
  refused: Record<string, number>;
  /** Distinct packets written but neither acknowledged nor refused. */
  unacknowledged: number;
  /** Packets generated but never written (still queued when the run ended). */
  backlog: number;
  /** Successful connections after each device's first. */
  reconnects: number;
  /** Faults injected, by kind. */
  faults: Record<FaultKind, number>;
  /** Writes per real second. */
  sentPerSecond: number;
  /** Acknowledged packets per real second. */
  ackedPerSecond: number;
}

/** Packet records of a run, keyed by MN and QN. */
export class Tally {
  readonly records = new Map<string, PacketRecord>();
  sent = 0;
  /** Answered packets already dropped from `records` (when records are not kept). */
  private settled = { acked: 0, refused: {} as Record<string, number> };

  /** @param keep keep every record (false: a record is dropped once its packet is answered, only counted). */
  constructor(private keep = true) {}
  reconnects = 0;
  readonly faults: Record<FaultKind, number> = Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>;

  private key = (mn: string, qn: string) => mn + "\u0000" + qn;

  /** Counts a write of `o` (whole or partial). */
  wrote(o: Outgoing, fault: FaultKind | null) {
    this.sent++;
    const k = this.key(o.mn, o.qn);
    let r = this.records.get(k);
    if (!r) {
      r = { mn: o.mn, cn: o.cn, qn: o.qn, dataTime: new Date(o.dataTime).toISOString(), state: "unanswered", writes: 0, acks: 0, cut: 0, faults: [] };
      this.records.set(k, r);
    }
    r.writes++;
    if (fault) {
      r.faults.push(fault);
      this.faults[fault]++;
    }
  }

  /** Records a 9014 for (mn, qn); false when no such packet was sent. */
  ack(mn: string, qn: string): boolean {
    const r = this.records.get(this.key(mn, qn));
    if (!r) return false;
    r.acks++;
    r.state = "acked";
    if (!this.keep) {
      this.settled.acked++;
      this.records.delete(this.key(mn, qn));
    }
    return true;
  }

  /** Records a 9011 refusal; an acknowledged packet stays acknowledged. */
  refuse(mn: string, qn: string, qnRtn: number): boolean {
    const r = this.records.get(this.key(mn, qn));
    if (!r) return false;
    if (r.state !== "acked") {
      r.state = "refused";
      r.qnRtn = qnRtn;
    }
    if (!this.keep) {
      this.settled.refused[String(qnRtn)] = (this.settled.refused[String(qnRtn)] ?? 0) + 1;
      this.records.delete(this.key(mn, qn));
    }
    return true;
  }

  /** Records that a write of (mn, qn) was unanswered when its connection dropped. */
  cut(mn: string, qn: string) {
    const r = this.records.get(this.key(mn, qn));
    if (r) r.cut++;
  }

  /** The record of a packet. */
  get(mn: string, qn: string): PacketRecord | undefined {
    return this.records.get(this.key(mn, qn));
  }

  /** Totals. */
  summary(o: { devices: number; durationMs: number; simulatedFrom: number; simulatedTo: number; backlog: number }): SimSummary {
    const refused: Record<string, number> = { ...this.settled.refused };
    let acked = this.settled.acked, unacknowledged = 0;
    for (const r of this.records.values()) {
      if (r.state === "acked") acked++;
      else if (r.state === "refused") refused[String(r.qnRtn)] = (refused[String(r.qnRtn)] ?? 0) + 1;
      else unacknowledged++;
    }
    const seconds = Math.max(o.durationMs, 1) / 1000;
    return {
      devices: o.devices, durationMs: o.durationMs,
      simulatedFrom: new Date(o.simulatedFrom).toISOString(), simulatedTo: new Date(o.simulatedTo).toISOString(),
      sent: this.sent, packets: this.records.size + this.settled.acked + Object.values(this.settled.refused).reduce((a, b) => a + b, 0), acked, refused, unacknowledged, backlog: o.backlog,
      reconnects: this.reconnects, faults: { ...this.faults },
      sentPerSecond: Math.round(this.sent / seconds), ackedPerSecond: Math.round(acked / seconds),
    };
  }
}

/**
 * The summary as text (Chinese / English), as `qingliu simulate` prints it.
 */
export function formatSummary(s: SimSummary): string {
  const refused = Object.entries(s.refused).map(([code, n]) => `QnRtn=${code} ${QN_RTN[Number(code) as keyof typeof QN_RTN] ?? ""}: ${n}`);
  const faults = Object.entries(s.faults).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`);
  return [
    `设备 / devices: ${s.devices}    用时 / real time: ${(s.durationMs / 1000).toFixed(1)} s    模拟时段 / simulated: ${s.simulatedFrom} → ${s.simulatedTo}`,
    `发送 / sent: ${s.sent} writes, ${s.packets} packets (${s.sentPerSecond}/s)`,
    `已应答 / acked (9014): ${s.acked} (${s.ackedPerSecond}/s)`,
    `被拒绝 / refused: ${refused.length ? refused.join(", ") : 0}`,
    `未应答 / unacknowledged: ${s.unacknowledged}    未发出 / backlog: ${s.backlog}`,
    `重连 / reconnects: ${s.reconnects}    注入故障 / faults: ${faults.length ? faults.join(", ") : "none"}`,
  ].join("\n");
}
