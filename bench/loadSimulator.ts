/**
 * @module The load benchmark's device fleet in its own process (so that it does not share the load generator's
 * event loop): runs the simulator with the options given as JSON in argv[2] until the duration ends or SIGINT,
 * then prints the run's summary as one JSON line.
 */
import { DEFAULT_RUN, runSimulation, type RunOptions } from "../server/simulator";

const opts = JSON.parse(process.argv[2] ?? "{}") as Partial<RunOptions> & Pick<RunOptions, "fleet" | "port">;
const stop = new AbortController();
process.once("SIGINT", () => stop.abort());
const { summary } = await runSimulation({ ...DEFAULT_RUN, ...opts, signal: stop.signal });
process.stdout.write(JSON.stringify(summary) + "\n");
