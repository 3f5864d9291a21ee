import fs, { chmodSync, lstatSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkMergeTarget, configText, writeFileAtomic } from "../src/aws-auth/config-file";
import { fsError } from "./helpers/fs-errors";

const tempDir = () => mkdtempSync(join(tmpdir(), "config-file-"));

afterEach(() => jest.restoreAllMocks());

describe("writeFileAtomic", () => {
  test("replaces the file, keeps its mode and leaves no temporary file", () => {
    const dir = tempDir();
    const file = join(dir, "c.json");
    writeFileSync(file, "old");
    chmodSync(file, 0o640);
    writeFileAtomic(file, "new");
    expect(readFileSync(file, "utf8")).toBe("new");
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(["c.json"]);
  });

  test("a symbolic link stays a link; the file it points to is replaced, in its own folder", () => {
    const [linkDir, realDir] = [tempDir(), tempDir()];
    const real = join(realDir, "real.json");
    const link = join(linkDir, "link.json");
    writeFileSync(real, "old");
    symlinkSync(real, link);
    writeFileAtomic(link, "new");
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, "utf8")).toBe("new");
    expect([readdirSync(linkDir), readdirSync(realDir)]).toEqual([["link.json"], ["real.json"]]);
  });

  test("a missing file: file not found, nothing created", () => {
    const dir = tempDir();
    expect(() => writeFileAtomic(join(dir, "missing.json"), "x")).toThrow(`${join(dir, "missing.json")}: file not found.`);
    expect(readdirSync(dir)).toEqual([]);
  });

  test("a failed write names the file and the OS reason, and leaves the file and no temporary file", () => {
    const dir = tempDir();
    const file = join(dir, "c.json");
    writeFileSync(file, "old");
    jest.spyOn(fs, "renameSync").mockImplementation(() => {
      throw fsError("ENOSPC", "no space left on device, rename");
    });
    expect(() => writeFileAtomic(file, "new")).toThrow(`${file}: cannot write: no space left on device (ENOSPC). Nothing was written; the file is unchanged.`);
    expect(readFileSync(file, "utf8")).toBe("old");
    expect(readdirSync(dir)).toEqual(["c.json"]);
  });
});

describe("checkMergeTarget", () => {
  test("a regular file: its real path; a link: the file it points to", () => {
    const dir = tempDir();
    const real = join(dir, "c.json");
    writeFileSync(real, "{}");
    symlinkSync(real, join(dir, "link.json"));
    expect(checkMergeTarget(real)).toEqual({ real: fs.realpathSync(real), viaLink: false });
    expect(checkMergeTarget(join(dir, "link.json"))).toEqual({ real: fs.realpathSync(real), viaLink: true });
  });

  test.each([
    ["/nonexistent/c.json", "/nonexistent/c.json: file not found."],
    [tmpdir(), `${tmpdir()}: is not a regular file; --merge needs a JSON config file.`],
    ["/dev/null", "/dev/null: is not a regular file; --merge needs a JSON config file."],
  ])("%s: one message", (file, message) => {
    expect(() => checkMergeTarget(file)).toThrow(message);
  });

  test("a folder that cannot take the temporary file is reported before any write", () => {
    const dir = tempDir();
    const file = join(dir, "c.json");
    writeFileSync(file, "{}");
    // Root may write anywhere but on a read-only file system, which tests cannot mount: simulated.
    jest.spyOn(fs, "accessSync").mockImplementation(() => {
      throw fsError("EROFS", `read-only file system, access '${dir}'`);
    });
    expect(() => checkMergeTarget(file)).toThrow(`${file}: cannot write to its folder ${fs.realpathSync(dir)}: read-only file system (EROFS). Nothing was written.`);
  });
});

test("configText: 2-space JSON with a final newline", () => {
  expect(configText({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}\n');
});
