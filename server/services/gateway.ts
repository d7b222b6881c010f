/**
 * @module The gateway service: the HJ 212 TCP server with its device registry and group-commit store.
 */
import type { Kysely } from "kysely";
import type { FastifyBaseLogger } from "fastify";
import type { DB } from "../db/schema";
import type { Config } from "../env";
import { DeviceRegistry } from "../gateway/devices";
import { GroupCommitter } from "../gateway/groupCommit";
import { DEFAULT_GATEWAY_OPTIONS, Gateway } from "../gateway/gateway";
import type { ReadinessCheck } from "../routes/ops/ops";
import type { Registry } from "prom-client";
import { gatewayMetrics } from "../gateway/metrics";

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
  config: Pick<Config, "gatewayHost" | "gatewayPort" | "gatewayMaxConnections">,
  log: Pick<FastifyBaseLogger, "info" | "warn" | "error">,
): Promise<GatewayService> {
  const committer = new GroupCommitter(db);
  const gateway = new Gateway(new DeviceRegistry(db), committer, log, {
    ...DEFAULT_GATEWAY_OPTIONS,
    host: config.gatewayHost,
    port: config.gatewayPort,
    maxConnections: config.gatewayMaxConnections,
  });
  const port = await gateway.start();
  return {
    gateway,
    port,
    metrics: gatewayMetrics(gateway),
    readiness: async () => ({ name: "gateway-store", ...committer.health() }),
    stop: () => gateway.stop(),
  };
}
