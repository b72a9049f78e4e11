/**
 * NIST StRD linear regression datasets (test/reference/nist/*.dat): data and certified values
 * parsed from each file.
 */
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { REFERENCE } from "./reference";

export const NIST = join(REFERENCE, "nist");

export interface NistCase {
  name: string;
  params: { name: string; estimate: number; sd: number }[];
  residualSd: number;
  y: number[];
  x: number[][]; // predictor columns as in the data block
  intercept: boolean;
  polynomial: boolean;
}

export function parseNist(file: string): NistCase {
  const lines = readFileSync(join(NIST, file), "latin1").split(/\r?\n/);
  const params: NistCase["params"] = [];
  let residualSd = NaN;
  let dataStart = -1;
  let dataCount = 0;
  let modelLine = "";
  lines.forEach((l, i) => {
    const m = /^\s+(B\d+)\s+(\S+)\s+(\S+)\s*$/.exec(l);
    if (m && dataStart < 0) params.push({ name: m[1], estimate: Number(m[2]), sd: Number(m[3]) });
    const r = /Residual\s*$/.test(l) ? lines[i + 1] : "";
    const s = /Standard Deviation\s+(\S+)/.exec(r);
    if (s && Number.isNaN(residualSd)) residualSd = Number(s[1]);
    if (/^\s*y\s*=/.test(l)) modelLine = l;
    if (/^Data:/.test(l) && ++dataCount === 2) dataStart = i + 1;
  });
  const rows = lines.slice(dataStart).map((l) => l.trim()).filter((l) => l.length > 0).map((l) => l.split(/\s+/).map(Number));
  const y = rows.map((r) => r[0]);
  const x = rows[0].slice(1).map((_, j) => rows.map((r) => r[j + 1]));
  return {
    name: file.replace(/\.dat$/, ""),
    params,
    residualSd,
    y,
    x,
    intercept: params.some((p) => p.name === "B0"),
    polynomial: /x\*\*/.test(modelLine),
  };
}

/** The .dat files, sorted. */
export function nistFiles(): string[] {
  return readdirSync(NIST).filter((f) => f.endsWith(".dat")).sort();
}
