/**
 * @module What one simulated device sends, in simulated time, without any I/O: real-time uploads (2011) every
 * interval (each device at its own phase), minute uploads (2051) on minute boundaries and hour uploads (2061) on
 * hour boundaries — DataTime the start of the period just ended — with faults drawn per packet. QNs come from the
 * simulated instant and strictly increase per device (a millisecond is added when two packets share an instant), so
 * (MN, QN) names one packet. The runner writes the script's output to a socket; tests read it directly.
 */
import type { SimDevice } from "./devices";
import { cutPoint, drawFault, garbageBytes, withBadCrc, type FaultKind, type FaultRates } from "./faults";
import { encodeUpload, periodPacket, PERIODS, qnOf, realtimePacket, type UploadCn } from "./packets";
import { hashOf, seededRng, type Rng } from "./random";

/** How a device behaves. */
export interface ScriptOptions {
  /** Real-time upload interval in simulated ms (whole seconds, ≥ 1 s). */
  intervalMs: number;
  /** Fault rates per packet. */
  faults: FaultRates;
  /** Send minute uploads (2051); false: real-time and hour data only (the demo district, to stay small). */
  minuteData?: boolean;
}

/** One packet to write, in the order the device writes them. */
export interface Outgoing {
  mn: string;
  cn: UploadCn;
  qn: string;
  /** DataTime (epoch ms): sampling instant for 2011, period start for 2051/2061. */
  dataTime: number;
  /** Simulated instant the device sends it. */
  at: number;
  /** The well-formed packet (what a resend after a disconnect or timeout writes). */
  text: string;
  /** The fault of this write, or null. */
  fault: FaultKind | null;
  /** True for the second copy of a `retransmit` packet. */
  repeat: boolean;
  /** `badCrc`: the bytes to write instead of `text`. */
  wire?: string;
  /** `garbage`: junk written before the packet. */
  garbage?: Uint8Array;
  /** `disconnect`: write only `text.slice(0, cutAt)`, then drop the connection. */
  cutAt?: number;
}

interface Later {
  left: number;
  make: (at: number) => Outgoing;
}

/** The packet stream of one device. */
export class DeviceScript {
  private last: number;
  private lastQnMs = -Infinity;
  private readonly phase: number;
  private readonly rng: Rng;
  private later: Later[] = [];

  /**
   * @param device the device
   * @param opts interval and fault rates
   * @param start simulated instant the device starts at (events strictly after it are sent)
   */
  constructor(readonly device: SimDevice, private opts: ScriptOptions, start: number) {
    if (!Number.isInteger(opts.intervalMs / 1000) || opts.intervalMs < 1000) throw new Error("interval must be whole seconds ≥ 1 s");
    this.last = Math.floor(start);
    this.phase = (hashOf(device.seed, "phase") % (opts.intervalMs / 1000)) * 1000;
    this.rng = seededRng(hashOf(device.seed, "faults"));
  }

  /** Packets due in (previous call, `to`], in sending order. */
  advance(to: number): Outgoing[] {
    const out: Outgoing[] = [];
    const { intervalMs } = this.opts;
    for (;;) {
      const nextRt = this.phase + (Math.floor((this.last - this.phase) / intervalMs) + 1) * intervalMs;
      const nextMin = (Math.floor(this.last / 60_000) + 1) * 60_000;
      const t = Math.min(nextRt, nextMin);
      if (t > to) break;
      this.last = t;
      if (t === nextRt) this.event(out, "2011", t, t);
      if (t === nextMin && this.opts.minuteData !== false) this.event(out, "2051", t - PERIODS["2051"].ms, t);
      if (t % PERIODS["2061"].ms === 0) this.event(out, "2061", t - PERIODS["2061"].ms, t);
    }
    return out;
  }

  /**
   * Hour uploads (2061) of every whole hour between `from` and `to`, oldest first, as a data logger sends what the
   * platform missed (补发) when its link comes back: DataTime the hour start, QNs from the device's clock at the
   * script's start. No faults. Call before `advance`.
   */
  history(from: number, to: number): Outgoing[] {
    const out: Outgoing[] = [];
    const hour = PERIODS["2061"].ms;
    for (let h = Math.ceil(from / hour) * hour; h + hour <= to; h += hour) out.push(this.build("2061", h, this.last, null));
    return out;
  }

  /** Everything held back (out-of-order uploads, pending repeats), sent now: for the end of a run. */
  flush(): Outgoing[] {
    const out = this.later.map((l) => l.make(this.last));
    this.later = [];
    return out;
  }

  private qn(at: number): string {
    this.lastQnMs = Math.max(Math.floor(at), this.lastQnMs + 1);
    return qnOf(this.lastQnMs);
  }

  private build(cn: UploadCn, dataTime: number, at: number, fault: FaultKind | null): Outgoing {
    const qn = this.qn(at);
    const packet = cn === "2011" ? realtimePacket(this.device, dataTime, qn) : periodPacket(this.device, cn, dataTime, qn);
    return { mn: this.device.mn, cn, qn, dataTime, at, text: encodeUpload(packet), fault, repeat: false };
  }

  private event(out: Outgoing[], cn: UploadCn, dataTime: number, at: number) {
    const fault = drawFault(this.rng, this.opts.faults, cn !== "2011");
    // Packets held back earlier come after this event: first count this event against them.
    const due = this.later.filter((l) => --l.left <= 0);
    this.later = this.later.filter((l) => l.left > 0);
    if (fault === "outOfOrder") {
      this.later.push({ left: this.rng.int(2, 6), make: (when) => this.build(cn, dataTime, when, "outOfOrder") });
    } else {
      const o = this.build(cn, dataTime, at, fault);
      if (fault === "badCrc") o.wire = withBadCrc(o.text, this.rng);
      else if (fault === "garbage") o.garbage = garbageBytes(this.rng);
      else if (fault === "disconnect") o.cutAt = cutPoint(o.text, this.rng);
      else if (fault === "retransmit") this.later.push({ left: 1, make: () => ({ ...o, repeat: true }) });
      out.push(o);
    }
    for (const l of due) out.push(l.make(at));
  }
}
