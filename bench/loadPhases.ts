/**
 * @module Pieces of the load benchmark (./load.ts): one phase of users sending requests (closed loop or with think
 * time) with latencies per request kind, CPU accounting of the server process and of a PostgreSQL cluster from
 * /proc (CPU seconds do not depend on other processes sharing the machine, so they carry over to sizing), and the
 * printed report of a phase.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** Linux USER_HZ: /proc CPU times are in these ticks. */
const TICKS = 100;

/** One measured phase. */
export interface Phase {
  name: string;
  requests: number;
  errors: number;
  seconds: number;
  /** Every latency (ms), sorted. */
  ms: number[];
  /** Latencies by request kind, sorted. */
  byKind: Map<string, number[]>;
  /** CPU seconds used during the phase. */
  cpu: { server: number; postgres: number };
  /** Values stored per second meanwhile (ingest phases). */
  valuesPerSec?: number;
  /** PostgreSQL sessions opened meanwhile (connections the pools had to make). */
  sessionsOpened?: number;
  /** The machine's 1-minute load average at the end. */
  loadAverage?: number;
}

/** The p-th percentile of sorted values. */
export const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN);

/** CPU seconds (user + system) a process has used; with `children`, also those of its reaped children. */
export function cpuOf(pid: number, children = false): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    // Fields after "(comm) ": state=0 … utime=11 stime=12 cutime=13 cstime=14.
    return (Number(f[11]) + Number(f[12]) + (children ? Number(f[13]) + Number(f[14]) : 0)) / TICKS;
  } catch {
    return 0;
  }
}

/**
 * CPU seconds a PostgreSQL cluster has used: the postmaster, the backends it already reaped (its children's
 * times) and the backends alive now.
 */
export function postgresCpu(clusterDir: string): number {
  let postmaster: number;
  try {
    postmaster = Number(readFileSync(join(clusterDir, "data", "postmaster.pid"), "utf8").split("\n")[0]);
  } catch {
    return 0;
  }
  let total = cpuOf(postmaster, true);
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${d}/stat`, "utf8").split(") ")[1].split(" ")[1]);
      if (ppid === postmaster) total += cpuOf(Number(d));
    } catch {
      /* gone meanwhile */
    }
  }
  return total;
}

/** What a phase runs. */
export interface PhaseSpec {
  name: string;
  users: number;
  ms: number;
  base: string;
  /** The next request of user `u`. */
  next: (u: number) => { url: string; cookie?: string; kind: string };
  /** Pause after each answer (interactive users); absent: closed loop. */
  thinkMs?: () => number;
  /** CPU seconds used so far by the server and PostgreSQL. */
  cpu: () => { server: number; postgres: number };
}

/** Runs `users` users for `ms`. */
export async function runPhase(p: PhaseSpec): Promise<Phase> {
  const latencies: number[] = [];
  const byKind = new Map<string, number[]>();
  let errors = 0;
  const end = Date.now() + p.ms;
  const cpu0 = p.cpu();
  const t0 = performance.now();
  await Promise.all(Array.from({ length: p.users }, async (_, u) => {
    // Interactive users start spread out, as people do.
    if (p.thinkMs) await new Promise((r) => setTimeout(r, Math.random() * p.thinkMs!()));
    while (Date.now() < end) {
      const r = p.next(u);
      const s = performance.now();
      try {
        const res = await fetch(p.base + r.url, { headers: r.cookie ? { cookie: r.cookie } : {} });
        await res.arrayBuffer();
        if (!res.ok) errors++;
      } catch {
        errors++;
      }
      const took = performance.now() - s;
      latencies.push(took);
      (byKind.get(r.kind) ?? byKind.set(r.kind, []).get(r.kind)!).push(took);
      if (p.thinkMs) await new Promise((res) => setTimeout(res, p.thinkMs!()));
    }
  }));
  const seconds = (performance.now() - t0) / 1000;
  const cpu1 = p.cpu();
  for (const v of byKind.values()) v.sort((a, b) => a - b);
  return {
    name: p.name, requests: latencies.length, errors, seconds, ms: latencies.sort((a, b) => a - b), byKind,
    cpu: { server: cpu1.server - cpu0.server, postgres: cpu1.postgres - cpu0.postgres },
  };
}

const f = (x: number) => x.toFixed(1).padStart(7);

/** Prints a phase: totals, CPU per request, and each request kind (with `kinds`). */
export function report(r: Phase, kinds = true) {
  console.log(
    `  ${r.name.padEnd(38)} ${String(r.requests).padStart(6)} req ${(r.requests / r.seconds).toFixed(0).padStart(5)} req/s` +
      `  p50 ${f(pct(r.ms, 50))}  p95 ${f(pct(r.ms, 95))}  p99 ${f(pct(r.ms, 99))}  max ${f(r.ms.at(-1) ?? NaN)} ms  errors ${r.errors}` +
      (r.valuesPerSec !== undefined ? `  ingest ${Math.round(r.valuesPerSec).toLocaleString("en")} values/s` : ""),
  );
  console.log(
    `      CPU: web server ${((r.cpu.server / r.seconds) * 100).toFixed(0)}% of a core, ${((r.cpu.server * 1000) / r.requests).toFixed(2)} ms/request; ` +
      `PostgreSQL ${((r.cpu.postgres / r.seconds) * 100).toFixed(0)}%, ${((r.cpu.postgres * 1000) / r.requests).toFixed(2)} ms/request` +
      (r.valuesPerSec ? " (PostgreSQL includes the ingest)" : "") +
      (r.sessionsOpened !== undefined ? `; ${r.sessionsOpened} PostgreSQL sessions opened` : "") +
      (r.loadAverage !== undefined ? `; load average ${r.loadAverage.toFixed(1)}` : ""),
  );
  if (!kinds || r.byKind.size < 2) return;
  for (const [k, v] of [...r.byKind.entries()].sort()) {
    console.log(`      ${k.padEnd(34)} ${String(v.length).padStart(6)} req  p50 ${f(pct(v, 50))}  p99 ${f(pct(v, 99))} ms`);
  }
}
