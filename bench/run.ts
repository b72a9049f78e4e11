/**
 * `npm run bench [-- --json] [-- --case NAME] [-- --repeat N]`: times each registered case in its own
 * child process (so peak memory is per case) and prints seconds and peak resident memory;
 * --json prints one JSON line per case: {"case", "n", "k", "seconds", "peak_mb", "base_mb", "cpu_seconds"}; seconds is
 * the best wall time over --repeat runs (default 1), cpu_seconds that run's CPU time (on a busy machine
 * the wall time includes waiting for a core; the CPU time does not).
 *
 * To add a case: write bench/cases/<name>.ts exporting an object of type BenchCase (setup is
 * untimed: build the data there), then add it to CASES below with one line.
 */
import { execFileSync } from "child_process";
import { entropyCase } from "./cases/entropy";
import { psmCase } from "./cases/psm";
import { fe2wayCases } from "./cases/fe2way";
import { formulaCases } from "./cases/formulas";
import { spatialCase } from "./cases/spatial";
import { boostingCases } from "./cases/boosting";
import { readCsvCase } from "./cases/read-csv";

export interface BenchCase {
  readonly name: string;
  /** Untimed preparation (data generation). */
  setup?(): void;
  /** The timed work; returns the problem size for the report. */
  run(): { n: number; k: number };
}

export const CASES: BenchCase[] = [
  ...fe2wayCases,
  entropyCase,
  ...formulaCases,
  spatialCase,
  psmCase,
  ...boostingCases,
  readCsvCase,
];

interface Measurement {
  case: string;
  n: number;
  k: number;
  seconds: number;
  peak_mb: number;
  /** Resident memory after setup, before the timed runs. */
  base_mb: number;
  /** CPU time (user + system) of the best run: close to the wall time on an idle machine. */
  cpu_seconds: number;
}

function argValue(args: string[], flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Runs one case in this process (child mode) and prints its measurement as JSON. */
function runChild(name: string, repeat: number): void {
  const c = CASES.find((x) => x.name === name);
  if (!c) throw new Error(`unknown bench case ${name}`);
  c.setup?.();
  // Resident memory before the timed runs (after setup): peak_mb - base_mb is what the case itself adds.
  (globalThis as { gc?: () => void }).gc?.();
  const base = process.memoryUsage().rss / (1024 * 1024);
  let best = Infinity;
  let bestCpu = Infinity;
  let size = { n: 0, k: 0 };
  for (let r = 0; r < repeat; r++) {
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    size = c.run();
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    const cu = process.cpuUsage(c0);
    if (s < best) {
      best = s;
      bestCpu = (cu.user + cu.system) / 1e6;
    }
  }
  const peak = process.resourceUsage().maxRSS / 1024;
  const m: Measurement = {
    case: c.name, n: size.n, k: size.k, seconds: Number(best.toFixed(4)), peak_mb: Math.round(peak), base_mb: Math.round(base), cpu_seconds: Number(bestCpu.toFixed(4)),
  };
  process.stdout.write(JSON.stringify(m) + "\n");
}

function main(): void {
  const args = process.argv.slice(2);
  const repeat = Number(argValue(args, "--repeat") ?? "1");
  const child = argValue(args, "--child");
  if (child) {
    runChild(child, repeat);
    return;
  }
  const filter = argValue(args, "--case");
  const json = args.includes("--json");
  const selected = CASES.filter((c) => !filter || c.name.includes(filter));
  if (selected.length === 0) {
    process.stderr.write(`No bench case matches "${filter}". Cases: ${CASES.map((c) => c.name).join(", ")}\n`);
    process.exit(2);
  }
  if (!json) process.stdout.write(`${"case".padEnd(22)} ${"n".padStart(9)} ${"k".padStart(4)} ${"seconds".padStart(9)} ${"cpu s".padStart(7)} ${"peak MB".padStart(8)} ${"base MB".padStart(8)}\n`);
  for (const c of selected) {
    const out = execFileSync(process.execPath, [...process.execArgv, __filename, "--child", c.name, "--repeat", String(repeat)], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 1 << 20,
    });
    const m = JSON.parse(out.trim().split("\n").pop() as string) as Measurement;
    if (json) process.stdout.write(JSON.stringify(m) + "\n");
    else process.stdout.write(`${m.case.padEnd(22)} ${String(m.n).padStart(9)} ${String(m.k).padStart(4)} ${m.seconds.toFixed(3).padStart(9)} ${m.cpu_seconds.toFixed(3).padStart(7)} ${String(m.peak_mb).padStart(8)} ${String(m.base_mb).padStart(8)}\n`);
  }
}

if (require.main === module) main();
