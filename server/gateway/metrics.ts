/**
 * @module Prometheus view of the gateway: connections, packets by outcome, refusals by reason, store failures —
 * read from the gateway's counters at scrape time.
 */
import { Gauge, Registry } from "prom-client";
import type { Gateway } from "./gateway";

/** A registry whose metrics read `gateway.stats` when scraped. */
export function gatewayMetrics(gateway: Gateway): Registry {
  const registry = new Registry();
  const s = gateway.stats;
  const gauge = (name: string, help: string, read: () => number) =>
    new Gauge({ name, help, registers: [registry], collect() { this.set(read()); } });
  gauge("qingliu_gateway_connections", "Open device connections", () => s.connections);
  gauge("qingliu_gateway_connections_total", "Device connections accepted since start", () => s.connectionsTotal);
  gauge("qingliu_gateway_packets_total", "Framed packets handled since start", () => s.packets);
  gauge("qingliu_gateway_stored_total", "Upload packets stored", () => s.stored);
  gauge("qingliu_gateway_values_total", "Readings (values) in the upload packets stored", () => s.values);
  gauge("qingliu_gateway_duplicates_total", "Retransmissions recognised and not stored again", () => s.duplicates);
  gauge("qingliu_gateway_acked_total", "9014 acknowledgements sent (after commit)", () => s.acked);
  gauge("qingliu_gateway_store_failures_total", "Packets not acknowledged because the store failed", () => s.storeFailures);
  new Gauge({
    name: "qingliu_gateway_refused_total",
    help: "Packets or bytes refused, by reason",
    labelNames: ["reason"] as const,
    registers: [registry],
    collect() {
      for (const [reason, n] of Object.entries(s.refused)) this.set({ reason }, n);
    },
  });
  return registry;
}
