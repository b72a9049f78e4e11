/**
 * Bench case: two-way FE (id + year) with CR1 clustering by id, 10 regressors, on a synthetic panel of
 * ids x 10 years (each id observed in all 10 years), as fixest's benchmark design. Data are generated
 * once (seeded) in setup, outside the timing; the timed run is the whole fitLinearData pipeline
 * (sample selection, absorbing, QR, CR1 variance, inference).
 */
import { fitLinearData } from "../../src/engine/models/linear-core";
import { LinearData } from "../../src/engine/models/linear-design";
import type { BenchCase } from "../run";

const K = 10;
const YEARS = 10;

export function makeData(n: number): LinearData {
  let s = 20261123 >>> 0;
  const rand = () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
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

function feCase(n: number, name: string): BenchCase {
  let data: LinearData | null = null;
  return {
    name,
    setup(): void {
      data = data ?? makeData(n);
    },
    run(): { n: number; k: number } {
      const d = data ?? (data = makeData(n));
      const r = fitLinearData(d, { vcov: "cluster" }).result;
      if (r.n !== n || r.terms.length !== K + 1) throw new Error(`fe2way bench: unexpected fit (n ${r.n}, terms ${r.terms.length})`);
      return { n, k: K };
    },
  };
}

export const fe2wayCases: BenchCase[] = [feCase(100_000, "fe2way_cr1_1e5"), feCase(1_000_000, "fe2way_cr1_1e6")];
