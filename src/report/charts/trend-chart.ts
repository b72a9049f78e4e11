/**
 * Trend of a variable by year and group: the mean of the variable over the rows of each (group, year)
 * with a finite value, one line per group, and an optional vertical marker (e.g. the first post-policy year).
 */
import { Chart, ChartSeries, makeChart } from "./chart";

export interface TrendSpec {
  readonly title: string;
  readonly time: ArrayLike<number>;
  readonly value: ArrayLike<number>;
  /** Group per row (null = row left out); omitted: one line over all rows. */
  readonly group?: readonly (string | null)[];
  readonly groupLabels?: Readonly<Record<string, string>>;
  readonly valueLabel: string;
  readonly timeLabel?: string;
  /** Vertical marker at this time (e.g. a policy year) with its label. */
  readonly marker?: { readonly at: number; readonly label: string };
  readonly notes?: readonly string[];
}

const isNum = (s: string) => /^[+-]?(\d+\.?\d*|\.\d+)$/.test(s);

export function trendChart(spec: TrendSpec): Chart {
  const n = spec.value.length;
  if (spec.time.length !== n) throw new Error(`trendChart: time has ${spec.time.length} rows, value has ${n}.`);
  if (spec.group && spec.group.length !== n) throw new Error(`trendChart: group has ${spec.group.length} rows, value has ${n}.`);
  const sums = new Map<string, Map<number, [number, number]>>();
  let skipped = 0;
  for (let i = 0; i < n; i++) {
    const g = spec.group ? spec.group[i] : "All";
    const t = spec.time[i];
    const v = spec.value[i];
    if (g === null || !Number.isFinite(t) || !Number.isFinite(v)) {
      skipped++;
      continue;
    }
    const byT = sums.get(g) ?? new Map<number, [number, number]>();
    sums.set(g, byT);
    const acc = byT.get(t) ?? [0, 0];
    acc[0] += v;
    acc[1] += 1;
    byT.set(t, acc);
  }
  if (!sums.size) throw new Error(`trendChart: no row has a finite ${spec.valueLabel}, time and group.`);
  const groups = [...sums.keys()];
  groups.sort((a, b) => (groups.every(isNum) ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0));
  const series = groups.map((g, gi): ChartSeries => {
    const byT = sums.get(g)!;
    const times = [...byT.keys()].sort((a, b) => a - b);
    return { name: spec.groupLabels?.[g] ?? g, mark: "line", x: times, y: times.map((t) => byT.get(t)![0] / byT.get(t)![1]), size: times.map((t) => byT.get(t)![1]), paletteIndex: gi };
  });
  const all = series.flatMap((s) => s.x);
  return makeChart({
    kind: "trend",
    title: spec.title,
    x: { title: spec.timeLabel ?? "Year", scale: "linear", min: Math.min(...all), max: Math.max(...all), reference: spec.marker ? [{ value: spec.marker.at, label: spec.marker.label }] : [] },
    y: { title: `Mean ${spec.valueLabel}`, scale: "linear" },
    series,
    legend: true,
    notes: [`Lines: mean of ${spec.valueLabel} by year${spec.group ? " and group" : ""} (size = rows averaged).`, ...(skipped ? [`${skipped} row(s) without a value, year or group left out.`] : []), ...(spec.notes ?? [])],
  });
}
