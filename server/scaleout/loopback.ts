/**
 * @module The scale-out topology on one machine, for the scale-out test and benchmark: a NATS cluster, gateway
 * processes (`SERVICES=gateway` with NATS_URL) and writer processes (`SERVICES=writer`), all real `qingliu serve`
 * child processes against one PostgreSQL database. Processes and NATS nodes can be killed mid-run.
 */
import { connect as tcpConnect } from "node:net";
import { connect } from "@nats-io/transport-node";
import { jetstreamManager } from "@nats-io/jetstream";
import { freePort, spawnServer, type ServerProcess } from "../test/childProcess";
import { startNatsCluster, type NatsCluster } from "./natsCluster";

/** What to start. */
export interface LoopbackOptions {
  /** postgres://… of a migrated database with the devices registered. */
  databaseUrl: string;
  natsNodes: number;
  gateways: number;
  writers: number;
  /** Seconds before JetStream redelivers what a (dead) writer held. */
  ackWaitSeconds: number;
  stream?: string;
}

/** A running topology. */
export interface Loopback {
  nats: NatsCluster;
  /** Gateway processes with their HJ 212 ports. */
  gateways: { process: ServerProcess; port: number }[];
  writers: ServerProcess[];
  stream: string;
  consumer: string;
  /** The node currently leading the stream (its replicas elect one). */
  streamLeader(): Promise<string | undefined>;
  /** Messages not yet committed by a writer: pending delivery plus delivered and unacknowledged. */
  backlog(): Promise<number>;
  /** Waits until every message in the stream was committed and acknowledged. */
  drained(timeoutMs: number): Promise<void>;
  /** Stops everything. */
  stop(): Promise<void>;
}

function waitForPort(port: number, timeoutMs: number, proc: ServerProcess): Promise<void> {
  const end = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const s = tcpConnect(port, "127.0.0.1", () => (s.destroy(), resolve()));
      s.once("error", () => {
        if (Date.now() > end) reject(new Error(`gateway port ${port} did not open:\n${proc.output()}`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

async function waitForOutput(proc: ServerProcess, text: string, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!proc.output().includes(text)) {
    if (Date.now() > end) throw new Error(`process did not print "${text}" in ${timeoutMs} ms:\n${proc.output()}`);
    if (proc.child.exitCode !== null) throw new Error(`process exited:\n${proc.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts the NATS cluster, then gateways and writers (in parallel), each ready when this resolves. */
export async function startLoopback(o: LoopbackOptions): Promise<Loopback> {
  const stream = o.stream ?? "QINGLIU_UPLOADS";
  const consumer = "writers";
  const nats = await startNatsCluster(o.natsNodes);
  const env = {
    DATABASE_URL: o.databaseUrl,
    DATABASE_POOL_SIZE: "4",
    NATS_URL: nats.urls,
    NATS_STREAM: stream,
    NATS_ACK_WAIT: String(o.ackWaitSeconds),
    DEMO: "false",
    LOG_LEVEL: "info",
  };
  const started: ServerProcess[] = [];
  try {
    // The first gateway creates the stream; the others find it.
    const gatewayPorts = await Promise.all(Array.from({ length: o.gateways }, () => freePort()));
    const gateways = await Promise.all(gatewayPorts.map(async (port) => {
      const p = await spawnServer({ ...env, SERVICES: "gateway", GATEWAY_PORT: String(port) });
      started.push(p);
      await waitForPort(port, 60_000, p);
      return { process: p, port };
    }));
    const writers = await Promise.all(Array.from({ length: o.writers }, async () => {
      const p = await spawnServer({ ...env, SERVICES: "writer" });
      started.push(p);
      await waitForOutput(p, "writer consuming JetStream", 60_000);
      return p;
    }));
    const nc = await connect({ servers: nats.urls.split(","), maxReconnectAttempts: -1, reconnectTimeWait: 250 });
    const jsm = await jetstreamManager(nc);
    const backlog = async () => {
      const info = await jsm.consumers.info(stream, consumer);
      return info.num_pending + info.num_ack_pending;
    };
    return {
      nats,
      gateways,
      writers,
      stream,
      consumer,
      streamLeader: async () => (await jsm.streams.info(stream)).cluster?.leader,
      backlog,
      async drained(timeoutMs) {
        const end = Date.now() + timeoutMs;
        for (;;) {
          const n = await backlog().catch(() => -1);
          if (n === 0) return;
          if (Date.now() > end) throw new Error(`stream not drained in ${timeoutMs} ms: ${n} messages left`);
          await new Promise((r) => setTimeout(r, 250));
        }
      },
      async stop() {
        await nc.close().catch(() => {});
        await Promise.all(started.map(async (p) => {
          if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill("SIGTERM");
          await p.exited;
        }));
        await nats.stop();
      },
    };
  } catch (err) {
    for (const p of started) p.child.kill("SIGKILL");
    await nats.stop();
    throw err;
  }
}
