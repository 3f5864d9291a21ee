// The README's error examples are the program's real messages: each is produced here and looked up.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runSynth } from "../src/cli/synth";
import { issueExample } from "./helpers/synth";

const README = readFileSync(join(__dirname, "..", "README.md"), "utf8");

async function errorFor(config: unknown, text?: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "readme-"));
  const file = join(dir, "jumphost.config.json");
  writeFileSync(file, text ?? JSON.stringify(config));
  const err: string[] = [];
  await runSynth({ env: { JUMPHOST_CONFIG: file, CDKTF_OUTDIR: join(dir, "out") }, out: () => undefined, err: (line) => err.push(line) });
  return err.filter((line) => line.startsWith("error: ")).join("\n").split(file).join("jumphost.config.json");
}

const principal = (config: any) => config.stacks[0].clusters[0].principals[0];

describe("README error examples", () => {
  it.each<[string, (config: any) => void]>([
    ["a misspelled policy", (c) => void (principal(c).accessPolicies[0].policy = "AmazonEKSViewPolicyy")],
    [
      "a misspelled key",
      (c) => {
        principal(c).acessPolicies = principal(c).accessPolicies;
        delete principal(c).accessPolicies;
      },
    ],
    ["roleName with roleArn", (c) => void (principal(c).roleArn = "arn:aws:iam::123456789012:role/jumphost")],
    ["an admin policy without allowAdmin", (c) => void (principal(c).accessPolicies[0].policy = "AmazonEKSClusterAdminPolicy")],
    ["policies on a node entry", (c) => void (principal(c).type = "EC2_LINUX")],
  ])("%s", async (_case, change) => {
    const config = issueExample();
    change(config);
    const message = await errorFor(config);
    expect(message).toMatch(/^error: jumphost\.config\.json: /);
    expect(README).toContain(message);
  });

  it("invalid JSON", async () => {
    const message = await errorFor(undefined, '{\n  "stacks": [],\n}\n');
    expect(README).toContain(message);
  });

  it("IAM limits", async () => {
    const clusters = Array.from({ length: 200 }, (_, i) => ({ name: `c${i}-${"x".repeat(90)}`, principals: [{ roleName: "jumphost" }] }));
    const message = await errorFor({ stacks: [{ name: "fleet", clusters }] });
    expect(README).toContain(message);
  });
});
