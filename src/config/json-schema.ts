// The published JSON Schema of jumphost.config.json, derived from CONFIG_SPEC.
import { CONFIG_SPEC } from "./schema";
import { toJsonSchema } from "./spec";

export function configJsonSchema(): Record<string, unknown> {
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: "EKS jumphost access config",
    ...toJsonSchema(CONFIG_SPEC),
  };
}
