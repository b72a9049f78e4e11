/**
 * Spatial figures from plain arrays (so the spatial engine can feed them without this file knowing it):
 * Moran scatter (z against its spatial lag Wz, with the fitted slope = Moran's I for standardised z and
 * row-standardised W), LISA cluster map, point map of a variable on (lon, lat) with a colour scale and
 * optional GeoJSON outlines, and GeoShapley effect maps (a point map with a diverging scale centred at 0).
 */
import { Chart, ChartSeries, GeoJsonLike, finiteRange, makeChart } from "./chart";

export interface MoranSpec {
  readonly title?: string;
  readonly variable: string;
  /** Standardised variable and its spatial lag, length n. */
  readonly z: ArrayLike<number>;
  readonly wz: ArrayLike<number>;
  /** Fitted slope (Moran's I); default: the least-squares slope of wz on z through the origin. */
  readonly slope?: number;
  readonly names?: readonly string[];
  readonly notes?: readonly string[];
}

/** Slope of wz on z through the origin: sum(z wz) / sum(z^2) over the finite pairs. */
export function originSlope(z: ArrayLike<number>, wz: ArrayLike<number>): number {
  let zz = 0;
  let zw = 0;
  for (let i = 0; i < z.length; i++)
    if (Number.isFinite(z[i]) && Number.isFinite(wz[i])) {
      zz += z[i] * z[i];
      zw += z[i] * wz[i];
    }
  return zw / zz;
}

export function moranScatter(spec: MoranSpec): Chart {
  if (spec.z.length !== spec.wz.length) throw new Error(`moranScatter: z has ${spec.z.length} values, wz has ${spec.wz.length}.`);
  const slope = spec.slope ?? originSlope(spec.z, spec.wz);
  return makeChart({
    kind: "moran",
    title: spec.title ?? `Moran scatter plot of ${spec.variable}`,
    x: { title: `${spec.variable} (standardised)`, scale: "linear", reference: [{ value: 0 }] },
    y: { title: `Spatial lag of ${spec.variable}`, scale: "linear", reference: [{ value: 0 }] },
    series: [{ name: "Units", mark: "point", x: Array.from(spec.z), y: Array.from(spec.wz), labels: spec.names, paletteIndex: 0 }],
    fitted: [{ label: `Slope (Moran's I) = ${slope.toFixed(4)}`, intercept: 0, slope }],
    legend: true,
    notes: ["Quadrants: HH top right, LL bottom left, LH top left, HL bottom right.", ...(spec.notes ?? [])],
    width: 560,
    height: 520,
  });
}

export type LisaCluster = "HH" | "LL" | "LH" | "HL" | "NS";
/** Colour-blind-safe colours (palette positions): HH vermillion, LL blue, LH sky blue, HL orange, NS grey (none). */
const LISA: readonly { readonly value: LisaCluster; readonly label: string; readonly paletteIndex: number }[] = [
  { value: "HH", label: "High-High", paletteIndex: 1 },
  { value: "LL", label: "Low-Low", paletteIndex: 0 },
  { value: "LH", label: "Low-High", paletteIndex: 5 },
  { value: "HL", label: "High-Low", paletteIndex: 4 },
  { value: "NS", label: "Not significant", paletteIndex: -1 },
];
/** GeoDa / PySAL codes: 0 not significant, 1 HH, 2 LH, 3 LL, 4 HL (PySAL `q` with significance). */
const LISA_CODES: readonly LisaCluster[] = ["NS", "HH", "LH", "LL", "HL"];

export function lisaCluster(v: string | number): LisaCluster {
  if (typeof v === "number") {
    const c = LISA_CODES[v];
    if (c === undefined) throw new Error(`LISA cluster code ${v} is not one of 0 (n.s.), 1 (HH), 2 (LH), 3 (LL), 4 (HL).`);
    return c;
  }
  const u = v.trim().toUpperCase();
  if (/^\d$/.test(u)) return lisaCluster(Number(u));
  if (u === "" || u === "NS" || u === "N.S." || u === "NOT SIGNIFICANT") return "NS";
  if ((["HH", "LL", "LH", "HL"] as string[]).includes(u)) return u as LisaCluster;
  throw new Error(`LISA cluster "${v}" is not one of HH, LL, LH, HL, NS (or the codes 0-4).`);
}

