/** Index weights (entropy method): one horizontal bar per indicator, one series per fit (pooled or group). */
import { EntropyResult } from "../../engine/indices/entropy";
import { Chart, makeChart } from "./chart";

export interface WeightsSpec {
  readonly title: string;
  readonly labels?: Readonly<Record<string, string>>;
  /** Largest weight at the top (default true; by the first fit). */
  readonly sort?: boolean;
  readonly notes?: readonly string[];
}

export function weightsChart(entropy: EntropyResult, spec: WeightsSpec): Chart {
  const m = entropy.names.length;
  const first = entropy.fits[0].weights;
  const order = Array.from({ length: m }, (_, j) => j);
  // Category positions run bottom-up: the largest weight gets the last position (top of the chart).
  if (spec.sort ?? true) order.sort((a, b) => first[a] - first[b] || b - a);
  const categories = order.map((j) => spec.labels?.[entropy.names[j]] ?? entropy.names[j]);
  return makeChart({
    kind: "weights",
    title: spec.title,
    x: { title: "Weight", scale: "linear", min: 0 },
    y: { title: "", scale: "category", categories },
    series: entropy.fits.map((f, fi) => ({
      name: f.group ?? "Weight",
      mark: "bar",
      horizontal: true,
      x: order.map((j) => f.weights[j]),
      y: order.map((_, pos) => pos),
      labels: order.map((j) => entropy.names[j]),
      paletteIndex: fi,
    })),
    legend: entropy.fits.length > 1,
    notes: [`Entropy weights (${entropy.method}), ${entropy.nUsed} rows; weights sum to 1${entropy.fits.length > 1 ? " within each group" : ""}.`, ...(spec.notes ?? [])],
    height: Math.max(320, 90 + 22 * m),
  });
}
