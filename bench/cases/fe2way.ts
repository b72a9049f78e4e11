/**
 * Bench case: two-way FE (id + year) with CR1 clustering by id, 10 regressors, on a synthetic panel of
 * ids x 10 years (each id observed in all 10 years), as fixest's benchmark design. Data are generated
 * once (seeded) in setup, outside the timing; the timed run is the whole fitLinearData pipeline
 * (sample selection, absorbing, QR, CR1 variance, inference).
 */
import { fitLinearData } from "../../src/engine/models/linear-core";
import { LinearData } from "../../src/engine/models/linear-design";
import type { BenchCase } from "../run";
import { xorshift32 } from "./xorshift";

const K = 10;
const YEARS = 10;

export function makeData(n: number): LinearData {
  const rand = xorshift32(20261123);
  const ids = n / YEARS;
  const id = new Int32Array(n);
  const year = new Int32Array(n);
  const idEffect = Float64Array.from({ length: ids }, () => rand());
  for (let i = 0; i < n; i++) {
    id[i] = Math.floor(i / YEARS);
    year[i] = i % YEARS;
  }
  const x = Array.from({ length: K }, (_, j) => {
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) v[i] = rand() + 0.3 * idEffect[id[i]] + 0.01 * year[i] * j;
    return { name: `x${j + 1}`, values: v };
  });
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s2 = idEffect[id[i]] + 0.1 * year[i] + rand();
    for (let j = 0; j < K; j++) s2 += (j + 1) * 0.1 * x[j].values[i];
    y[i] = s2;
  }
  return {
    n,
    y: { name: "y", values: y },
    x,
    fe: [{ name: "id", codes: id }, { name: "year", codes: year }],
    cluster: [{ name: "id", codes: id }],
  };
}

/**
 * Worker-firm style panel: 20,000 workers x 5 years, 4,000 firms, 2% of worker-years move to a random
 * firm (low mobility: many disconnected firm groups, slow for alternating projections); exercises the
 * conjugate-gradient Schur path of the two-way absorption.
 */
export function makeLowMobilityData(): LinearData {
  const base = makeData(100_000);
  let s = 7 >>> 0;
  const rand = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 4294967296);
  const workers = 20_000, years = 5, firms = 4_000;
  const worker = new Int32Array(workers * years);
  const firm = new Int32Array(workers * years);
  for (let w = 0; w < workers; w++) {
    let f = Math.floor(rand() * firms);
    for (let t = 0; t < years; t++) {
      if (rand() < 0.02) f = Math.floor(rand() * firms);
      worker[w * years + t] = w;
      firm[w * years + t] = f;
    }
  }
  return { ...base, fe: [{ name: "worker", codes: worker }, { name: "firm", codes: firm }], cluster: [{ name: "worker", codes: worker }] };
}

function feCase(n: number, name: string, make: () => LinearData = () => makeData(n)): BenchCase {
  let data: LinearData | null = null;
  return {
    name,
    setup(): void {
      data = data ?? make();
    },
    run(): { n: number; k: number } {
      const d = data ?? (data = make());
      const r = fitLinearData(d, { vcov: "cluster" }).result;
      if (r.n > n || r.terms.length !== K + 1) throw new Error(`fe2way bench: unexpected fit (n ${r.n}, terms ${r.terms.length})`);
      return { n, k: K };
    },
  };
}

export const fe2wayCases: BenchCase[] = [
  feCase(100_000, "fe2way_cr1_1e5"),
  feCase(1_000_000, "fe2way_cr1_1e6"),
  feCase(100_000, "fe2way_lowmobility_1e5", makeLowMobilityData),
];
