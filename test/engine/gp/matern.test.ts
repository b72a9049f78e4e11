/**
 * Matern correlation k(r) against test/reference/gp/expected/matern_kernel_values.json (numpy/scipy,
 * cross-checked with R besselK): closed forms for nu = 1/2, 3/2, 5/2, the Bessel form for 0.75, 1.99;
 * 1e-12 absolute. The derivative factor f = -k'(r)/r is checked against central differences.
 */
import { besselK } from "../../../src/engine/gp/bessel";
import { maternF, maternK } from "../../../src/engine/gp/matern";
import { readGp } from "./city2022";

const ref = readGp("matern_kernel_values");

test.each(ref.spec.nu as number[])("k(r) for nu = %p within 1e-12", (nu) => {
  const expected: number[] = ref.results.k[String(nu)];
  (ref.spec.r as number[]).forEach((r, i) => expect(Math.abs(maternK(nu, r) - expected[i])).toBeLessThan(1e-12));
});

test.each([0.5, 0.75, 1.5, 1.99, 2.5, 3.2, Infinity])("f(r) = -k'(r)/r for nu = %p matches central differences", (nu) => {
  for (const r of [0.05, 0.3, 1, 2.5]) {
    const h = 1e-5 * r;
    const fd = -(maternK(nu, r + h) - maternK(nu, r - h)) / (2 * h) / r;
    expect(Math.abs(maternF(nu, r) - fd)).toBeLessThan(1e-7 * Math.max(1, Math.abs(fd)));
  }
});

test("K_nu at half-integer order equals the closed form K_1/2(x) = sqrt(pi / 2x) e^-x", () => {
  for (const x of [0.1, 1, 3, 10]) expect(Math.abs(besselK(0.5, x) / (Math.sqrt(Math.PI / (2 * x)) * Math.exp(-x)) - 1)).toBeLessThan(1e-14);
});
