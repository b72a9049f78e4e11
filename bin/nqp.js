#!/usr/bin/env node
/* The `nqp` command: runs the TypeScript CLI (src/cli/main.ts) through tsx's CommonJS hook. */
require("tsx/cjs");
const { main } = require("../src/cli/main.ts");
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
