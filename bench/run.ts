/**
 * @module `npm run bench [-- name…]`: runs the named benchmarks (all when none is named). Each prints its figures
 * and a ratio against a baseline measured in the same run; none asserts a time.
 */
import { benchAssessment } from "./assessment";
import { benchHj212 } from "./hj212";
import { benchGateway } from "./gateway";
import { benchLoad } from "./load";
import { benchScaleout } from "./scaleout";
import { benchSeries } from "./series";

const BENCHES: Record<string, () => Promise<void>> = {
  assessment: benchAssessment,
  hj212: benchHj212,
  gateway: benchGateway,
  load: benchLoad,
  scaleout: benchScaleout,
  series: benchSeries,
};

const asked = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const unknown = asked.filter((a) => !(a in BENCHES));
if (unknown.length) {
  process.stderr.write(`unknown benchmark(s): ${unknown.join(", ")}; known: ${Object.keys(BENCHES).join(", ")}\n`);
  process.exit(2);
}
for (const name of asked.length ? asked : Object.keys(BENCHES)) {
  process.stdout.write(`\n== ${name} ==\n`);
  await BENCHES[name]();
}
