/**
 * @module Test helpers: a device's side of an HJ 212 TCP connection and an upload-packet builder.
 */
import { connect, type Socket } from "node:net";
import { encodePacket, flagBits, parsePacket, type Packet } from "../../domain/hj212";

/** A device's side of a TCP connection: sends raw bytes, collects reply packets. */
export class TestDevice {
  private buf = "";
  replies: Packet[] = [];
  constructor(readonly socket: Socket) {
    socket.setEncoding("utf8");
    socket.on("data", (d: string) => {
      this.buf += d;
      let i: number;
      while ((i = this.buf.indexOf("\r\n")) >= 0) {
        const line = this.buf.slice(0, i);
        this.buf = this.buf.slice(i + 2);
        const segment = line.slice(6, -4);
        const p = parsePacket(segment);
        if (p.ok) this.replies.push(p.packet);
      }
    });
  }
  static open(port: number): Promise<TestDevice> {
    return new Promise((resolve, reject) => {
      const s = connect(port, "127.0.0.1", () => resolve(new TestDevice(s)));
      s.once("error", reject);
    });
  }
  send(text: string) {
    this.socket.write(text);
  }
  async waitFor(n: number, timeoutMs = 30_000) {
    const end = Date.now() + timeoutMs;
    while (this.replies.length < n && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    return this.replies;
  }
}

/** An encoded upload packet (hourly Avg values by default). */
export function uploadPacket(o: { qn: string; mn?: string; pw?: string; cn?: string; time: string; values: Record<string, string>; flag?: number }): string {
  const p: Packet = {
    qn: o.qn, st: "21", cn: o.cn ?? "2061", pw: o.pw ?? "123456", mn: o.mn ?? "ZZ0001", flag: flagBits(o.flag ?? 5),
    cp: {
      dataTime: o.time,
      factors: Object.entries(o.values).map(([code, v]) => ({ code, fields: { [o.cn === "2011" ? "Rtd" : "Avg"]: v, Flag: "N" } })),
      devices: [],
      other: [],
    },
    extra: [],
  };
  return encodePacket(p)!;
}

