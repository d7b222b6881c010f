/**
 * @module The HJ 212 device simulator (`qingliu simulate`, tests, benchmarks): a seeded fleet of surface-water
 * stations and enterprise outlets (devices.ts), their values (values.ts), packets (packets.ts), schedule and faults
 * (script.ts, faults.ts), the TCP runner (runner.ts, the only I/O) and the run's bookkeeping (summary.ts).
 */
export * from "./devices";
export * from "./values";
export * from "./packets";
export * from "./faults";
export * from "./script";
export * from "./summary";
export * from "./runner";
export * from "./parse";
export * from "./requests";
