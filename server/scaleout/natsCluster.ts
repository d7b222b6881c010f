/**
 * @module A throwaway NATS cluster on loopback for tests and benchmarks: N `nats-server` processes (Debian's, 2.9)
 * with JetStream on file storage in a temp dir, routed to each other as one cluster. Each node can be killed
 * (SIGKILL) and started again on the same ports and store, as a machine failing and coming back would.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect as tcpConnect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "../test/childProcess";

/** Where Debian installs the server (package `nats-server`). */
export const NATS_SERVER_BIN = process.env.QINGLIU_NATS_SERVER ?? "/usr/sbin/nats-server";

/** One node of the cluster. */
export interface NatsNode {
  name: string;
  /** Client port. */
  port: number;
  /** nats://127.0.0.1:port */
  url: string;
  /** Whether its process is running. */
  running(): boolean;
  /** Its process id while running. */
  pid(): number | null;
  /** Kills the process (SIGKILL) and waits for it to exit. */
  kill(): Promise<void>;
  /** Starts it again with the same configuration and store. */
  start(): Promise<void>;
}

/** A running cluster. */
export interface NatsCluster {
  nodes: NatsNode[];
  /** Every node's URL, comma-separated: the value of NATS_URL. */
  urls: string;
  /** Kills every node and removes the stores. */
  stop(): Promise<void>;
}

function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const s = tcpConnect(port, "127.0.0.1", () => (s.destroy(), resolve()));
      s.once("error", () => {
        if (Date.now() > end) reject(new Error(`nats-server did not open port ${port} in ${timeoutMs} ms`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

/** Waits until the node's /healthz answers 200: clustered JetStream has a meta leader and the node is current. */
async function waitForHealthy(httpPort: number, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  let last = "";
  while (Date.now() < end) {
    try {
      const r = await fetch(`http://127.0.0.1:${httpPort}/healthz`);
      if (r.ok) return;
      last = await r.text();
    } catch (e) {
      last = (e as Error).message;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`nats-server not healthy in ${timeoutMs} ms: ${last}`);
}

/**
 * Starts `size` nodes (1 = a single server without clustering). Throws with the install hint when the binary is
 * missing.
 * @example const nats = await startNatsCluster(3); process.env.NATS_URL = nats.urls;
 */
export async function startNatsCluster(size = 3): Promise<NatsCluster> {
  if (!existsSync(NATS_SERVER_BIN)) throw new Error(`nats-server not found at ${NATS_SERVER_BIN}: apt-get install -y nats-server`);
  const dir = mkdtempSync(join(tmpdir(), "qingliu-nats-"));
  const ports = await Promise.all(
    Array.from({ length: size }, async () => ({ client: await freePort(), route: await freePort(), http: await freePort() })),
  );
  const nodes: NatsNode[] = ports.map((p, i) => {
    const name = `n${i + 1}`;
    const conf = join(dir, `${name}.conf`);
    const routes = ports.filter((_, j) => j !== i).map((q) => `"nats-route://127.0.0.1:${q.route}"`);
    writeFileSync(conf, [
      `server_name: ${name}`,
      `listen: "127.0.0.1:${p.client}"`,
      // The monitoring port answers /healthz once JetStream is current on the node.
      `http: "127.0.0.1:${p.http}"`,
      // Small limits: a test stream never needs more, and the servers start faster on a shared machine.
      `jetstream { store_dir: "${join(dir, name)}", max_memory_store: 64MB, max_file_store: 2GB }`,
      size > 1 ? `cluster { name: qingliu, listen: "127.0.0.1:${p.route}", routes: [${routes.join(", ")}] }` : "",
      "",
    ].join("\n"));
    let child: ChildProcess | null = null;
    let exited: Promise<void> = Promise.resolve();
    return {
      name,
      port: p.client,
      url: `nats://127.0.0.1:${p.client}`,
      running: () => child !== null,
      pid: () => child?.pid ?? null,
      async kill() {
        const c = child;
        if (!c) return;
        c.kill("SIGKILL");
        await exited;
      },
      async start() {
        if (child) return;
        const c = spawn(NATS_SERVER_BIN, ["-c", conf], { stdio: ["ignore", "ignore", "pipe"] });
        let err = "";
        c.stderr!.on("data", (d) => (err = (err + d).slice(-4000)));
        child = c;
        exited = new Promise((resolve) => c.on("exit", () => ((child = null), resolve())));
        await waitForPort(p.client, 20_000)
          .then(() => waitForHealthy(p.http, 30_000))
          .catch((e) => {
            throw new Error(`${(e as Error).message}\n${err}`);
          });
      },
    };
  });
  await Promise.all(nodes.map((n) => n.start()));
  return {
    nodes,
    urls: nodes.map((n) => n.url).join(","),
    async stop() {
      await Promise.all(nodes.map((n) => n.kill()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
