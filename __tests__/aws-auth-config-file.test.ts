import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { configText, writeFileAtomic } from "../src/aws-auth/config-file";

describe("writeFileAtomic", () => {
  test("replaces the file, keeps its mode and leaves no temporary file", () => {
    const dir = mkdtempSync(join(tmpdir(), "config-file-"));
    const file = join(dir, "c.json");
    writeFileSync(file, "old");
    chmodSync(file, 0o640);
    writeFileAtomic(file, "new");
    expect(readFileSync(file, "utf8")).toBe("new");
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(["c.json"]);
  });

  test("a failed write leaves the file and no temporary file", () => {
    const dir = mkdtempSync(join(tmpdir(), "config-file-"));
    expect(() => writeFileAtomic(join(dir, "missing.json"), "x")).toThrow();
    expect(readdirSync(dir)).toEqual([]);
  });
});

test("configText: 2-space JSON with a final newline", () => {
  expect(configText({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}\n');
});
