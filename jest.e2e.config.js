/** End-to-end tests of the built task pane in headless chromium (`npm run test:e2e`; needs `npm run build`). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test/e2e"],
  testMatch: ["**/*.e2e.ts"],
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }] },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  testTimeout: 300000,
  maxWorkers: 1,
};
