/**
 * Issue 11: a full-column formula input (1,048,575 rows, Excel's maximum below a header) no longer
 * overflows the call stack (Math.min(...array) spreads in args.ts and elsewhere). The estimates are checked
 * against the engine called on the same arrays directly.
 */
import { entropy } from "../../src/functions/formulas/entropy";
import { fe2way } from "../../src/functions/formulas/fe2way";
import { fitLinearData } from "../../src/engine/models/linear-core";
import { entropyIndex } from "../../src/engine/indices/entropy";
import { uniformStream } from "../support/random";

const N = 1_048_575;
jest.setTimeout(120_000);

function columns() {
  const rnd = uniformStream(11);
  const y = new Float64Array(N), x = new Float64Array(N), z = new Float64Array(N);
  const id = new Int32Array(N), t = new Int32Array(N);
  for (let i = 0; i < N; i++) {
    id[i] = i % 1025;
    t[i] = Math.floor(i / 1025);
    x[i] = rnd();
    z[i] = rnd() * 3;
    y[i] = 0.5 * x[i] + (id[i] % 7) * 0.1 + t[i] * 0.001 + rnd();
  }
  return { y, x, z, id, t };
}

test("=NQP.FE2WAY and =NQP.ENTROPY on 1,048,575-row ranges", () => {
  const c = columns();
  const col = (a: ArrayLike<number>) => Array.from(a, (v) => [v]);
  const out = fe2way(col(c.y), col(c.x), col(c.id), col(c.t));
  const direct = fitLinearData({
    n: N,
    y: { name: "y", values: c.y },
    x: [{ name: "x", values: c.x }],
    fe: [{ name: "id", codes: c.id }, { name: "time", codes: c.t }],
  }).result;
  expect(out[1][0]).toBe("x");
  expect(out[1][1]).toBe(direct.coef[0]);
  expect(out[1][2]).toBe(direct.se[0]);
  expect(out.find((r) => r[0] === "N")![1]).toBe(N);

  const ind = Array.from({ length: N }, (_, i) => [c.x[i], c.z[i]]);
  const s = entropy(ind);
  expect(s).toHaveLength(N);
  const e = entropyIndex([c.x, c.z], ["indicators1", "indicators2"]);
  expect(s[N - 1][0]).toBe(e.scores[N - 1]);
});
