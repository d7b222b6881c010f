/**
 * @module Platform-to-device requests (HJ 212-2017 §6.7.2, reference §4.11): send the request, wait for the
 * 9011 请求应答 (QnRtn), receive any data the request asks for (history backfill 补发), then the 9012 执行结果
 * (ExeRtn). No answer within the timeout ⇒ resend, up to the retry count; after that the link is reported unusable.
 * Defaults follow Table 1 for GPRS/4G links: 10 s, 3 retries.
 */
import type { Packet } from "../../domain/hj212";
import type { CommandOutcome } from "../../domain/hj212/exchange";

export type { CommandOutcome };

/** Timeout and retries of one request. */
export interface CommandTiming {
  timeoutMs: number;
  retries: number;
}

/** Table 1 defaults for wireless links. */
export const DEFAULT_TIMING: CommandTiming = { timeoutMs: 10_000, retries: 3 };

interface Pending {
  stage: "await9011" | "await9012";
  outcome: CommandOutcome;
  /** Resolves the wait of the current stage. */
  wake: () => void;
}

/** Tracks requests in flight by (MN, QN) and matches the device's answers to them. */
export class CommandTracker {
  private pending = new Map<string, Pending>();

  /**
   * Runs one request: `send` writes it (again on each retry). Resolves when the exchange ends.
   * @example tracker.run(mn, timeSyncRequest(h, new Date()), (p) => session.send(p))
   */
  async run(mn: string, request: Packet, send: (p: Packet) => boolean, timing: CommandTiming = DEFAULT_TIMING): Promise<CommandOutcome> {
    const key = `${mn}\u0000${request.qn}`;
    const p: Pending = { stage: "await9011", outcome: { status: "timeout", qnRtn: null, exeRtn: null, dataPackets: 0, attempts: 0 }, wake: () => {} };
    this.pending.set(key, p);
    try {
      // Stage 1: request → 9011, resending on timeout.
      while (p.stage === "await9011" && p.outcome.attempts <= timing.retries) {
        p.outcome.attempts++;
        if (!send(request)) break;
        await this.wait(p, timing.timeoutMs);
      }
      if (p.stage === "await9011" || p.outcome.status === "refused") return p.outcome;
      // Stage 2: data (if any) → 9012. Each data packet restarts the execution timeout.
      for (;;) {
        const before = p.outcome.dataPackets;
        await this.wait(p, timing.timeoutMs);
        if (p.outcome.status === "done") return p.outcome;
        if (p.outcome.dataPackets === before) return { ...p.outcome, status: "timeout" };
      }
    } finally {
      this.pending.delete(key);
    }
  }

  /** Feeds a packet from the device; true when it belonged to a request in flight. */
  onPacket(mn: string, packet: Packet): boolean {
    const p = packet.qn ? this.pending.get(`${mn}\u0000${packet.qn}`) : undefined;
    if (!p) return false;
    const value = (key: string) => {
      const v = packet.cp.other.find((o) => o.key === key)?.value;
      return v === undefined ? null : Number(v);
    };
    if (packet.cn === "9011") {
      p.outcome.qnRtn = value("QnRtn");
      if (p.outcome.qnRtn === 1) p.stage = "await9012";
      else p.outcome.status = "refused";
    } else if (packet.cn === "9012") {
      p.outcome.exeRtn = value("ExeRtn");
      p.outcome.status = "done";
      p.stage = "await9012";
    } else {
      p.outcome.dataPackets++;
      // Data is the proof the request was accepted even if the 9011 was lost.
      p.stage = "await9012";
      return false;
    }
    p.wake();
    return true;
  }

  private wait(p: Pending, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(resolve, ms);
      p.wake = () => {
        clearTimeout(t);
        resolve();
      };
    });
  }
}