export interface MapBase {
  readonly title: string;
  readonly lon: ArrayLike<number>;
  readonly lat: ArrayLike<number>;
  readonly names?: readonly string[];
  readonly boundaries?: GeoJsonLike;
  readonly notes?: readonly string[];
}

function checkCoords(b: MapBase, n: number, what: string) {
  if (b.lon.length !== n || b.lat.length !== n) throw new Error(`${what}: lon has ${b.lon.length}, lat ${b.lat.length}, values ${n} entries.`);
}

/** Map size with about equal distances on both axes at the mean latitude. */
function mapSize(lon: ArrayLike<number>, lat: ArrayLike<number>): { width: number; height: number } {
  const [x0, x1] = finiteRange(Array.from(lon));
  const [y0, y1] = finiteRange(Array.from(lat));
  const k = Math.cos((((y0 + y1) / 2) * Math.PI) / 180);
  const ratio = Math.min(1.6, Math.max(0.6, (y1 - y0) / Math.max(1e-9, (x1 - x0) * k)));
  const width = 720;
  return { width, height: Math.round(120 + (width - 200) * ratio) };
}

const axes = (b: MapBase) => ({ x: { title: "Longitude", scale: "linear" as const }, y: { title: "Latitude", scale: "linear" as const }, geo: { boundaries: b.boundaries }, ...mapSize(b.lon, b.lat) });

export function lisaMap(spec: MapBase & { readonly cluster: readonly (string | number)[]; readonly variable?: string }): Chart {
  checkCoords(spec, spec.cluster.length, "lisaMap");
  const cl = spec.cluster.map(lisaCluster);
  const series = LISA.map((c): ChartSeries => {
    const idx = cl.flatMap((v, i) => (v === c.value ? [i] : []));
    return { name: `${c.label} (${idx.length})`, mark: "point", x: idx.map((i) => spec.lon[i]), y: idx.map((i) => spec.lat[i]), labels: spec.names ? idx.map((i) => spec.names![i]) : undefined, paletteIndex: c.paletteIndex };
  }).filter((s) => s.x.length > 0);
  return makeChart({ kind: "lisa", title: spec.title, series, legend: true, notes: [`Local Moran clusters${spec.variable ? ` of ${spec.variable}` : ""}.`, ...(spec.notes ?? [])], ...axes(spec) });
}

export interface PointMapSpec extends MapBase {
  readonly value: ArrayLike<number>;
  readonly valueLabel: string;
  /** Diverging scale centred at 0 (default false: sequential from min to max). */
  readonly diverging?: boolean;
}

export function pointMap(spec: PointMapSpec, kind: "map" | "geoshapley-map" = "map"): Chart {
  const n = spec.value.length;
  checkCoords(spec, n, "pointMap");
  const keep = Array.from({ length: n }, (_, i) => i).filter((i) => Number.isFinite(spec.value[i]) && Number.isFinite(spec.lon[i]) && Number.isFinite(spec.lat[i]));
  if (!keep.length) throw new Error(`pointMap: no location has a finite ${spec.valueLabel}, lon and lat.`);
  const values = keep.map((i) => spec.value[i]);
  let [min, max] = finiteRange(values);
  if (spec.diverging) {
    const a = Math.max(Math.abs(min), Math.abs(max));
    [min, max] = [-a, a];
  }
  return makeChart({
    kind,
    title: spec.title,
    series: [{ name: spec.valueLabel, mark: "point", x: keep.map((i) => spec.lon[i]), y: keep.map((i) => spec.lat[i]), colour: values, labels: spec.names ? keep.map((i) => spec.names![i]) : undefined }],
    colourScale: { kind: "continuous", title: spec.valueLabel, min, max, palette: spec.diverging ? "diverging" : "sequential" },
    legend: false,
    notes: [...(n > keep.length ? [`${n - keep.length} location(s) without a value or coordinates left out.`] : []), ...(spec.notes ?? [])],
    ...axes(spec),
  });
}

/** A GeoShapley effect map: one component (intrinsic location effect, or a feature's interaction with location). */
export function geoshapleyMap(spec: MapBase & { readonly values: ArrayLike<number>; readonly component: string }): Chart {
  return pointMap({ ...spec, value: spec.values, valueLabel: `GeoShapley: ${spec.component}`, diverging: true, notes: ["Colour: contribution to the prediction (0 = none; diverging scale centred at 0).", ...(spec.notes ?? [])] }, "geoshapley-map");
}
