// Tests are transpiled with swc (no type-checking: `npm test` runs `tsc --noEmit` once first).
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  // Jest uses cores - 1 workers by default: one on the 2-core machines here.
  maxWorkers: 2,
  // End-to-end tests spawn node, kubectl and aws stand-ins; on a loaded 2-core machine one can
  // take longer than jest's 5 s default without anything being wrong.
  testTimeout: 30000,
  roots: ["<rootDir>/__tests__"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["@swc/jest", { jsc: { target: "es2022" } }] },
  setupFilesAfterEnv: ["<rootDir>/setup.js"],
};
