/**
 * @module Kysely dialect for PGlite running in a worker thread (see pgliteWorker.ts). PGlite has one connection, so
 * the driver hands out that connection to one user at a time: a transaction holds it until commit or rollback.
 *
 * Two consequences are made loud instead of silent. A query through `db` (not the transaction) made from inside a
 * transaction would wait for the connection its own transaction holds — for ever; the driver sees it (the
 * transaction's async context) and throws {@link NestedConnectionError} at once. And a holder that keeps the
 * connection for long while others wait is reported on stderr with its last statement, so a stalled request can
 * be traced to whatever held the database.
 */
import { AsyncLocalStorage } from "node:async_hooks";
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

/** A query through the database handle inside a transaction, which on one connection can never run. */
export class NestedConnectionError extends Error {
  readonly code = "db.nested_connection";
  constructor() {
    super("a query was made through the database handle inside a transaction; on PGlite's single connection it would wait for ever — pass the transaction (trx) instead");
  }
}

/** The transaction (its connection) whose async context the current code runs in. */
const transactionOf = new AsyncLocalStorage<PgliteConnection>();
// Node 20 starts tracking promises for a store only when the store is first used. Were that first use the
// `enterWith` of a transaction, code resumed from promises made before it would share one untracked context — and
// see that transaction as theirs. Using the store once now, at load, starts the tracking before any query exists
// (with a value other than the current one: `run` with the same value returns without enabling anything).
transactionOf.run(null as unknown as PgliteConnection, () => undefined);

/** One hand-out of the connection: its holder's state, for the nested-use check and the stall report. */
class PgliteConnection implements DatabaseConnection {
  readonly since = Date.now();
  released = false;
  sql: string | null = null;
  /** When the statement in flight started; null between statements. */
  runningSince: number | null = null;
  lastDoneAt: number | null = null;
  /** Stall reports written for this hand-out. */
  reported = 0;
  constructor(private client: PgliteWorkerClient, readonly driver: PgliteDriver, readonly release: () => void) {}
  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    this.sql = compiled.sql;
    this.runningSince = Date.now();
    try {
      const res = await this.client.query(compiled.sql, compiled.parameters);
      const n = res.affectedRows;
      return { rows: res.rows as R[], numAffectedRows: n === undefined ? undefined : BigInt(n) };
    } finally {
      this.runningSince = null;
      this.lastDoneAt = Date.now();
    }
  }
  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error("streaming is not supported on PGlite");
  }
}

/** How long the connection may be held while others wait before it is reported, and how often again. */
const STALL_REPORT_MS = 20_000;

/** Writes a stall report (stderr, one JSON line in the server log's shape). */
export type StallReporter = (report: { heldMs: number; waiting: number; sql: string | null; runningMs: number | null; idleMs: number | null }) => void;

const stderrReporter: StallReporter = (r) => {
  const what = r.runningMs !== null
    ? `its statement has been running for ${Math.round(r.runningMs / 1000)} s`
    : `it has run no statement for ${Math.round((r.idleMs ?? r.heldMs) / 1000)} s (a transaction waiting on something else)`;
  process.stderr.write(`${JSON.stringify({ level: 40, time: Date.now(), msg: `PGlite connection held for ${Math.round(r.heldMs / 1000)} s while ${r.waiting} wait; ${what}`, sql: r.sql?.slice(0, 500) ?? null })}\n`);
};

class PgliteDriver implements Driver {
  private mutex = new Mutex();
  /** The connection as handed out now; null while free. */
  private holder: PgliteConnection | null = null;
  private waiting = 0;
  private watchdog: NodeJS.Timeout | null = null;
  constructor(private client: PgliteWorkerClient, private reportStall: StallReporter = stderrReporter) {}
  async init() {
    await this.client.ready();
    this.watchdog = setInterval(() => this.checkStall(), 5_000);
    this.watchdog.unref();
  }
  /** Reports the holder once per {@link STALL_REPORT_MS} it keeps the connection while others wait. */
  checkStall(now = Date.now()) {
    const h = this.holder;
    if (!h || this.waiting === 0) return;
    const heldMs = now - h.since;
    if (heldMs < STALL_REPORT_MS * (h.reported + 1)) return;
    h.reported = Math.floor(heldMs / STALL_REPORT_MS);
    this.reportStall({ heldMs, waiting: this.waiting, sql: h.sql, runningMs: h.runningSince === null ? null : now - h.runningSince, idleMs: h.lastDoneAt === null ? null : now - h.lastDoneAt });
  }
  async acquireConnection() {
    // One PGlite connection: whoever holds it (a query or a whole transaction) runs alone — so a transaction
    // asking for it again would wait for itself.
    // (A transaction of another database — another PGlite — may use this one: only our own connection counts.)
    const mine = transactionOf.getStore();
    if (mine && mine.driver === this && !mine.released) throw new NestedConnectionError();
    this.waiting++;
    const release = await this.mutex.lock().finally(() => this.waiting--);
    this.holder = new PgliteConnection(this.client, this, release);
    return this.holder;
  }
  beginTransaction(conn: DatabaseConnection) {
    // Synchronously, before the first await: the transaction's callback runs in this async context.
    transactionOf.enterWith(conn as PgliteConnection);
    return conn.executeQuery(CompiledQuery.raw("begin")).then(() => undefined);
  }
  async commitTransaction(conn: DatabaseConnection) {
    await conn.executeQuery(CompiledQuery.raw("commit"));
  }
  async rollbackTransaction(conn: DatabaseConnection) {
    await conn.executeQuery(CompiledQuery.raw("rollback"));
  }
  async releaseConnection(conn: DatabaseConnection) {
    const c = conn as PgliteConnection;
    if (c.released) return;
    c.released = true;
    if (this.holder === c) this.holder = null;
    c.release();
  }
  async destroy() {
    if (this.watchdog) clearInterval(this.watchdog);
    await this.client.close();
  }
}

/** Kysely dialect over a {@link PgliteWorkerClient}; SQL is compiled exactly as for PostgreSQL. */
export class PgliteWorkerDialect implements Dialect {
  constructor(private client: PgliteWorkerClient, private reportStall?: StallReporter) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): PgliteDriver {
    return new PgliteDriver(this.client, this.reportStall);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
}
