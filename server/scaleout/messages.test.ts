import { describe, expect, it } from "vitest";
import type { DecodedUpload } from "../gateway/store";
import { decodeMessage, encodeErrors, encodeUpload, streamSubjects, subjectToken, uploadMessageId } from "./messages";

/** The stream's wire format: what the writer decodes is what the gateway decoded, to the millisecond. */
const upload: DecodedUpload = {
  mn: "ZZ.DEMO*01", cn: "2051", qn: "20240601101000123", dataTime: new Date("2024-06-01T02:10:00.000Z"),
  readings: [
    { point_id: "9b2f6c1e-1234-4a5b-8c9d-0123456789ab", factor: "w21003", period: "min", t: new Date("2024-06-01T02:10:00.000Z"), value: 0.523,
      flag: "N", source: "gateway", detection_limit: null, original_value: 0.523, original_unit: "mg/L", min_value: 0.5, max_value: 0.55,
      cou_value: null, device_mn: "ZZ.DEMO*01", packet_qn: "20240601101000123", author_id: null, reason: null },
    { point_id: "9b2f6c1e-1234-4a5b-8c9d-0123456789ab", factor: "w01001", period: "min", t: new Date("2024-06-01T02:10:00.000Z"), value: null,
      flag: "D", source: "gateway", detection_limit: null, original_value: null, original_unit: null, min_value: null, max_value: null,
      cou_value: null, device_mn: "ZZ.DEMO*01", packet_qn: "20240601101000123", author_id: null, reason: null },
  ],
};

describe("stream messages", () => {
  it("round-trips an upload exactly, null columns included", () => {
    const decoded = decodeMessage(encodeUpload(upload));
    expect(decoded).toEqual({ kind: "upload", upload });
  });

  it("round-trips refusal counts and refuses what it cannot read", () => {
    expect(decodeMessage(encodeErrors([["MN1", { count: 3, last: "CRC 校验错误" }]]))).toEqual({ kind: "errors", errors: [["MN1", { count: 3, last: "CRC 校验错误" }]] });
    expect(() => decodeMessage(new TextEncoder().encode('{"v":2,"kind":"upload"}'))).toThrow(/version 2/);
    expect(() => decodeMessage(new TextEncoder().encode('{"v":1,"kind":"upload","mn":"x"}'))).toThrow(/malformed/);
    expect(() => decodeMessage(new TextEncoder().encode("not json"))).toThrow();
  });

  it("keeps an MN out of subject syntax and names a packet by its ledger key", () => {
    expect(subjectToken("ZZ.DEMO*01")).toBe("ZZ_DEMO_01");
    expect(streamSubjects("QINGLIU_UPLOADS").upload(subjectToken("ZZ.DEMO*01"))).toBe("QINGLIU_UPLOADS.upload.ZZ_DEMO_01");
    expect(uploadMessageId(upload)).toBe(`ZZ.DEMO*01|2051|20240601101000123|${Date.UTC(2024, 5, 1, 2, 10)}`);
    expect(uploadMessageId({ ...upload, dataTime: null })).toBe("ZZ.DEMO*01|2051|20240601101000123|");
  });
});
