import { boostingCases } from "../../bench/cases/boosting";
const which = process.argv[2] ?? "hist";
const c = boostingCases.find((x) => x.name.includes(which))!;
c.setup?.();
const t0 = Date.now();
c.run();
console.log(which, (Date.now() - t0) / 1000);
