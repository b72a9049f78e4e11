/**
 * Issue 11: the ivreg2 collinearity checks. An instrument that duplicates the endogenous regressor gave
 * 2SLS = OLS with Cragg-Donald F = -2.95e17; now it is refused with a statement naming the instrument.
 * An instrument collinear with the others is left out with the combination it equals.
 */
import { frameFromColumns } from "../../../src/engine/frame";
import { fitIv } from "../../../src/engine/models/iv";
import { uniformStream } from "../../support/random";

function data(n = 200) {
  const r = uniformStream(5);
  const z1 = Float64Array.from({ length: n }, () => r());
  const z2 = Float64Array.from({ length: n }, () => r());
  const w = Float64Array.from({ length: n }, () => r());
  const x = z1.map((v, i) => v + 0.5 * z2[i] + r());
  const y = x.map((v, i) => 2 * v + w[i] + r());
  return { y, x, w, z1, z2, n };
}

test("an instrument that copies the endogenous regressor is refused, naming it", () => {
  const d = data();
  const frame = frameFromColumns({ y: d.y, x: d.x, w: d.w, xcopy: Float64Array.from(d.x) });
  expect(() => fitIv(frame, { y: "y", endog: ["x"], instruments: ["xcopy"], x: ["w"] })).toThrow(
    /Endogenous regressor\(s\) collinear with the instruments: "x" = 1 x "xcopy"/,
  );
  // A copy up to a control (x = 2 xc - w) is the same.
  const xc = d.x.map((v, i) => (v + d.w[i]) / 2);
  const f2 = frameFromColumns({ y: d.y, x: d.x, w: d.w, xc });
  expect(() => fitIv(f2, { y: "y", endog: ["x"], instruments: ["xc"], x: ["w"] })).toThrow(/"x" = -1 x "w" \+ 2 x "xc"/);
});

test("a rank-deficient instrument set: the dropped instrument names the combination it equals", () => {
  const d = data();
  const z3 = d.z1.map((v, i) => 2 * v - d.z2[i]);
  const r = fitIv(frameFromColumns({ y: d.y, x: d.x, w: d.w, z1: d.z1, z2: d.z2, z3 }), { y: "y", endog: ["x"], instruments: ["z1", "z2", "z3"], x: ["w"] });
  expect(r.omittedInstruments.z3).toMatch(/equals 2 x "z1" \+ -1 x "z2"/);
  expect(r.instruments).toEqual(["z1", "z2"]);
  const cd = r.diagnostics.find((g) => g.name === "cd_f")!;
  expect(cd.statistic).toBeGreaterThan(0);
});
