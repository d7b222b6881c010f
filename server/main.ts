/**
 * @module Starts a Qingliu process: opens and migrates the database, creates the demo district on first start,
 * runs the services named in SERVICES, and shuts down gracefully on SIGTERM/SIGINT (requests in flight finish,
 * jobs finish, the database closes cleanly).
 */
import { chmodSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import pino from "pino";
import type { Config } from "./env";
import { openDatabase, type Database } from "./db/database";
import { migrate } from "./db/migrate";
import { seedDemoDistrict, type DemoCredential } from "./seed/demo";
import { startWeb, type WebService } from "./services/web";
import { startWorker } from "./services/worker";
import type { Scheduler } from "./jobs/scheduler";
import { startGateway, type GatewayService } from "./services/gateway";
import { demoSimulatorSetting, startDemoTraffic } from "./seed/demoMonitoringTraffic";
import { startWriter, type WriterService } from "./services/writer";
import { configureMail } from "./notify/mail";

/** A running process. */
export interface RunningProcess {
  database: Database;
  web?: WebService;
  worker?: Scheduler;
  gateway?: GatewayService;
  writer?: WriterService;
  /** Stops everything in order; safe to call twice. */
  stop(): Promise<void>;
}

/** Opens the database described by `config`. */
export function openConfiguredDatabase(config: Config): Promise<Database> {
  return openDatabase({
    databaseUrl: config.databaseUrl,
    replicaUrl: config.databaseReplicaUrl,
    pgliteDir: join(config.dataDir, "pglite"),
    poolSize: config.poolSize,
  });
}

function printCredentials(creds: DemoCredential[], file: string | null) {
  const lines = [
    "",
    "清流 · 演示辖区已创建 / demo district created. 演示账号 / demo accounts:",
    ...creds.map((c) => `  ${c.username.padEnd(12)} ${c.password.padEnd(16)} ${c.role.padEnd(20)} ${c.unit}`),
    file ? `（已保存到 / saved to ${file}）` : "",
    "",
  ];
  process.stdout.write(lines.join("\n") + "\n");
}

/** Starts the process's services. */
export async function startProcess(config: Config): Promise<RunningProcess> {
  const log = pino({ level: config.logLevel });
  const demoSimulator = config.demo && demoSimulatorSetting();
  const database = await openConfiguredDatabase(config);
  const applied = await migrate(database.db);
  if (applied.length) log.info({ applied }, "migrations applied");
  if (config.demo) {
    const creds = await seedDemoDistrict(database.db, config.demoPassword);
    if (creds) {
      let file: string | null = null;
      if (!config.databaseUrl) {
        file = join(config.dataDir, "demo-credentials.txt");
        writeFileSync(file, creds.map((c) => `${c.username}\t${c.password}\t${c.role}\t${c.unit}`).join("\n") + "\n");
        chmodSync(file, 0o600);
      }
      printCredentials(creds, file);
    }
  }
  // Before the worker builds its tasks: they take the channels in force then (SMTP when configured).
  if (config.mail) configureMail(config.mail, database.db);
  const worker = config.services.includes("worker") ? startWorker(database.db, log) : undefined;
  const gateway = config.services.includes("gateway") ? await startGateway(database.db, config, log) : undefined;
  // The demo district's simulated devices send to this process's gateway (DEMO_SIMULATOR=false turns them off).
  const demoTraffic = gateway && demoSimulator
    ? await startDemoTraffic(database.db, { host: config.gatewayHost, port: gateway.port }, log)
    : null;
  const writer = config.services.includes("writer") && config.nats ? await startWriter(database.db, config.nats, log) : undefined;
  const readiness = [gateway?.readiness, writer?.readiness].filter((c) => c !== undefined);
  const metrics = [gateway?.metrics, writer?.metrics].filter((m) => m !== undefined);
  const web = config.services.includes("web")
    ? await startWeb(database.db, config, readiness, metrics, gateway?.gateway, database.read)
    : undefined;
  log.info({ url: web?.url, engine: database.engine, services: config.services }, "清流 Qingliu is running");
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      await web?.stop();
      await demoTraffic?.stop();
      // Devices whose packets are still queued get their 9014 before the database closes.
      await gateway?.stop();
      // Holds no message back: what it took from the stream is committed and acknowledged before the database closes.
      await writer?.stop();
      await worker?.stop();
      await database.close();
      log.info("stopped cleanly");
    })());
  return { database, web, worker, gateway, writer, stop };
}
