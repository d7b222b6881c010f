/**
 * @module Kysely dialect for PGlite running in a worker thread (see pgliteWorker.ts). PGlite has one connection, so
 * the driver hands out that connection to one user at a time: a transaction holds it until commit or rollback.
 */
import { Worker } from "node:worker_threads";
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from "kysely";
import type { WorkerOptions, WorkerResponse } from "./pgliteWorker";

/** An error raised by PostgreSQL inside the worker, with its SQLSTATE code. */
export class PgliteError extends Error {
  /** SQLSTATE, e.g. 23505 for unique violations. */
  code?: string;
  detail?: string;
  constraint?: string;
  constructor(e: { message: string; code?: string; detail?: string; constraint?: string }) {
    super(e.message);
    Object.assign(this, { code: e.code, detail: e.detail, constraint: e.constraint });
  }
}

/** The parent side of the worker: request/response by id. */
export class PgliteWorkerClient {
  private worker: Worker;
  private nextId = 1;
  private pending = new Map<number, { resolve: (r: WorkerResponse) => void }>();
  private readyPromise: Promise<void>;
  private exitError: Error | null = null;

  constructor(options: WorkerOptions) {
    // The worker is TypeScript: its boot file loads it through tsx, whether the parent runs under tsx or vitest.
    this.worker = new Worker(new URL("./pgliteWorkerBoot.mjs", import.meta.url), { workerData: options });
    let readyResolve!: () => void;
    let readyReject!: (e: Error) => void;
    this.readyPromise = new Promise((res, rej) => ((readyResolve = res), (readyReject = rej)));
    this.worker.on("message", (msg: WorkerResponse) => {
      if (msg.id === 0) return "error" in msg ? readyReject(new PgliteError(msg.error)) : readyResolve();
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      p?.resolve(msg);
    });
    const fail = (err: Error) => {
      this.exitError = err;
      readyReject(err);
      for (const p of this.pending.values()) p.resolve({ id: -1, error: { message: err.message } });
      this.pending.clear();
    };
    this.worker.on("error", fail);
    this.worker.on("exit", (code) => fail(new Error(`PGlite worker exited (${code})`)));
  }

  /** Resolves when the database is open. */
  ready(): Promise<void> {
    return this.readyPromise;
  }

  /** Runs one statement (or, without params, a script of several). */
  async query(sql: string, params: readonly unknown[]): Promise<{ rows: unknown[]; affectedRows?: number }> {
    if (this.exitError) throw this.exitError;
    const id = this.nextId++;
    const res = await new Promise<WorkerResponse>((resolve) => {
      this.pending.set(id, { resolve });
      this.worker.postMessage({ id, type: "query", sql, params: [...params] });
    });
    if ("error" in res) throw new PgliteError(res.error);
    return res;
  }

  /** Closes the database cleanly (flushes to ./data) and ends the worker. */
  async close(): Promise<void> {
    if (this.exitError) return;
    const id = this.nextId++;
    await new Promise<WorkerResponse>((resolve) => {
      this.pending.set(id, { resolve });
      this.worker.postMessage({ id, type: "close" });
    });
    this.worker.removeAllListeners("exit");
    await this.worker.terminate();
    this.exitError = new Error("PGlite closed");
  }
}

/** A mutex that queues waiters in order. */
class Mutex {
  private tail: Promise<void> = Promise.resolve();
  lock(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((res) => (release = res));
    const prev = this.tail;
    this.tail = prev.then(() => next);
    return prev.then(() => release);
  }
}

class PgliteConnection implements DatabaseConnection {
  constructor(private client: PgliteWorkerClient) {}
  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const res = await this.client.query(compiled.sql, compiled.parameters);
    const n = res.affectedRows;
    return { rows: res.rows as R[], numAffectedRows: n === undefined ? undefined : BigInt(n) };
  }
  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error("streaming is not supported on PGlite");
  }
}

class PgliteDriver implements Driver {
  private mutex = new Mutex();
  private releases = new WeakMap<DatabaseConnection, () => void>();
  constructor(private client: PgliteWorkerClient) {}
  async init() {
    await this.client.ready();
  }
  async acquireConnection() {
    // One PGlite connection: whoever holds it (a query or a whole transaction) runs alone.
    const release = await this.mutex.lock();
    const conn = new PgliteConnection(this.client);
    this.releases.set(conn, release);
    return conn;
  }
  async beginTransaction(conn: DatabaseConnection) {
    await conn.executeQuery(CompiledQuery.raw("begin"));
  }
  async commitTransaction(conn: DatabaseConnection) {
    await conn.executeQuery(CompiledQuery.raw("commit"));
  }
  async rollbackTransaction(conn: DatabaseConnection) {
    await conn.executeQuery(CompiledQuery.raw("rollback"));
  }
  async releaseConnection(conn: DatabaseConnection) {
    this.releases.get(conn)?.();
    this.releases.delete(conn);
  }
  async destroy() {
    await this.client.close();
  }
}

/** Kysely dialect over a {@link PgliteWorkerClient}; SQL is compiled exactly as for PostgreSQL. */
export class PgliteWorkerDialect implements Dialect {
  constructor(private client: PgliteWorkerClient) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver() {
    return new PgliteDriver(this.client);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
}
