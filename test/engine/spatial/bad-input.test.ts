/**
 * Bad input for the spatial engine: each case must fail with a message that names what is wrong (units,
 * years, coordinates, ids, the bound). The data are the reference panel (test/reference/data) with one
 * thing broken.
 */
import { Cell, frameFromCells } from "../../../src/engine/frame";
import { alignUserMatrix, buildWeights } from "../../../src/engine/spatial/build";
import { fitSpatial } from "../../../src/engine/spatial/fit";
import { logDetFromSpectrum } from "../../../src/engine/spatial/logdet";
import { moranOnFrame } from "../../../src/engine/spatial/moran-frame";
import { balancedPanel } from "../../../src/engine/spatial/panel";
import { fitLagModel } from "../../../src/engine/spatial/qml";
import { spectrumOfWeights } from "../../../src/engine/spatial/spectrum";
import { Rng } from "../../../src/engine/resample/rng";
import { nqpCitiesWithIndices } from "../../support/reference";
import { modelPanel } from "./support";

const X = ["NQP", "GDP", "FTE", "BOOK", "OPEN", "FEF"];
function panelCells(): Cell[][] {
  const all = nqpCitiesWithIndices();
  const yi = all[0].indexOf("year");
  return [all[0], ...all.slice(1).filter((r) => Number(r[yi]) >= 2013).map((r) => [...r])];
}
const H = panelCells()[0] as string[];
const col = (s: string) => H.indexOf(s);
const spec = { id: "city_id", time: "year", lat: "lat", lon: "lon", weights: "knn:5", model: "sdm" as const, y: "ER", x: X };

describe("spatial bad input", () => {
  test("unbalanced panel: the message names the units and years missing", () => {
    const cells = panelCells().filter((r) => !((r[col("city_id")] === "C007" && r[col("year")] === "2015") || (r[col("city_id")] === "C100" && r[col("year")] === "2020")));
    expect(() => balancedPanel(frameFromCells(cells), "city_id", "year")).toThrow(/units C007, C100 lack year 2015, 2020 .*C007 in 2015/);
  });
  test("a unit twice in one year", () => {
    const cells = panelCells();
    cells.push([...cells[1]]);
    expect(() => balancedPanel(frameFromCells(cells), "city_id", "year")).toThrow(/Unit "C001" appears twice in year 2013/);
  });
  test("missing value of a regressor names the unit and year", () => {
    const cells = panelCells();
    const r = cells.findIndex((c) => c[col("city_id")] === "C010" && c[col("year")] === "2018");
    cells[r][col("GDP")] = "";
    expect(() => fitSpatial(frameFromCells(cells), spec)).toThrow(/"GDP" is missing for 1 unit-period row\(s\): C010 in 2018/);
  });
  test("duplicate coordinates name both units", () => {
    const cells = panelCells();
    const lat3 = cells.find((c) => c[col("city_id")] === "C003")![col("lat")];
    const lon3 = cells.find((c) => c[col("city_id")] === "C003")![col("lon")];
    for (const c of cells) if (c[col("city_id")] === "C005") { c[col("lat")] = lat3; c[col("lon")] = lon3; }
    expect(() => buildWeights(frameFromCells(cells), { id: "city_id", lat: "lat", lon: "lon", weights: "knn:5" })).toThrow(/Units "C003" and "C005" have the same coordinates/);
  });
  test("missing coordinates name the unit", () => {
    const cells = panelCells();
    for (const c of cells) if (c[col("city_id")] === "C042") c[col("lon")] = "";
    expect(() => buildWeights(frameFromCells(cells), { id: "city_id", lat: "lat", lon: "lon", weights: "idw:1,500" })).toThrow(/Unit "C042" has a missing lon coordinate/);
  });
  test("coordinates not constant within a unit", () => {
    const cells = panelCells();
    cells[3][col("lat")] = "43.5";
    expect(() => buildWeights(frameFromCells(cells), { id: "city_id", lat: "lat", lon: "lon", weights: "knn:5" })).toThrow(/"lat" must be constant within a unit, but unit "C001"/);
  });
  test("units with no neighbours (idw:1,150 has 13 islands) are named; the model refuses them", () => {
    expect(() => fitSpatial(modelPanel(), { ...spec, weights: "idw:1,150" })).toThrow(/Unit\(s\) C008, C024, C054, C090, C128, C145, C205, C208, C221, C266 and more have no neighbour under idw:1,150/);
  });
  test("W whose ids do not match the data", () => {
    const ids = ["A", "B", "C"];
    const m = { rowIds: ["A", "B", "D"], colIds: ["A", "B", "D"], values: [0, 1, 1, 1, 0, 1, 1, 1, 0], source: "W.csv" };
    expect(() => alignUserMatrix(ids, m)).toThrow(/W.csv do not match the data's units: 1 unit\(s\) of the data are not in the matrix \(C\); 1 id\(s\) of the matrix are not in the data \(D\)/);
    expect(() => alignUserMatrix(ids, { ...m, rowIds: ["A", "B", "C"], colIds: ["A", "C", "B"] })).toThrow(/row 2 is unit "B" but column 3 is "C"/);
    expect(() => alignUserMatrix(ids, { ...m, rowIds: ids, colIds: ids, values: [1, 1, 1, 1, 0, 1, 1, 1, 0] })).toThrow(/diagonal entry of unit "A"/);
  });
  test("bad weights spec lists the allowed forms", () => {
    expect(() => buildWeights(modelPanel(), { id: "city_id", lat: "lat", lon: "lon", weights: "queen:1" })).toThrow(/unknown kind "queen"; allowed: knn:K, idw:P/);
    expect(() => buildWeights(modelPanel(), { id: "city_id", lat: "lat", lon: "lon", weights: "knn:0" })).toThrow(/whole number k >= 1/);
  });
  test("Moran with a missing value names the unit", () => {
    const cells = panelCells();
    const r = cells.findIndex((c) => c[col("city_id")] === "C011" && c[col("year")] === "2016");
    cells[r][col("ER")] = "NA";
    expect(() => moranOnFrame(frameFromCells(cells), { id: "city_id", lat: "lat", lon: "lon", weights: "knn:5", variable: "ER", time: "year" })).toThrow(/is missing for 1 unit\(s\): C011/);
  });
  test("rho at the bound of the admissible interval is an error, not an estimate", () => {
    const { weights } = buildWeights(modelPanel(), { id: "city_id", lat: "lat", lon: "lon", weights: "knn:5" });
    const logdet = logDetFromSpectrum(spectrumOfWeights(weights));
    const n = weights.n;
    const rng = new Rng(3);
    const y = Float64Array.from({ length: n }, () => rng.uniform() - 0.5);
    const Z = Float64Array.from({ length: n }, () => rng.uniform() - 0.5);
    const Wy = Float64Array.from(y, (v) => v / 3); // SSR falls all the way to rho = 3
    expect(() => fitLagModel({ nEff: n, cJ: 1e-3, leeYuTerm: true, logdet, param: "rho" }, Z, n, 1, y, Wy)).toThrow(/rho is at the bound 1\.00000/);
  });
});
