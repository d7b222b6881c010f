/**
 * @module HJ 212-2017 / HJ/T 212-2005 codec (污染物在线监控（监测）系统数据传输标准): framing, CRC (Appendix A), data
 * segment and CP parsing, code tables, 2005 mapping, split-packet reassembly, replies and requests, typed readings.
 * Pure TypeScript without Node imports; used by the gateway, the CLI and the browser.
 */
export * from "./crc";
export * from "./reasons";
export * from "./frame";
export * from "./cp";
export * from "./packet";
export * from "./codes";
export * from "./factors";
export * from "./time";
export * from "./version2005";
export * from "./reassemble";
export * from "./encode";
export * from "./reply";
export * from "./readings";
export * from "./check";
