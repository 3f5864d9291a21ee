import { terraformName } from "../src/addresses";
import { principalKey } from "../src/principal";
import type { ClusterConfig, PrincipalConfig } from "../src/config/types";
import type { Block, TerraformJson } from "./helpers/synth";
import { synthJson } from "./helpers/synth";

/** Every resource, data source, output and import of a synth, by address, without cdktf metadata. */
function addresses(json: TerraformJson): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const kind of ["resource", "data"] as const) {
    for (const [type, byName] of Object.entries(json[kind] ?? {})) {
      for (const [name, body] of Object.entries(byName)) {
        const { "//": _metadata, ...rest } = body as Block;
        out.set(`${kind === "data" ? "data." : ""}${type}.${name}`, rest);
      }
    }
  }
  for (const [name, body] of Object.entries(json.output ?? {})) out.set(`output.${name}`, body);
  for (const block of json.import ?? []) out.set(`import.${block.to}`, block);
  return out;
}

const alice: PrincipalConfig = { roleName: "alice", accessPolicies: [{ policy: "AmazonEKSViewPolicy" }] };
const bob: PrincipalConfig = { roleArn: "arn:aws:iam::111122223333:role/teams/bob", accessPolicies: [{ policy: "AmazonEKSAdminViewPolicy", namespaces: ["b"] }] };
const carol: PrincipalConfig = { userArn: "arn:aws:iam::111122223333:user/carol", adopt: true, accessPolicies: [{ policy: "AmazonEKSViewPolicy" }] };
const cluster = (name: string, principals: PrincipalConfig[]): ClusterConfig => ({ name, principals });
// describeClusterPolicy off: a principal's one IAM policy lists all its clusters, so it changes
// (in place) when a cluster is added; every other resource must not change at all.
const noIam = (p: PrincipalConfig): PrincipalConfig => ({ ...p, describeClusterPolicy: false });

describe("Terraform addresses", () => {
  it("cannot collide when names contain the separator", () => {
    expect(terraformName("a", "role-b_c")).not.toBe(terraformName("a_b", "role-c"));
    expect(terraformName("a", "role-b_c")).toBe("a__role-b_5fc");
    expect(terraformName("a_b", "role-c")).toBe("a_5fb__role-c");
    expect(terraformName("a_", "_b")).not.toBe(terraformName("a", "__b"));
  });

  it("are valid Terraform identifiers for any name AWS allows", () => {
    for (const name of [terraformName("1cluster", "role-a+b=c,d.e@f-g_h"), terraformName("x", "user-111122223333-ü")]) {
      expect(name).toMatch(/^[A-Za-z_][A-Za-z0-9_-]*$/);
    }
  });

  it("keys roleName, roleArn and userArn principals apart", () => {
    const keys = [
      principalKey({ roleName: "111122223333-bob" }),
      principalKey({ roleArn: "arn:aws:iam::111122223333:role/bob" }),
      principalKey({ userArn: "arn:aws:iam::111122223333:user/bob" }),
    ];
    expect(new Set(keys).size).toBe(3);
  });

  it("do not change for other principals when principals are reordered, added or removed", () => {
    const before = addresses(synthJson({ region: "us-east-1", clusters: [cluster("prod", [alice, bob])] }));
    const after = addresses(synthJson({ region: "us-east-1", clusters: [cluster("prod", [carol, bob, alice])] }));
    for (const [address, body] of before) expect(after.get(address)).toEqual(body);
    const removed = addresses(synthJson({ region: "us-east-1", clusters: [cluster("prod", [bob])] }));
    for (const [address, body] of removed) expect(before.get(address)).toEqual(body);
    expect([...after.keys()].filter((a) => !before.has(a)).every((a) => a.includes("user-111122223333-carol"))).toBe(true);
  });

  it("do not change for other clusters when clusters are reordered, added or removed", () => {
    const [a, b] = [cluster("a", [alice, bob].map(noIam)), cluster("b", [alice, carol].map(noIam))];
    const before = addresses(synthJson({ region: "us-east-1", clusters: [a, b] }));
    const after = addresses(synthJson({ region: "us-east-1", clusters: [cluster("new", [bob].map(noIam)), b, a] }));
    for (const [address, body] of before) expect(after.get(address)).toEqual(body);
  });
});
