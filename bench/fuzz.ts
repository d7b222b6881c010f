/**
 * @module `npm run fuzz [-- --cases 3000000] [--seed N] [--runs 4]`: the long fuzz run of the HJ 212 codec (the
 * suite runs 100 000 cases of the same fuzzer, domain/hj212/fuzz.ts). Each run mutates packets of
 * ../shared/hj212/corpus.tsv and device-log.tsv with its own seed; a failure prints the seed, the case number and the
 * input that broke it, and exits 1. Prints throughput and the slowest case (a hang would show there, or never end).
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { FuzzFailure, runFuzz, timeCase } from "../domain/hj212/fuzz";

const { values } = parseArgs({ options: { cases: { type: "string" }, seed: { type: "string" }, runs: { type: "string" } } });
const cases = Number(values.cases ?? 3_000_000);
const firstSeed = Number(values.seed ?? Date.now() % 1_000_000_007);
const runs = Number(values.runs ?? 1);
if (!(Number.isInteger(cases) && cases > 0 && Number.isInteger(firstSeed) && Number.isInteger(runs) && runs > 0)) {
  process.stderr.write("usage: npm run fuzz -- [--cases N] [--seed N] [--runs N]\n");
  process.exit(2);
}

const read = (name: string, col: number) =>
  readFileSync(new URL(`../../shared/hj212/${name}`, import.meta.url), "utf8").split("\n").slice(1).filter((l) => l.trim()).map((l) => l.split("\t")[col]);
// Every device-log packet this time (the suite takes one in 50), and the corpus of other implementations' packets.
const seeds = [...read("corpus.tsv", 4), ...read("device-log.tsv", 2)];

let total = 0;
for (let k = 0; k < runs; k++) {
  const seed = firstSeed + k;
  const started = performance.now();
  try {
    const stats = runFuzz({
      seed, cases, seeds,
      onProgress: (done) => process.stderr.write(`\r  seed ${seed}: ${done.toLocaleString("en")} / ${cases.toLocaleString("en")}`),
    });
    const s = (performance.now() - started) / 1000;
    const again = timeCase(stats.slowestInput);
    total += stats.cases;
    if (again >= 50) {
      process.stdout.write(`SLOW: seed ${seed}, case ${stats.slowestCase} takes ${again.toFixed(1)} ms — input ${JSON.stringify(stats.slowestInput)}\n`);
      process.exit(1);
    }
    process.stderr.write("\n");
    process.stdout.write(
      `seed ${seed}: ${stats.cases.toLocaleString("en")} mutated packets in ${s.toFixed(1)} s (${Math.round(stats.cases / s).toLocaleString("en")}/s); ` +
        `${stats.parsed.toLocaleString("en")} still parsed, ${stats.frames.toLocaleString("en")} frames cut from the stream, ` +
        `framer buffer ≤ ${stats.maxBuffered} bytes, slowest case ${stats.slowestMs.toFixed(2)} ms (#${stats.slowestCase}; ` +
        `${again.toFixed(3)} ms when timed again${again < 5 ? ": a runtime pause, not the input" : ""}) — nothing thrown\n`,
    );
  } catch (err) {
    process.stderr.write("\n");
    if (err instanceof FuzzFailure) {
      process.stdout.write(`FAILED: ${err.message}\nreproduce: npm run fuzz -- --seed ${err.seed} --cases ${err.caseNo + 1}\n`);
      process.exit(1);
    }
    throw err;
  }
}
process.stdout.write(`fuzz: ${total.toLocaleString("en")} cases over ${runs} seed(s), no failure\n`);
