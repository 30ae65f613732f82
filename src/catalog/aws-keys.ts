/**
 * AWS KMS keys and where keys are used for backups and copies: key facts (enabled,
 * deletion window, multi-Region, key policy), whether a key is customer managed,
 * how AWS Backup encrypts each resource type's backups, and the replicas whose
 * copies carry a key of their own (DynamoDB global tables, Secrets Manager).
 */
import type { BackupVault, Component, ComponentCopy, Fact, KeyFacts, Mechanism } from "../graph/types.js";
import { isUnknownFact, unknownFact } from "../graph/types.js";
import type { EvaluatedBlock, ResourceInstance } from "../terraform/types-evaluated.js";
import { isRef, isUnknown, Unknown, type Value } from "../terraform/value.js";
import { keyIdOf } from "./aws-mechanisms.js";
import type { CatalogContext, LinkEntry } from "./index.js";
import { atOf, blocksAt, boolFact, factOfOpaque, lookup, numFact, rawValue, strFact, toLocation } from "./read.js";

/**
 * Whether a key policy lets the account's root principal use and administer the key
 * (`"AWS": "arn:aws:iam::ACCOUNT:root"` or `"AWS": "ACCOUNT"` with `kms:*`). Without
 * that statement only the principals named in the policy can manage the key; if
 * they are deleted, the key becomes unmanageable and AWS Support must recover it.
 * https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html#key-policy-default-allow-root-enable-iam
 */
export function policyAllowsAccountRoot(policy: Value | undefined, account: Fact<string | null>): Fact<boolean> {
  // No policy: KMS attaches the default key policy, which grants the account root kms:*.
  if (policy === undefined || policy === null) return true;
  if (typeof policy !== "string") return isUnknown(policy) || isRef(policy) ? factOfOpaque(policy) : unknownFact("the key policy is not a JSON string");
  let doc: unknown;
  try {
    doc = JSON.parse(policy);
  } catch {
    return unknownFact("the key policy is not valid JSON");
  }
  const roots = rootGrants(doc);
  if (roots === "anyone") return true;
  if (roots.length === 0) return false;
  if (typeof account !== "string") return unknownFact("the key's account is not known, so the root principal in its policy cannot be compared", "set allowed_account_ids in the provider");
  return roots.includes(account);
}

function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined ? [] : [v];
}

/** Accounts whose root principal an Allow statement grants `kms:*` (or every principal: "anyone"). */
function rootGrants(doc: unknown): string[] | "anyone" {
  if (typeof doc !== "object" || doc === null) return [];
  const accounts: string[] = [];
  for (const st of asArray((doc as { Statement?: unknown }).Statement)) {
    if (typeof st !== "object" || st === null) continue;
    const s = st as { Effect?: unknown; Action?: unknown; Principal?: unknown };
    if (s.Effect !== "Allow") continue;
    if (!asArray(s.Action).some((a) => a === "kms:*" || a === "*")) continue;
    if (s.Principal === "*") return "anyone";
    const aws = typeof s.Principal === "object" && s.Principal !== null ? (s.Principal as { AWS?: unknown }).AWS : undefined;
    for (const p of asArray(aws)) {
      if (p === "*") return "anyone";
      if (typeof p !== "string") continue;
      const m = /^arn:aws[a-z-]*:iam::(\d{12}):root$/.exec(p) ?? /^(\d{12})$/.exec(p);
      if (m) accounts.push(m[1]!);
    }
  }
  return accounts;
}

/** Key facts of `aws_kms_key`: is_enabled default true, deletion_window_in_days default 30, multi_region default false (provider docs, kms_key). */
export function kmsKeyFacts(r: ResourceInstance, ctx: CatalogContext): KeyFacts {
  return {
    enabled: boolFact(r.body, "is_enabled", true),
    deletionWindowDays: windowDays(r),
    multiRegion: boolFact(r.body, "multi_region", false),
    policyAllowsAccountRoot: policyAllowsAccountRoot(rawPolicy(r), ctx.account),
    anchors: { enabled: "is_enabled", deletionWindowDays: "deletion_window_in_days", multiRegion: "multi_region", policy: "policy" },
  };
}

