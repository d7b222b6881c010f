/**
 * @module Worker thread that owns the embedded PGlite database. PGlite runs queries on the calling thread, so a slow
 * aggregate would freeze the web server's event loop (../shared/stack.md); here it blocks only this thread.
 * Protocol: the parent posts {@link WorkerRequest}s and receives {@link WorkerResponse}s with the same id.
 */
import { parentPort, workerData } from "node:worker_threads";
import { PGlite, types } from "@electric-sql/pglite";

/** What the parent asks for. */
export type WorkerRequest =
  | { id: number; type: "query"; sql: string; params: unknown[] }
  | { id: number; type: "close" };

/** What the worker answers. `error` carries the PostgreSQL fields that callers map to API errors. */
export type WorkerResponse =
  | { id: number; rows: unknown[]; affectedRows?: number; command?: string }
  | { id: number; error: { message: string; code?: string; detail?: string; constraint?: string } };

/** Options passed as workerData. `dataDir` undefined means an in-memory database (tests). */
export interface WorkerOptions {
  dataDir?: string;
}

const options = workerData as WorkerOptions;
const port = parentPort!;

const pg = new PGlite({
  dataDir: options.dataDir,
  // Same JS types as the pg driver is configured for in database.ts: counts as numbers, dates as strings.
  parsers: {
    [types.INT8]: (v: string) => Number(v),
    [types.NUMERIC]: (v: string) => Number(v),
    [types.DATE]: (v: string) => v,
  },
  // Capped WAL and a larger work_mem, as measured in ../shared/stack.md.
  postgresqlconf: ["max_wal_size = 64MB", "work_mem = 32MB"],
});

const ready = pg.waitReady.then(
  () => port.postMessage({ id: 0, rows: [] }),
  (err: unknown) => port.postMessage({ id: 0, error: { message: String(err) } }),
);

port.on("message", async (req: WorkerRequest) => {
  await ready;
  if (req.type === "close") {
    await pg.close();
    port.postMessage({ id: req.id, rows: [] });
    return;
  }
  try {
    // Parameterless text may hold several statements (migrations): the simple protocol (exec) runs them all.
    if (req.params.length === 0) {
      const results = await pg.exec(req.sql);
      const last = results[results.length - 1];
      port.postMessage({ id: req.id, rows: last?.rows ?? [], affectedRows: last?.affectedRows });
    } else {
      const result = await pg.query(req.sql, req.params);
      port.postMessage({ id: req.id, rows: result.rows, affectedRows: result.affectedRows });
    }
  } catch (err) {
    const e = err as { message?: string; code?: string; detail?: string; constraint?: string };
    port.postMessage({
      id: req.id,
      error: { message: e.message ?? String(err), code: e.code, detail: e.detail, constraint: e.constraint },
    });
  }
});
