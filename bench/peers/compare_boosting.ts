/**
 * Boosting bench side by side with xgboost 1.7.4 single-thread, alternating runs (the machine may be
 * shared): for each of --runs rounds and each boosting case, one `bench/run.ts --child` run of ours, then
 * one run of bench/peers/xgboost_boosting.py. Prints per case the median wall and CPU seconds of each side
 * and the ratios ours / xgboost (CPU time is the steadier figure on a busy machine).
 * Run: npx tsx bench/peers/compare_boosting.ts [--runs 5] [--case NAME] [--python /usr/bin/python3]
 */
import { execFileSync } from "child_process";
import * as path from "path";

const args = process.argv.slice(2);
const arg = (flag: string, def: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : def);
const runs = Number(arg("--runs", "5"));
const filter = arg("--case", "boost_");
const python = arg("--python", "/usr/bin/python3");
const root = path.resolve(__dirname, "../..");
const CASES = ["boost_exact_3124x8", "boost_hist_1e5x20", "boost_shap_3124x8", "boost_interactions_3124x8"].filter((c) => c.includes(filter));

const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ours: Record<string, { wall: number[]; cpu: number[] }> = {};
const xgb: Record<string, { wall: number[]; cpu: number[] }> = {};
for (let r = 0; r < runs; r++) {
  for (const c of CASES) {
    const o = JSON.parse(execFileSync(process.execPath, [...process.execArgv, path.join(root, "bench/run.ts"), "--child", c], { encoding: "utf8", cwd: root }).trim().split("\n").pop()!);
    (ours[c] ??= { wall: [], cpu: [] }).wall.push(o.seconds);
    ours[c].cpu.push(o.cpu_seconds);
    const x = JSON.parse(execFileSync(python, [path.join(root, "bench/peers/xgboost_boosting.py"), "--case", c, "--repeat", "1"], { encoding: "utf8", cwd: root }).trim());
    (xgb[c] ??= { wall: [], cpu: [] }).wall.push(x.seconds);
    xgb[c].cpu.push(x.cpu_seconds);
    process.stderr.write(`run ${r + 1}/${runs} ${c}: ours ${o.seconds}s (cpu ${o.cpu_seconds}), xgboost ${x.seconds}s (cpu ${x.cpu_seconds})\n`);
  }
}
const f = (v: number) => v.toFixed(3).padStart(8);
console.log(`${"case".padEnd(26)} ${"ours wall".padStart(9)} ${"xgb wall".padStart(8)} ${"ratio".padStart(6)} ${"ours cpu".padStart(8)} ${"xgb cpu".padStart(8)} ${"ratio".padStart(6)}   (medians of ${runs} alternated runs)`);
for (const c of CASES) {
  const ow = median(ours[c].wall), xw = median(xgb[c].wall), oc = median(ours[c].cpu), xc = median(xgb[c].cpu);
  console.log(`${c.padEnd(26)} ${f(ow).padStart(9)} ${f(xw)} ${(ow / xw).toFixed(2).padStart(6)} ${f(oc)} ${f(xc)} ${(oc / xc).toFixed(2).padStart(6)}`);
}
