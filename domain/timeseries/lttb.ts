/**
 * @module Largest-Triangle-Three-Buckets downsampling (S. Steinarsson, "Downsampling Time Series for Visual
 * Representation", 2013, §4.2): keeps the first and last point and, from each of `threshold − 2` equal buckets,
 * the point forming the largest triangle with the previously kept point and the next bucket's average. Peaks and
 * troughs survive, which plain striding or averaging would flatten — what an operator looks for in a chart.
 */

/**
 * Indices of the points LTTB keeps, ascending. `xs` must be ascending; when there are no more points than
 * `threshold` (or `threshold` < 3) every index is kept.
 * @example lttbIndices([0, 1, 2, 3, 4], [0, 5, 0, 0, 0], 3) // [0, 1, 4]
 */
export function lttbIndices(xs: ArrayLike<number>, ys: ArrayLike<number>, threshold: number): number[] {
  const n = xs.length;
  if (ys.length !== n) throw new RangeError(`xs and ys differ in length (${n} vs ${ys.length})`);
  if (threshold >= n || threshold < 3) return Array.from({ length: n }, (_, i) => i);
  const kept: number[] = [0];
  // Bucket size over the inner points (first and last are always kept).
  const every = (n - 2) / (threshold - 2);
  let a = 0;
  for (let i = 0; i < threshold - 2; i++) {
    // The next bucket's average point is the triangle's third corner.
    const nextStart = Math.floor((i + 1) * every) + 1;
    const nextEnd = Math.min(Math.floor((i + 2) * every) + 1, n);
    let avgX = 0;
    let avgY = 0;
    for (let j = nextStart; j < nextEnd; j++) {
      avgX += xs[j];
      avgY += ys[j];
    }
    const len = nextEnd - nextStart;
    avgX /= len;
    avgY /= len;
    const start = Math.floor(i * every) + 1;
    const end = Math.floor((i + 1) * every) + 1;
    let best = start;
    let bestArea = -1;
    for (let j = start; j < end; j++) {
      // Twice the triangle area; the factor ½ does not change which point wins.
      const area = Math.abs((xs[a] - avgX) * (ys[j] - ys[a]) - (xs[a] - xs[j]) * (avgY - ys[a]));
      if (area > bestArea) {
        bestArea = area;
        best = j;
      }
    }
    kept.push(best);
    a = best;
  }
  kept.push(n - 1);
  return kept;
}

/**
 * Downsamples `points` to at most `threshold` with LTTB, keeping whole points (flags and all) rather than
 * copying values. Points whose y is not a finite number cannot be placed on a chart line and are left out.
 * @example lttb(rows, 2000, (r) => r.t.getTime(), (r) => r.value)
 */
export function lttb<T>(points: readonly T[], threshold: number, x: (p: T) => number, y: (p: T) => number | null): T[] {
  const usable = points.filter((p) => {
    const v = y(p);
    return v !== null && Number.isFinite(v);
  });
  const xs = Float64Array.from(usable, x);
  const ys = Float64Array.from(usable, (p) => y(p) as number);
  return lttbIndices(xs, ys, threshold).map((i) => usable[i]);
}
