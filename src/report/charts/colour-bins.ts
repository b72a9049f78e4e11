/**
 * A continuous colour scale as a few discrete classes, for renderers without colour-scale scatters
 * (native Excel charts): the values are cut into `k` equal-width bins over the scale's range, each bin
 * gets a step of the scale's palette (viridis for sequential, blue-grey-orange for diverging; both
 * colour-blind safe) and a legend label with its range. Values without a number form their own class.
 */
import { ChartSeries, ColourScale, DIVERGING, NEUTRAL, SEQUENTIAL } from "./chart";

export interface ColourBin {
  readonly label: string;
  readonly colour: string;
  readonly lo: number;
  readonly hi: number;
  /** Positions (into the series' arrays) of the points in this bin. */
  readonly points: readonly number[];
}

/** `k` colours spread evenly over the palette, low to high. */
export function paletteSteps(palette: ColourScale["palette"], k: number): string[] {
  const stops: readonly string[] = palette === "diverging" ? DIVERGING : SEQUENTIAL;
  if (k <= 1) return [stops[Math.floor(stops.length / 2)]];
  return Array.from({ length: k }, (_, i) => stops[Math.round((i * (stops.length - 1)) / (k - 1))]);
}

/** Short number for a legend: 3 significant digits, no trailing zeros. */
export function legendNumber(v: number): string {
  if (v === 0) return "0";
  const a = Math.abs(v);
  if (a >= 1000 && a < 1e5) return String(Math.round(v));
  const s = a >= 1e5 || a < 1e-3 ? v.toExponential(2) : v.toPrecision(3);
  return s.includes("e") ? s.replace(/\.?0+e/, "e") : s.includes(".") ? s.replace(/\.?0+$/, "") : s;
}

/**
 * The bins of one series' colour values (empty bins dropped) and, when some points have no colour
 * value, a last grey class "no value".
 */
export function colourBins(s: ChartSeries, scale: ColourScale, k = 5): ColourBin[] {
  const values = s.colour ?? [];
  const lo = scale.min;
  const hi = scale.max;
  const width = hi > lo ? (hi - lo) / k : 0;
  const colours = paletteSteps(scale.palette, k);
  const members: number[][] = Array.from({ length: k }, () => []);
  const none: number[] = [];
  values.forEach((v, i) => {
    if (!Number.isFinite(v)) return void none.push(i);
    const b = width > 0 ? Math.min(k - 1, Math.max(0, Math.floor((v - lo) / width))) : Math.floor(k / 2);
    members[b].push(i);
  });
  const out: ColourBin[] = [];
  members.forEach((points, b) => {
    if (!points.length) return;
    const a = width > 0 ? lo + b * width : lo;
    const z = width > 0 ? (b === k - 1 ? hi : lo + (b + 1) * width) : hi;
    const end = b === 0 && scale.lowLabel ? ` (${scale.lowLabel.toLowerCase()})` : b === k - 1 && scale.highLabel ? ` (${scale.highLabel.toLowerCase()})` : "";
    out.push({ label: `${scale.title} ${legendNumber(a)} to ${legendNumber(z)}${end}`, colour: colours[b], lo: a, hi: z, points });
  });
  if (none.length) out.push({ label: `${scale.title}: no value`, colour: NEUTRAL, lo: NaN, hi: NaN, points: none });
  return out;
}
