import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataReply, encodePacket, Framer, parsePacket, qnReply } from "../../domain/hj212";
import { simulate } from "./simulate";
import { runCli } from "../test/runCli";

/** A stand-in gateway: 9014 for every good packet, 9011 QnRtn=9 for a bad CRC. */
function ackServer(): Promise<{ server: Server; port: number; packets: () => number }> {
  let packets = 0;
  const server = createServer((socket) => {
    const framer = new Framer();
    socket.on("error", () => {});
    socket.on("data", (chunk) => {
      for (const ev of framer.feed(chunk)) {
        if (ev.type !== "frame") continue;
        const parsed = parsePacket(ev.segment);
        if (!parsed.ok) continue;
        packets++;
        socket.write(encodePacket(ev.crcOk ? dataReply(parsed.packet) : qnReply(parsed.packet, 9))!);
      }
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () =>
    resolve({ server, port: (server.address() as { port: number }).port, packets: () => packets })));
}

describe("qingliu simulate", () => {
  let srv: Awaited<ReturnType<typeof ackServer>>;
  beforeAll(async () => { srv = await ackServer(); });
  afterAll(async () => { await new Promise((r) => srv.server.close(r)); });

  it("has the words and a help text naming every option", () => {
    expect(simulate.words).toEqual(["simulate"]);
    for (const o of ["--devices", "--interval", "--speedup", "--duration", "--mn-prefix", "--pw", "--bad-crc", "--garbage",
      "--disconnect", "--retransmit", "--out-of-order", "--exceed", "--list-devices", "--json"]) expect(simulate.help).toContain(o);
  });

  it("--list-devices prints the devices to register as JSON and sends nothing", async () => {
    const r = await runCli(simulate, ["--list-devices", "--devices", "3", "--mn-prefix", "DEMO", "--pw", "654321"]);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout);
    expect(list.map((d: { mn: string; st: string; kind: string }) => [d.mn, d.st, d.kind])).toEqual([
      ["DEMO0001", "21", "station"], ["DEMO0002", "32", "enterprise"], ["DEMO0003", "32", "enterprise"],
    ]);
    expect(list[0]).toMatchObject({ pw: "654321", expectedFactors: expect.arrayContaining(["w01001", "w21003", "w01003"]), point: { code: "SIM-DEMO0001", kind: "auto_station" } });
    expect(srv.packets()).toBe(0);
  });

  it.each([
    [["--speedup", "0"]], [["--interval", "1.5s"]], [["--interval", "soon"]], [["--bad-crc", "2"]], [["--exceed", "COD=9"]],
    [["--bad-crc", "0.6", "--garbage", "0.6"]], [["--devices", "0"]], [["--mn-prefix", "X".repeat(22)]], [["--start", "yesterday"]],
    [["--bogus"]], [["extra"]],
  ])("exits 2 on %j", async (argv) => {
    const r = await runCli(simulate, argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("usage");
  });

  it("runs for --duration and prints the summary as JSON: sent, acked, refused by QnRtn, faults", async () => {
    const r = await runCli(simulate, ["--devices", "4", "--speedup", "600", "--duration", "1s", "--port", String(srv.port), "--json",
      "--bad-crc", "10%", "--retransmit", "0.1", "--exceed", "w21003=8", "--drain", "2s", "--start", "2024-06-01T08:00:00+08:00"]);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({ devices: 4, unacknowledged: 0, backlog: 0, reconnects: 0 });
    expect(s.acked).toBeGreaterThan(50);
    expect(s.sent).toBeGreaterThan(s.packets); // retransmissions
    expect(s.refused["9"]).toBe(s.faults.badCrc);
    expect(s.notAcknowledged).toHaveLength(s.faults.badCrc);
    expect(s.notAcknowledged[0]).toMatchObject({ state: "refused", qnRtn: 9 });
    expect(s.simulatedFrom).toBe("2024-06-01T00:00:00.000Z");
  });

  it("prints a text summary; --qns lists the acknowledged QNs", async () => {
    const text = await runCli(simulate, ["--devices", "2", "--speedup", "300", "--duration", "500ms", "--port", String(srv.port)]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/acked \(9014\): \d+/);
    expect(text.stdout).toContain("reconnects: 0");
    const json = await runCli(simulate, ["--devices", "1", "--speedup", "300", "--duration", "500ms", "--port", String(srv.port), "--json", "--qns"]);
    const s = JSON.parse(json.stdout);
    expect(s.acknowledged.length).toBe(s.acked);
    expect(s.acknowledged[0]).toMatchObject({ mn: "QLSIM0001", acks: 1 });
  });

  it("exits 1 when nothing is acknowledged (no gateway listening)", async () => {
    const closed = await ackServer();
    await new Promise((r) => closed.server.close(r));
    const r = await runCli(simulate, ["--devices", "2", "--speedup", "600", "--duration", "300ms", "--drain", "200ms", "--port", String(closed.port)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/acked \(9014\): 0/);
  });
});
