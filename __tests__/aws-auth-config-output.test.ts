import { choosePlacement, mergePrincipals, newConfig, PlacementError, stackAccount } from "../src/aws-auth/config-output";
import { AwsAuthInputError } from "../src/aws-auth/errors";
import type { JumphostConfig } from "../src/config/types";

const CONFIG: JumphostConfig = {
  stacks: [
    { name: "prod", assumeRoleArn: "arn:aws:iam::444455556666:role/deployer", clusters: [{ name: "prod-eks", principals: [{ roleName: "Jumphost" }] }] },
    { name: "dev", clusters: [{ name: "dev-a", principals: [{ userArn: "arn:aws:iam::111122223333:user/bob" }] }, { name: "dev-b", principals: [{ roleName: "x" }] }] },
  ],
};

describe("choosePlacement", () => {
  test.each([
    ["the stack holding --cluster", undefined, "dev-b", { stack: "dev", cluster: "dev-b" }],
    ["--stack and --cluster, created when absent", "new", "new-eks", { stack: "new", cluster: "new-eks" }],
    ["the stack's only cluster", "prod", undefined, { stack: "prod", cluster: "prod-eks" }],
  ])("%s", (_what, stack, cluster, expected) => {
    expect(choosePlacement(CONFIG, stack, cluster)).toEqual(expected);
  });

  test.each([
    [undefined, undefined, "the config has 2 stacks; pass --stack NAME"],
    [undefined, "unknown", "the config has 2 stacks; pass --stack NAME"],
    ["dev", undefined, 'cannot tell which cluster of stack "dev" the ConfigMap belongs to; pass --cluster NAME'],
  ])("--stack %s --cluster %s: %s", (stack, cluster, message) => {
    expect(() => choosePlacement(CONFIG, stack, cluster)).toThrow(new PlacementError(message));
  });
});

describe("mergePrincipals", () => {
  test("appends to an existing cluster without changing the caller's config", () => {
    const merged = mergePrincipals(CONFIG, { stack: "dev", cluster: "dev-a" }, [{ roleName: "ops" }], "111122223333", "c.json");
    expect(merged.stacks[1].clusters[0].principals).toEqual([{ userArn: "arn:aws:iam::111122223333:user/bob" }, { roleName: "ops" }]);
    expect(CONFIG.stacks[1].clusters[0].principals).toHaveLength(1);
  });

  test("creates the stack and cluster when absent", () => {
    const merged = mergePrincipals(CONFIG, { stack: "new", cluster: "new-eks" }, [{ roleName: "ops" }], "111122223333", "c.json");
    expect(merged.stacks[2]).toEqual({ name: "new", clusters: [{ name: "new-eks", principals: [{ roleName: "ops" }] }] });
  });

  test.each([
    ["a roleName in another letter case", { roleName: "jumphost" }, 'roleName "jumphost" (already principals[0])'],
    ["a roleArn of the stack's account, path aside", { roleArn: "arn:aws:iam::444455556666:role/sso/Jumphost" }, "roleArn arn:aws:iam::444455556666:role/sso/Jumphost (already principals[0])"],
  ])("refuses %s already in the cluster", (_what, principal, described) => {
    expect(() => mergePrincipals(CONFIG, { stack: "prod", cluster: "prod-eks" }, [principal], "444455556666", "c.json")).toThrow(
      new AwsAuthInputError(
        `c.json: stacks[name=prod].clusters[name=prod-eks] already has ${described}; remove them from the config or from aws-auth, then rerun. Nothing was written.`,
      ),
    );
  });

  test("a role of another account with the same name is another principal", () => {
    const principal = { roleArn: "arn:aws:iam::999988887777:role/Jumphost" };
    expect(() => mergePrincipals(CONFIG, { stack: "prod", cluster: "prod-eks" }, [principal], "444455556666", "c.json")).not.toThrow();
  });
});

test("newConfig and stackAccount", () => {
  expect(newConfig({ stack: "s", cluster: "c" }, [{ roleName: "r" }])).toEqual({ stacks: [{ name: "s", clusters: [{ name: "c", principals: [{ roleName: "r" }] }] }] });
  expect(stackAccount(CONFIG, "prod")).toBe("444455556666");
  expect(stackAccount(CONFIG, "dev")).toBeUndefined();
});
