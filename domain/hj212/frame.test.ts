import { describe, expect, it } from "vitest";
import { encodeFrame } from "./encode";
import { Framer, MAX_PACKET_BYTES, splitPacketText, type FrameEvent } from "./frame";

const A = "QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&";
const B = "QN=20160801090000001;ST=91;CN=9014;PW=123456;MN=010000A8900016F000169DC0;Flag=4;CP=&&&&";
const PA = `##0101${A}1C80\r\n`;
const PB = `##0087${B}FF01\r\n`;

function run(chunks: (string | Uint8Array)[], framer = new Framer()): FrameEvent[] {
  const out: FrameEvent[] = [];
  for (const c of chunks) for (const ev of framer.feed(c)) out.push(ev);
  return out;
}
const frames = (evs: FrameEvent[]) => evs.flatMap((e) => (e.type === "frame" ? [e] : []));
const errors = (evs: FrameEvent[]) => evs.flatMap((e) => (e.type === "error" ? [`${e.reason.code}:${e.skipped}`] : []));

describe("Framer", () => {
  it("frames one packet", () => {
    const [f] = frames(run([PA]));
    expect(f).toMatchObject({ segment: A, declaredLength: 101, crcOk: true, lengthOk: true, reason: null, crc: 0x1c80 });
  });

  it("frames many packets in one chunk (pipelined), as string or bytes", () => {
    const text = PA + PB + PA;
    for (const input of [text, new TextEncoder().encode(text)]) {
      expect(frames(run([input])).map((f) => f.segment)).toEqual([A, B, A]);
    }
  });

  it("frames packets split at every position, and byte by byte", () => {
    const text = PA + PB;
    for (let cut = 0; cut <= text.length; cut++) {
      const evs = run([text.slice(0, cut), text.slice(cut)]);
      expect(frames(evs).map((f) => f.segment)).toEqual([A, B]);
      expect(errors(evs)).toEqual([]);
    }
    const bytes = new TextEncoder().encode(text);
    expect(frames(run(Array.from(bytes, (b) => Uint8Array.of(b)))).map((f) => f.segment)).toEqual([A, B]);
  });

  it("skips garbage before, between and after packets and resynchronises on ##", () => {
    const evs = run(["xx\r\n#junk", PA, "garbage#", PB.slice(1), "tail"]);
    expect(frames(evs).map((f) => f.segment)).toEqual([A, B]);
    expect(errors(evs)).toEqual(["frame.garbage:9", "frame.garbage:7", "frame.garbage:4"]);
    // "###0087…": the first "##" has no digits after it; the next one starts the packet
    const triple = run(["#", "#", PB.slice(1)]);
    expect(errors(triple)).toEqual(["frame.length_invalid:1"]);
    expect(frames(triple).map((f) => f.segment)).toEqual([B]);
  });

  it("reports a bad CRC and a wrong length but keeps the frame", () => {
    const [bad] = frames(run([PA.replace("1C80", "1C81")]));
    expect(bad.crcOk).toBe(false);
    expect(bad.reason?.code).toBe("frame.crc_mismatch");
    const [short] = frames(run([PA.replace("##0101", "##0099") + PB]));
    expect(short.lengthOk).toBe(false);
    expect(short.reason?.code).toBe("frame.length_mismatch");
    expect(short.segment).toBe(A); // ended at CR LF, not where the wrong length said
  });

  it("a too-large length does not swallow the next packet", () => {
    const evs = run([PA.replace("##0101", "##0900") + PB]);
    expect(frames(evs).map((f) => [f.segment, f.lengthOk])).toEqual([[A, false], [B, true]]);
  });

  it("cuts a packet that loses its tail when the next header arrives", () => {
    const evs = run([PA.slice(0, 50) + PB]);
    expect(errors(evs)).toEqual(["frame.truncated:50"]);
    expect(frames(evs).map((f) => f.segment)).toEqual([B]);
  });

  it("refuses non-digit and over-1024 lengths, then resynchronises", () => {
    const evs = run(["##01a1xyz" + PB + "##2000" + "x".repeat(30) + "\r\n" + PB]);
    expect(errors(evs)).toEqual(["frame.length_invalid:1", "frame.garbage:8", "frame.too_long:2", "frame.garbage:36"]);
    expect(frames(evs)).toHaveLength(2);
  });

  it("lower-case CRC hex is accepted", () => {
    expect(frames(run([`##0087${B}ff01\r\n`]))[0].crcOk).toBe(true);
  });

  it("bounds its buffer: an endless packet is dropped after MAX_PACKET_BYTES", () => {
    const framer = new Framer();
    const evs = run(["##0100", ...Array.from({ length: 20 }, () => "y".repeat(500))], framer);
    expect(framer.buffered).toBeLessThanOrEqual(MAX_PACKET_BYTES);
    expect(errors(evs)[0]).toBe("frame.unterminated:2");
    expect(frames(run([PB], framer)).map((f) => f.segment)).toEqual([B]);
  });

  it("too-short frames are errors", () => {
    expect(errors(run(["##0000AB\r\n" + PB]))).toEqual(["frame.too_short:10"]);
  });

  it("accepts a length that counts characters or UTF-8 bytes of Chinese text", () => {
    const seg = "QN=20160801085857223;ST=32;CN=3020;PW=123456;MN=010000A8900016F000169DC0;Flag=4;CP=&&i13004-Info=清流&&";
    const bytesFrame = encodeFrame(seg)!;
    const charsFrame = bytesFrame.replace(/^##\d{4}/, "##" + String(seg.length).padStart(4, "0"));
    for (const p of [bytesFrame, charsFrame]) {
      const [f] = frames(run([new TextEncoder().encode(p + PB)]));
      expect(f).toMatchObject({ segment: seg, lengthOk: true, crcOk: true });
      expect(splitPacketText(p)).toMatchObject({ segment: seg, lengthOk: true, crcOk: true });
    }
  });
});

describe("splitPacketText", () => {
  it.each([
    ["", "frame.header_missing"],
    ["#0101", "frame.header_missing"],
    ["##01x1" + A + "1C80", "frame.length_invalid"],
    ["##0101", "frame.too_short"],
    ["##0101" + A + "1C8G", "frame.crc_invalid"],
    ["##0101" + A + "1C80\r\n", null],
    ["##0101" + A + "1C80\n", null],
  ])("%j → %s", (line, code) => expect(splitPacketText(line).reason?.code ?? null).toBe(code));
});
