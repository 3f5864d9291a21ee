// runCommand never rejects: every way a child can fail to start becomes an outcome.
import { runCommand } from "../src/verify/run-command";

test("not on PATH: missing", async () => {
  expect(await runCommand("eks-verify-no-such-tool", [], 5_000, { PATH: "/nonexistent" })).toMatchObject({ missing: true, spawnError: undefined, code: null });
});

test("an argument that cannot be passed (NUL byte): a spawn error, not a thrown exception", async () => {
  expect(await runCommand(process.execPath, ["a\0b"], 5_000, process.env)).toMatchObject({ missing: false, spawnError: "ERR_INVALID_ARG_VALUE", code: null });
});

test("a non-zero exit is an exit code, not a spawn error", async () => {
  expect(await runCommand(process.execPath, ["-e", "process.exit(3)"], 5_000, process.env)).toMatchObject({ missing: false, spawnError: undefined, code: 3 });
});
