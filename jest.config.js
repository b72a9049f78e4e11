/** Unit, reference and component tests. End-to-end browser tests live in test/e2e and run via `npm run test:e2e`. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "/test/e2e/"],
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }] },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  // office-addin-mock requires office-addin-manifest, whose ESM-only dependencies jest cannot load (TOOLCHAIN.md).
  moduleNameMapper: { "^office-addin-manifest$": "<rootDir>/test/support/office-addin-manifest-stub.js" },
  testTimeout: 60000,
};
