#!/usr/bin/env node
// Package bin for the verify command; the TypeScript is built to dist/ by scripts/build.mjs.
const { main } = require("../dist/src/cli/verify.js");

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`eks-jumphost-verify: unexpected error: ${error && error.stack ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
