/**
 * @module Prometheus metrics of one process: request counts and latencies by route, plus Node's own.
 */
import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/** Metrics of one app instance (a registry each, so several apps can live in one test process). */
export class Metrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: "qingliu_http_requests_total",
    help: "HTTP requests by method, route and status",
    labelNames: ["method", "route", "status"] as const,
    registers: [this.registry],
  });
  readonly latency = new Histogram({
    name: "qingliu_http_request_duration_seconds",
    help: "HTTP request latency by method and route",
    labelNames: ["method", "route"] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: "qingliu_" });
  }
}