/**
 * Key facts of `aws_kms_replica_key`: `enabled` default true, deletion_window_in_days default 30; a replica
 * is a multi-Region key by definition.
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/kms_replica_key
 */
export function replicaKeyFacts(r: ResourceInstance, ctx: CatalogContext): KeyFacts {
  const primary = rawValue(r.body, "primary_key_arn");
  const facts: KeyFacts = {
    enabled: boolFact(r.body, "enabled", true),
    deletionWindowDays: windowDays(r),
    multiRegion: true,
    policyAllowsAccountRoot: policyAllowsAccountRoot(rawPolicy(r), ctx.account),
    anchors: { enabled: "enabled", deletionWindowDays: "deletion_window_in_days", policy: "policy" },
  };
  if (primary !== undefined) facts.primaryKeyId = keyIdOf(primary, r, ctx);
  return facts;
}

function windowDays(r: ResourceInstance): Fact<number> {
  const d = numFact(r.body, "deletion_window_in_days", 30);
  return d === null ? 30 : d;
}

/** The policy value; undefined when absent, an Unknown when it cannot be known. */
function rawPolicy(r: ResourceInstance): Value | undefined {
  return policyValue(lookup(r.body, "policy"));
}

function policyValue(l: ReturnType<typeof lookup>): Value | undefined {
  if (l.kind === "unknown") return new Unknown(l.fact.reason, l.fact.hint);
  return l.kind === "value" && l.value !== null ? l.value : undefined;
}

/** AWS managed keys are named `alias/aws/<service>` (aws/backup, aws/rds, aws/s3...). https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#aws-managed-key */
export function isCustomerManagedKey(keyId: Fact<string> | undefined): Fact<boolean> {
  // No key: the service's AWS owned key or AWS managed key.
  if (keyId === undefined) return false;
  if (isUnknownFact(keyId)) return keyId;
  return !/(^|:)alias\/aws\//.test(keyId);
}

/**
 * How AWS Backup encrypts recovery points of each resource type: types with full AWS Backup
 * management take the vault's key (independent encryption); the others keep their source's
 * key (RDS, Aurora, EBS, EC2, FSx, DocumentDB, Neptune and Redshift snapshots). DynamoDB is
 * fully managed only with advanced DynamoDB backup features, an account setting.
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/encryption.html
 */
const BACKUP_ENCRYPTION: Record<string, Fact<"source" | "vault">> = {
  S3: "vault",
  EFS: "vault",
  Timestream: "vault",
  RDS: "source",
  Aurora: "source",
  EBS: "source",
  EC2: "source",
  FSx: "source",
  DocumentDB: "source",
  Neptune: "source",
  Redshift: "source",
  DynamoDB: unknownFact("DynamoDB backups take the vault's key only with advanced DynamoDB backup features, an account setting", "enable advanced DynamoDB backups (aws_backup_global_settings) to be sure"),
};

/** After links: whether each component's and vault's key is customer managed, and how backups are encrypted. */
export function annotateKeys(components: Iterable<Component>, mechanisms: readonly Mechanism[]): void {
  for (const c of components) {
    // Google (CMEK) and Azure (customer managed keys): a key named on the resource is the customer's; none is the provider's own.
    if (c.provider !== "aws") {
      const key = c.encryption.keyId;
      c.encryption.customerManagedKey = c.encryption.atRest === false || key === undefined ? false : isUnknownFact(key) ? key : true;
      continue;
    }
    c.encryption.customerManagedKey = c.encryption.atRest === false ? false : isCustomerManagedKey(c.encryption.keyId);
    const how = c.backupResourceType !== undefined ? BACKUP_ENCRYPTION[c.backupResourceType] : undefined;
    if (how !== undefined) c.backupEncryption = how;
  }
  for (const m of mechanisms) {
    if (m.node !== "backup-vault") continue;
    if ((m.provider ?? "aws") !== "aws") {
      (m as BackupVault).customerManagedKey = m.keyId === undefined ? false : isUnknownFact(m.keyId) ? m.keyId : true;
      continue;
    }
    // A vault without kms_key_arn uses AWS Backup's AWS managed key (aws/backup).
    // https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/backup_vault
    (m as BackupVault).customerManagedKey = isCustomerManagedKey(m.keyId);
  }
}

