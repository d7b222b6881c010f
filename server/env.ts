/**
 * @module Process configuration from environment variables, validated once at start with clear messages.
 */
import { resolve } from "node:path";
import { z } from "zod";

/** The services a process can run (`SERVICES=web,worker`). */
export const SERVICE_NAMES = ["web", "worker", "gateway", "writer"] as const;
/** One service name. */
export type ServiceName = (typeof SERVICE_NAMES)[number];

const EnvSchema = z.object({
  /** HTTP port of the web service. */
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  /** Address to listen on; loopback by default. */
  HOST: z.string().default("127.0.0.1"),
  /** postgres://… selects PostgreSQL; absent selects embedded PGlite. */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must start with postgres://").optional(),
  /** PostgreSQL pool size per process. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** TCP port of the HJ 212 gateway service. */
  GATEWAY_PORT: z.coerce.number().int().min(0).max(65535).default(9212),
  /** Address the gateway listens on. Devices reach it over the network, so production sets 0.0.0.0. */
  GATEWAY_HOST: z.string().default("127.0.0.1"),
  /** Most concurrent device connections. */
  GATEWAY_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
  /** Where PGlite data and uploaded files live. */
  DATA_DIR: z.string().default("./data"),
  /** Comma-separated services to run in this process. */
  SERVICES: z.string().default("web,worker,gateway"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Mark the session cookie Secure (set when served over HTTPS). */
  COOKIE_SECURE: z.enum(["true", "false"]).default("false"),
  /** Create the demo district on first start of an empty database. */
  DEMO: z.enum(["true", "false"]).default("true"),
  /** Fixed demo password (tests); otherwise random ones are generated and printed. */
  DEMO_PASSWORD: z.string().min(10).optional(),
  /** Read-only public pages read from this streaming replica (postgres://…); absent: from DATABASE_URL. */
  DATABASE_REPLICA_URL: z.string().regex(/^postgres(ql)?:\/\//, "must start with postgres://").optional(),
  /** NATS servers (comma-separated nats:// URLs): gateways publish uploads to JetStream, writers commit them. */
  NATS_URL: z.string().regex(/^(nats|tls):\/\/[^,\s]+(,(nats|tls):\/\/[^,\s]+)*$/, "comma-separated nats:// URLs").optional(),
  /** JetStream stream of decoded uploads (also the first token of its subjects). */
  NATS_STREAM: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "letters, digits, _ and - only").default("QINGLIU_UPLOADS"),
  /** Stream replicas; default 3 when the server is clustered, else 1. */
  NATS_REPLICAS: z.coerce.number().int().min(1).max(5).optional(),
  /** Durable consumer shared by the writer processes. */
  NATS_CONSUMER: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "letters, digits, _ and - only").default("writers"),
  /** Seconds a writer may hold a message unacknowledged before JetStream redelivers it to another writer. */
  NATS_ACK_WAIT: z.coerce.number().min(1).max(3600).default(30),
  /** Outgoing mail: smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…:465. Absent: no e-mail. */
  SMTP_URL: z.string().regex(/^smtps?:\/\/[^\s]+$/, "must start with smtp:// or smtps://").optional(),
  /** Sender of outgoing mail, e.g. "清流 <qingliu@example.gov.cn>". */
  MAIL_FROM: z.string().min(3).default("qingliu@localhost"),
  /** Registers test-only routes (e.g. a slow request for the shutdown test). Never set in production. */
  QINGLIU_TEST_ROUTES: z.enum(["true", "false"]).default("false"),
});

/** Validated configuration. */
export interface Config {
  port: number;
  host: string;
  gatewayPort: number;
  gatewayHost: string;
  gatewayMaxConnections: number;
  databaseUrl?: string;
  poolSize: number;
  dataDir: string;
  services: ServiceName[];
  logLevel: string;
  cookieSecure: boolean;
  demo: boolean;
  demoPassword?: string;
  testRoutes: boolean;
  /** Streaming replica for read-only public routes (DATABASE_REPLICA_URL). */
  databaseReplicaUrl?: string;
  /** JetStream scale-out (NATS_URL…); absent in the embedded single-process mode. */
  nats?: NatsConfig;
  /** Outgoing mail (SMTP_URL, MAIL_FROM); absent when SMTP_URL is not set. */
  mail?: MailConfig;
}

/** JetStream settings of the scale-out mode. */
export interface NatsConfig {
  servers: string[];
  stream: string;
  /** Undefined: 3 on a cluster, 1 on a single server. */
  replicas?: number;
  consumer: string;
  ackWaitMs: number;
}

/** Outgoing mail settings. */
export interface MailConfig {
  smtpUrl: string;
  from: string;
}

/** Reads the configuration; throws an Error listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const r = EnvSchema.safeParse(env);
  if (!r.success) {
    throw new Error(`配置错误 / invalid configuration:\n${r.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n")}`);
  }
  const e = r.data;
  const services = e.SERVICES.split(",").map((s) => s.trim()).filter(Boolean);
  const unknown = services.filter((s) => !(SERVICE_NAMES as readonly string[]).includes(s));
  if (unknown.length) throw new Error(`SERVICES: unknown service(s) ${unknown.join(", ")}; known: ${SERVICE_NAMES.join(", ")}`);
  if (services.includes("writer") && !e.NATS_URL) throw new Error("SERVICES: the writer service consumes the JetStream stream and needs NATS_URL");
  return {
    port: e.PORT,
    host: e.HOST,
    gatewayPort: e.GATEWAY_PORT,
    gatewayHost: e.GATEWAY_HOST,
    gatewayMaxConnections: e.GATEWAY_MAX_CONNECTIONS,
    databaseUrl: e.DATABASE_URL,
    poolSize: e.DATABASE_POOL_SIZE,
    dataDir: resolve(e.DATA_DIR),
    services: services as ServiceName[],
    logLevel: e.LOG_LEVEL,
    cookieSecure: e.COOKIE_SECURE === "true",
    demo: e.DEMO === "true",
    demoPassword: e.DEMO_PASSWORD,
    testRoutes: e.QINGLIU_TEST_ROUTES === "true",
    databaseReplicaUrl: e.DATABASE_REPLICA_URL,
    nats: e.NATS_URL
      ? { servers: e.NATS_URL.split(","), stream: e.NATS_STREAM, replicas: e.NATS_REPLICAS, consumer: e.NATS_CONSUMER, ackWaitMs: e.NATS_ACK_WAIT * 1000 }
      : undefined,
    mail: e.SMTP_URL ? { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM } : undefined,
  };
}
