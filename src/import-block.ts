// A Terraform `import` block (Terraform >= 1.5). cdktf's own `importFrom` adds a validation that
// runs the terraform binary during synth; this element writes the same block without it.
import { TerraformElement, type TerraformResource } from "cdktf";
import type { Construct } from "constructs";

export interface ImportBlockProps {
  /** The resource that takes over the existing object. */
  readonly to: TerraformResource;
  /** The provider's import ID, e.g. `CLUSTER:PRINCIPAL_ARN` for an access entry. */
  readonly id: string;
}

export class ImportBlock extends TerraformElement {
  constructor(
    scope: Construct,
    id: string,
    private readonly props: ImportBlockProps,
  ) {
    super(scope, id, "import");
  }

  private get address(): string {
    return `${this.props.to.terraformResourceType}.${this.props.to.friendlyUniqueId}`;
  }

  override toTerraform(): Record<string, unknown> {
    return { import: [{ to: this.address, id: this.props.id }] };
  }

  override toHclTerraform(): Record<string, unknown> {
    return {
      import: [
        {
          to: { value: this.address, type: "simple", storageClassType: "reference" },
          id: { value: this.props.id, type: "simple", storageClassType: "string" },
        },
      ],
    };
  }
}