/** Replicas configured as blocks of the component (`replica { region_name, kms_key_arn }`): same account, their own region and key. */
export function replicaBlocks(regionAttr: string, keyAttr: string, via: string) {
  return (r: ResourceInstance, ctx: CatalogContext): ComponentCopy[] => {
    const blocks = blocksAt(r.body, "replica");
    if (blocks.unknown) return [{ region: blocks.unknown, account: ctx.account, via, location: toLocation(r.header), anchor: "" }];
    return blocks.blocks.map((b) => {
      const region = strFact(b, regionAttr, null);
      const copy: ComponentCopy = { region: region ?? unknownFact(`replica without ${regionAttr}`), account: ctx.account, via, location: toLocation(b.at), anchor: "replica" };
      const key = rawValue(b, keyAttr);
      if (key !== undefined) copy.keyId = keyIdOf(key, r, ctx);
      return copy;
    });
  };
}

/** S3 default encryption with a KMS key (`aws:kms`, `aws:kms:dsse`) rather than SSE-S3 (`AES256`, the default). https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-bucket-encryption.html */
export function sseKms(algorithm: Fact<string | null>): Fact<boolean> {
  if (algorithm === null) return false;
  if (isUnknownFact(algorithm)) return algorithm;
  return algorithm.startsWith("aws:kms");
}

/**
 * S3 replication of objects encrypted with SSE-KMS: skipped unless the rule has
 * `source_selection_criteria { sse_kms_encrypted_objects { status = "Enabled" } }`, and the
 * destination then needs `encryption_configuration { replica_kms_key_id }`.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication-config-for-kms-objects.html
 */
export function kmsObjectsOfReplicationRule(rule: EvaluatedBlock, link: ResourceInstance, ctx: CatalogContext): NonNullable<ComponentCopy["kmsObjects"]> {
  const status = strFact(rule, "source_selection_criteria.sse_kms_encrypted_objects.status", null);
  const selected: Fact<boolean> = status === null ? false : isUnknownFact(status) ? status : status === "Enabled";
  const statusAt = atOf(lookup(rule, "source_selection_criteria.sse_kms_encrypted_objects.status"));
  const out: NonNullable<ComponentCopy["kmsObjects"]> = { selected, location: toLocation(statusAt ?? rule.at) };
  const key = lookup(rule, "destination.encryption_configuration.replica_kms_key_id");
  if (key.kind === "value" && key.value !== null) out.replicaKeyId = keyIdOf(key.value, link, ctx);
  else if (key.kind === "unknown") out.replicaKeyId = key.fact;
  return out;
}

export const awsKeyLinks: Record<string, LinkEntry> = {
  // A multi-Region replica key is a copy of its primary key in the replica's region.
  aws_kms_replica_key: {
    targetAttribute: "primary_key_arn",
    targetTypes: ["aws_kms_key"],
    apply(target, link, ctx) {
      const place = ctx.placeOf(link);
      target.copies.push({ region: place.region, account: place.account, via: "kms-replica-key", location: toLocation(link.header) });
    },
  },
  // A key policy set by its own resource replaces the key's policy.
  aws_kms_key_policy: {
    targetAttribute: "key_id",
    targetTypes: ["aws_kms_key"],
    apply(target, link) {
      if (!target.keyFacts) return;
      const policy = lookup(link.body, "policy");
      const value = policyValue(policy);
      target.keyFacts.policyAllowsAccountRoot = value === undefined ? unknownFact("aws_kms_key_policy without policy") : policyAllowsAccountRoot(value, target.account);
      target.keyFacts.policyLocation = toLocation(atOf(policy) ?? link.header);
    },
  },
  // A replica of a global table declared on its own, in its provider's region.
  aws_dynamodb_table_replica: {
    targetAttribute: "global_table_arn",
    targetTypes: ["aws_dynamodb_table"],
    apply(target, link, ctx) {
      const place = ctx.placeOf(link);
      const copy: ComponentCopy = { region: place.region, account: place.account, via: "dynamodb-global-table", location: toLocation(link.header) };
      const key = rawValue(link.body, "kms_key_arn");
      if (key !== undefined) copy.keyId = keyIdOf(key, link, ctx);
      target.copies.push(copy);
    },
  },
};
