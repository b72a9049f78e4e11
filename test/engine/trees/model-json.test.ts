/**
 * xgboost JSON model exchange (test/reference/boosting/expected/<case>_model.json, saved by xgboost 1.7.4):
 * our TreeSHAP on xgboost's own model files equals pred_contribs / pred_interactions (scaled 1e-5), its
 * predictions equal Booster.predict (scaled 2e-6); writing a read model reproduces the file; the model we
 * train and write is, for the exact cases, the very file xgboost wrote (apart from training attributes).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { formatFloat32, predict, readXgbModel, shapInteractions, shapValues, trainBooster, writeXgbModel } from "../../../src/engine/trees";
import { BOOST, boostCase, caseData, caseInteractions, caseRows, caseSpec, scaledError } from "./cases";

const CASES = ["small_exact", "small_depth3_reg", "small_missing", "small_hist", "er_nqp_exact", "er_nqp_hist"];
const modelText = (name: string) => readFileSync(join(BOOST, "expected", `${name}_model.json`), "utf8");
const withoutAttributes = (text: string) => {
  const j = JSON.parse(text);
  delete j.learner.attributes;
  return j;
};

describe.each(CASES)("xgboost model file of %s", (name) => {
  const c = boostCase(name);
  const d = caseData(c);
  const M = d.m;
  const model = readXgbModel(modelText(name), c.spec.x);

  test("predictions and SHAP from xgboost's model = Booster.predict / pred_contribs", () => {
    const rows = caseRows(name, M);
    expect(scaledError(predict(model, d), rows.prediction)).toBeLessThanOrEqual(2e-6);
    const phi = shapValues(model, d);
    const got: number[] = [];
    const exp: number[] = [];
    rows.shap.forEach((s, i) => s.forEach((v, j) => (got.push(phi[i * (M + 1) + j]), exp.push(v))));
    expect(scaledError(got, exp)).toBeLessThanOrEqual(1e-5);
    const maxPhi = Math.max(...exp.map(Math.abs));
    expect(Math.abs(phi[M] - rows.bias[0])).toBeLessThanOrEqual(1e-5 * Math.max(Math.abs(rows.bias[0]), maxPhi));
  });

  if (!name.includes("hist")) {
    test("interactions from xgboost's model = pred_interactions (first 60 rows)", () => {
      const ref = caseInteractions(name);
      const S = M + 1;
      const nr = Math.min(60, d.n);
      const I = shapInteractions(model, d, { rows: Int32Array.from({ length: nr }, (_, i) => i) });
      const got: number[] = [];
      const exp: number[] = [];
      for (let i = 0; i < nr; i++) for (let a = 0; a < M; a++) for (let b = 0; b < M; b++) (got.push(I[i * S * S + a * S + b]), exp.push(ref[i][a * S + b]));
      expect(scaledError(got, exp)).toBeLessThanOrEqual(1e-5);
    });
  }

  test("writing the read model gives back xgboost's file", () => {
    expect(withoutAttributes(writeXgbModel(model))).toEqual(withoutAttributes(modelText(name)));
  });

  if (name !== "er_nqp_hist") {
    test("the model we train and write is xgboost's file; it reads back to the same predictions", () => {
      const r = trainBooster(d, caseSpec(c));
      const text = writeXgbModel(r.model);
      expect(withoutAttributes(text)).toEqual(withoutAttributes(modelText(name)));
      expect(Array.from(predict(readXgbModel(text, c.spec.x), d))).toEqual(Array.from(r.predictions));
    });
  }
});

test("float32 numbers are written as xgboost does (shortest round trip, E exponent)", () => {
  expect(formatFloat32(0.5)).toBe("5E-1");
  expect(formatFloat32(Math.fround(1.7627869))).toBe("1.7627869E0");
  expect(formatFloat32(0)).toBe("0E0");
  expect(formatFloat32(60)).toBe("6E1");
  for (const v of [Math.fround(Math.PI), Math.fround(-1e-7), Math.fround(123456.789)]) expect(Math.fround(Number(formatFloat32(v)))).toBe(v);
});

test("model files that cannot be explained are refused with a reason", () => {
  const j = JSON.parse(modelText("small_exact"));
  expect(() => readXgbModel("{")).toThrow(/not valid JSON/);
  expect(() => readXgbModel(JSON.stringify({ learner: { ...j.learner, objective: { name: "binary:logistic" } } }))).toThrow(/only reg:squarederror/);
  expect(() => readXgbModel(modelText("small_exact"), ["x1", "x2"])).toThrow(/3 features but 2 were given/);
  const bad = JSON.parse(modelText("small_exact"));
  bad.learner.gradient_booster.model.trees[0].split_indices[0] = 7;
  expect(() => readXgbModel(JSON.stringify(bad))).toThrow(/feature 7/);
});
