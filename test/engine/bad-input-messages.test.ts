/** Issue 11 (bad input round 2), unclear messages: each now names what is at fault. */
import { frameFromColumns } from "../../src/engine/frame";
import { fitLinear } from "../../src/engine/models/linear";
import { varianceInflation } from "../../src/engine/stats/describe";
import { validateSpecFile } from "../../src/report/spec";

test("more regressors than rows: says how many were set aside as collinear", () => {
  const n = 5;
  const cols: Record<string, number[]> = { y: [1, 3, 2, 5, 4] };
  for (let j = 1; j <= 7; j++) cols[`x${j}`] = Array.from({ length: n }, (_, i) => Math.sin((i + 1) * j) + (i * j) % 3);
  const f = frameFromColumns(cols);
  expect(() => fitLinear(f, { y: "y", x: Object.keys(cols).slice(1) })).toThrow(
    /5 rows in the estimation sample but the model has 5 parameters \(4 slopes \+ 1 for the constant\)\. Of the 7 regressors given, 3 were set aside as collinear before counting \(x5, x6, x7\)/,
  );
});

test("VIF on an exactly collinear set names only the columns in it", () => {
  const x1 = [1, 2, 3, 4, 5, 6, 7, 8], x2 = [2, 1, 4, 3, 6, 5, 8, 9], other = [5, 3, 8, 1, 9, 2, 7, 4];
  const x3 = x1.map((v, i) => v + 2 * x2[i]);
  let msg = "";
  try {
    varianceInflation([other, x1, x2, x3], ["other", "x1", "x2", "x3"]);
  } catch (e) {
    msg = (e as Error).message;
  }
  expect(msg).toMatch(/Perfect collinearity in the sample \(x3 = 1 x x1 \+ 2 x x2, up to a constant\)/);
  expect(msg).not.toMatch(/other/);
});

test('a spec file without "tables" names the missing key and the near miss', () => {
  expect(() => validateSpecFile({ tabels: [{ kind: "regression" }] })).toThrow(/The spec has no "tables" key \(its keys: tabels\); did you mean "tables" for "tabels"\?/);
  expect(() => validateSpecFile({})).toThrow(/The spec has no "tables" key\. Give/);
});
