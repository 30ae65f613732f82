/**
 * Provider configurations: what a resource inherits from its provider block
 * (region, account, default tags), and the few data sources whose value is the
 * provider's own configuration.
 */
import type { Block } from "../hcl/ast.js";
import type { FileRange, ProviderInstance } from "./types-evaluated.js";
import { Unknown, isList, isOpaque, type Value } from "./value.js";

/** The provider local name of a resource type: `aws_s3_bucket` → `aws` (Terraform's implied provider). */
export function impliedProviderName(resourceType: string): string {
  const i = resourceType.indexOf("_");
  return i < 0 ? resourceType : resourceType.slice(0, i);
}

/** A provider with no configuration block in the scan: its settings come from the environment at run time. */
export function implicitProvider(key: string, rootDir: string): ProviderInstance {
  const name = key.split(".")[0]!;
  return {
    name,
    key,
    region: new Unknown(
      `no provider "${key}" configuration in root ${rootDir}: its region comes from the environment at run time`,
      `add provider "${name}" { region = "..." } to ${rootDir}`,
    ),
    account: new Unknown(`account of provider "${key}" is not known statically`),
    defaultTags: null,
  };
}

export interface ProviderBlockValues {
  region: Value;
  allowedAccountIds: Value;
  assumeRoleArn: Value;
  defaultTags: Value;
  /** Google: the provider's `project`; AzureRM: its `subscription_id`. They play the part of the AWS account. */
  project?: Value;
  subscriptionId?: Value;
}

/** Build a provider instance from the evaluated values of its block. */
export function providerInstance(block: Block, at: FileRange, key: string, values: ProviderBlockValues): ProviderInstance {
  const name = block.labels[0]!;
  const region =
    values.region === undefined || values.region === null
      ? new Unknown(`provider "${key}" sets no region: it comes from the environment at run time`, `set region in the provider block in ${at.file}`)
      : values.region;
  return { name, key, at, region, account: accountOf(values, key), defaultTags: values.defaultTags ?? null };
}

function accountOf(values: ProviderBlockValues, key: string): Value {
  const name = key.split(".")[0]!;
  if (name === "google" || name === "google-beta") return ownerOf(values.project, `project of provider "${key}"`, "set project in the provider block");
  if (name === "azurerm") return ownerOf(values.subscriptionId, `subscription of provider "${key}"`, "set subscription_id in the provider block");
  const ids = values.allowedAccountIds;
  if (isList(ids) && ids.length === 1 && typeof ids[0] === "string") return ids[0];
  const arn = values.assumeRoleArn;
  if (typeof arn === "string") {
    const account = arn.split(":")[4];
    if (account && /^\d{12}$/.test(account)) return account;
  }
  if (isOpaque(arn)) return arn instanceof Unknown ? arn : new Unknown(`assume_role of provider "${key}" is known only after apply`);
  return new Unknown(`account of provider "${key}" is not known statically`, "set allowed_account_ids or assume_role.role_arn in the provider block");
}

/** A Google project or Azure subscription: a literal, or unknown (from the environment at run time when unset). */
function ownerOf(v: Value | undefined, what: string, hint: string): Value {
  if (typeof v === "string" && v !== "") return v;
  if (v === undefined || v === null) return new Unknown(`${what} is not set: it comes from the environment at run time`, hint);
  return isOpaque(v) && v instanceof Unknown ? v : new Unknown(`${what} is not known statically`, hint);
}

/**
 * Data sources that only echo the provider's configuration
 * (`data.aws_region.current.name`, `data.aws_caller_identity.current.account_id`).
 */
export function providerEchoDataSource(type: string, provider: ProviderInstance): Value | undefined {
  if (type === "aws_region") return { name: provider.region, region: provider.region, id: provider.region };
  if (type === "aws_caller_identity") return { account_id: provider.account };
  return undefined;
}
