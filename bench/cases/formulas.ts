/**
 * Bench cases: one recalculation of =NQP.FE2WAY, =NQP.ENTROPY and =NQP.RESILIENCE on the shipped
 * 3,124-row panel (data/nqp_panel.csv) through the formula wrappers, argument parsing included (the
 * ranges are the any[][] values Excel passes, header row first). Goal: < 30 ms each. The regression's NQP
 * and ER columns are built once, untimed, by the same formulas.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { parseCsv } from "../../src/cli/data";
import { entropy } from "../../src/functions/formulas/entropy";
import { fe2way } from "../../src/functions/formulas/fe2way";
import { resilience } from "../../src/functions/formulas/resilience";
import type { BenchCase } from "../run";

interface Sheet {
  column(name: string): any[][];
  block(from: string, to: string): any[][];
  directions: any[][];
  nqp: any[][];
  er: any[][];
}

let sheet: Sheet | null = null;

function load(): Sheet {
  if (sheet) return sheet;
  const rows = parseCsv(readFileSync(join(__dirname, "../../data/nqp_panel.csv"), "utf8"));
  const header = rows[0];
  const cell = (v: string, r: number) => (r === 0 || Number.isNaN(Number(v)) || v === "" ? v : Number(v));
  const at = (name: string) => {
    const j = header.indexOf(name);
    if (j < 0) throw new Error(`formulas bench: no column ${name}`);
    return j;
  };
  const column = (name: string) => rows.map((r, i) => [cell(r[at(name)], i)]);
  const block = (from: string, to: string) => rows.map((r, i) => r.slice(at(from), at(to) + 1).map((v) => cell(v, i)));
  const indicators = block("gdp_pc", "road_area_pc");
  const directions = [indicators[0].map((name) => (name === "energy_intensity" ? "-" : "+"))];
  const nqp = entropy(indicators, directions);
  const er = resilience(column("gdp_pc"), column("city_id"), column("year"), column("national_gdp_pc"));
  sheet = { column, block, directions, nqp, er };
  return sheet;
}

const n = () => load().nqp.length - 1;

export const formulaCases: BenchCase[] = [
  {
    name: "formula_fe2way_3124",
    setup: () => void load(),
    run() {
      const s = load();
      const out = fe2way(s.er, s.nqp, s.column("city_id"), s.column("year"), s.column("city_id"));
      if (typeof out[1]?.[1] !== "number") throw new Error(`formulas bench: fe2way spilled ${JSON.stringify(out[0])}`);
      return { n: n(), k: 1 };
    },
  },
  {
    name: "formula_entropy_3124x28",
    setup: () => void load(),
    run() {
      const s = load();
      const out = entropy(s.block("gdp_pc", "road_area_pc"), s.directions);
      if (out.length !== n() + 1) throw new Error("formulas bench: entropy spilled the wrong number of rows");
      return { n: n(), k: 28 };
    },
  },
  {
    name: "formula_resilience_3124",
    setup: () => void load(),
    run() {
      const s = load();
      const out = resilience(s.column("gdp_pc"), s.column("city_id"), s.column("year"), s.column("national_gdp_pc"));
      if (out.length !== n() + 1) throw new Error("formulas bench: resilience spilled the wrong number of rows");
      return { n: n(), k: 1 };
    },
  },
];
