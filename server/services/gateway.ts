/**
 * @module The gateway service: the HJ 212 TCP server with its device registry and its store — the group committer,
 * or with NATS_URL the JetStream publisher of the scale-out mode (loaded only then, so the embedded mode never
 * touches NATS).
 */
import type { Kysely } from "kysely";
import type { FastifyBaseLogger } from "fastify";
import type { DB } from "../db/schema";
import type { Config } from "../env";
import { DeviceRegistry } from "../gateway/devices";
import { GroupCommitter } from "../gateway/groupCommit";
import type { UploadStore } from "../gateway/store";
import { DEFAULT_GATEWAY_OPTIONS, Gateway } from "../gateway/gateway";
import type { ReadinessCheck } from "../routes/ops/ops";
import type { Registry } from "prom-client";
import { gatewayMetrics } from "../gateway/metrics";
import { registerDeviceMetrics } from "../gateway/deviceMetrics";

/** A running gateway service. */
export interface GatewayService {
  gateway: Gateway;
  port: number;
  /** Its Prometheus metrics. */
  metrics: Registry;
  /** /readyz check: the store accepted the last batch. */
  readiness: ReadinessCheck;
  stop(): Promise<void>;
}

/** Starts the gateway on config.gatewayHost:gatewayPort. */
export async function startGateway(
  db: Kysely<DB>,
  config: Pick<Config, "gatewayHost" | "gatewayPort" | "gatewayMaxConnections" | "nats">,
  log: Pick<FastifyBaseLogger, "info" | "warn" | "error">,
): Promise<GatewayService> {
  const committer: UploadStore = config.nats ? await jetStreamStore(config.nats, log) : new GroupCommitter(db);
  const gateway = new Gateway(new DeviceRegistry(db), committer, log, {
    ...DEFAULT_GATEWAY_OPTIONS,
    host: config.gatewayHost,
    port: config.gatewayPort,
    maxConnections: config.gatewayMaxConnections,
  });
  const port = await gateway.start();
  const metrics = gatewayMetrics(gateway);
  registerDeviceMetrics(metrics, db, gateway);
  return {
    gateway,
    port,
    metrics,
    readiness: async () => ({ name: "gateway-store", ...committer.health() }),
    async stop() {
      await gateway.stop();
      await committer.close?.();
    },
  };
}

/** The JetStream publisher, connected (the stream is created when missing). */
async function jetStreamStore(nats: NonNullable<Config["nats"]>, log: Pick<FastifyBaseLogger, "info" | "warn" | "error">): Promise<UploadStore> {
  const { connectNats } = await import("../scaleout/nats");
  const { JetStreamStore } = await import("../gateway/jetstreamStore");
  const handles = await connectNats(nats, `qingliu-gateway-${process.pid}`, log);
  log.info({ servers: nats.servers, stream: nats.stream, replicas: handles.replicas }, "gateway publishes to JetStream");
  return new JetStreamStore(handles.js, { stream: nats.stream }, () => handles.nc.drain());
}
