// cdktf 0.21 renders lifecycle pre- and postconditions in HCL as a list attribute
// (`postcondition = [{...}]`), which Terraform rejects: they are blocks. The JSON output is right.
// This rewrites an element's HCL fragment so the renderer emits `postcondition { ... }` blocks.
import type { TerraformElement } from "cdktf";

type Fragment = Record<string, Record<string, Record<string, Record<string, unknown>>> | undefined>;
const CONDITIONS = ["precondition", "postcondition"];

/** Makes `element` render its lifecycle conditions as HCL blocks; returns it for chaining. */
export function withHclConditionBlocks<T extends TerraformElement>(element: T): T {
  const render = element.toHclTerraform.bind(element);
  element.toHclTerraform = () => conditionsAsBlocks(render() as Fragment);
  return element;
}

function conditionsAsBlocks(fragment: Fragment): Fragment {
  for (const kind of ["resource", "data"]) {
    for (const byName of Object.values(fragment[kind] ?? {})) {
      for (const body of Object.values(byName)) {
        const lifecycle = body.lifecycle as Record<string, unknown> | undefined;
        if (!lifecycle || !CONDITIONS.some((key) => Array.isArray(lifecycle[key]))) continue;
        const value = Object.fromEntries(
          Object.entries(lifecycle).map(([key, item]) =>
            CONDITIONS.includes(key) ? [key, { isBlock: true, type: "list", value: item }] : [key, item],
          ),
        );
        body.lifecycle = { isBlock: true, type: "simple", value };
      }
    }
  }
  return fragment;
}
