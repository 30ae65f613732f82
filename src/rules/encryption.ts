/** Encryption rules: are backups encrypted, with a key that stays retrievable and works where the copies are (SPEC section 4, ENC-001..003). */
import { lookupOf } from "../graph/lookup.js";
import type { BackupPlan, BackupVault, Component, Coverage, Fact, Graph, Location, RecoveryStream } from "../graph/types.js";
import { isUnknownFact } from "../graph/types.js";
import { reportUnknownFact } from "./unknowns.js";
import { copiesOf, copyText, levelFor, type CopyOf } from "./region.js";
import { aboutComponent, BACKUP_KINDS, holdsBackupableData } from "./scope.js";
import type { Requirements } from "../policy/types.js";
import type { RelatedLocation, Rule, RuleContext } from "./types.js";


/** Cross-account copies need a customer managed key. https://docs.aws.amazon.com/aws-backup/latest/devguide/create-cross-account-backup.html */
const CROSS_ACCOUNT_DOC = "https://docs.aws.amazon.com/aws-backup/latest/devguide/create-cross-account-backup.html";
/** Which key encrypts which backups. https://docs.aws.amazon.com/aws-backup/latest/devguide/encryption.html */
const ENCRYPTION_DOC = "https://docs.aws.amazon.com/aws-backup/latest/devguide/encryption.html";

function where(l: Location): string {
  return `${l.file}:${l.startLine}`;
}

function vaultsById(graph: Graph): Map<string, BackupVault> {
  return new Map(graph.mechanisms.filter((m): m is BackupVault => m.node === "backup-vault").map((v) => [v.id, v]));
}

function componentsById(graph: Graph): Map<string, Component> {
  return new Map(graph.components.map((c) => [c.id, c]));
}

function vaultOf(id: Fact<string> | undefined, vaults: Map<string, BackupVault>): BackupVault | undefined {
  return typeof id === "string" ? vaults.get(id) : undefined;
}

/** Whose key encrypts a stream's recovery points: the component's own ("source"), a vault's, the backup's own ("own": a dump file, a restic repository), or unknown. */
function streamKeyOwner(s: RecoveryStream, c: Component, graph: Graph): "source" | "vault" | "own" | "unknown" {
  if (s.encrypted !== undefined) return "own";
  if (s.via === "native" || s.via === "pitr" || s.via === "snapshot-policy" || s.via === "versioning") {
    if (s.via === "pitr" && isAwsBackupStream(s, graph)) return ownerByType(c);
    return "source";
  }
  // A plan with no vault (a Compute Engine snapshot schedule) keeps snapshots under the source's encryption.
  if (s.via === "plan-rule" || s.via === "copy") return isAwsBackupStream(s, graph) && s.vaultId !== undefined ? ownerByType(c) : "source";
  return "unknown";
}

function isAwsBackupStream(s: RecoveryStream, graph: Graph): boolean {
  return s.mechanismId !== undefined && lookupOf(graph).node(s.mechanismId)?.node === "backup-plan";
}

function ownerByType(c: Component): "source" | "vault" | "unknown" {
  const how = c.backupEncryption;
  return how === "source" || how === "vault" ? how : "unknown";
}

function anchorPlace(c: Component, ...anchors: (string | undefined)[]): { location: Location; anchor: string } {
  for (const a of anchors) if (a && c.anchors[a]) return { location: c.anchors[a]!, anchor: a };
  return { location: c.location, anchor: "" };
}

function vaultKeyLocation(v: BackupVault): Location {
  return v.anchors[v.keyAnchor ?? "kms_key_arn"] ?? v.location;
}

function streamName(s: RecoveryStream): string {
  switch (s.via) {
    case "plan-rule":
      return `${s.label ?? "AWS Backup plan rule"} (${where(s.location)})`;
    case "copy":
      return `${s.label ? `copy of the ${s.label}` : "AWS Backup copy"} (${where(s.location)})`;
    case "snapshot-policy":
      return `snapshot policy (${where(s.location)})`;
    case "pitr":
      return "point-in-time recovery backups";
    case "versioning":
      return "object versions";
    default:
      return "automated backups";
  }
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const backupsNotEncrypted: Rule = {
  meta: {
    id: "ENC-001",
    name: "BackupsNotEncrypted",
    category: "encryption",
    level: "warning",
    shortDescription: "Backups or snapshots not encrypted, or not with a customer managed key where the class requires one.",
    fullDescription:
      "The component's backups are stored unencrypted (snapshots of an unencrypted database or volume inherit its lack of encryption), or, where the data class requires a customer managed key, they are encrypted with an AWS owned or AWS managed key (aws/rds, aws/backup...) whose use and lifetime you do not control.",
    helpText:
      "Encrypt the component at rest (snapshots inherit it), and where the class requires a customer managed key, set the component's kms_key_id (for snapshot-based backups: RDS, EBS, FSx...) or the backup vault's kms_key_arn (for fully managed types: S3, EFS, DynamoDB with advanced backups) to an aws_kms_key.",
    helpMarkdown: [
      "Backups of resource types that AWS Backup does not fully manage (RDS, Aurora, EBS, EC2, FSx, DocumentDB, Neptune, Redshift) are snapshots that inherit the source's encryption: an unencrypted database has unencrypted snapshots, and one encrypted with `aws/rds` has snapshots under that AWS managed key. Fully managed types (S3, EFS, DynamoDB with advanced backups) are encrypted with the backup vault's key; a vault without `kms_key_arn` uses the AWS managed key `aws/backup` ([Encryption for backups in AWS Backup](" +
        ENCRYPTION_DOC +
        ")).",
      "",
      "A class that sets `requires_customer_managed_key` needs a key you control (rotation, policy, audit, cross-account copies).",
      "",
      "Fixed example:",
      "",
      "```hcl",
      'resource "aws_db_instance" "ledger" {',
      "  # ...",
      "  storage_encrypted = true",
      "  kms_key_id        = aws_kms_key.ledger.arn",
      "}",
      "",
      'resource "aws_backup_vault" "main" {',
      '  name        = "main"',
      "  kms_key_arn = aws_kms_key.backup.arn",
      "}",
      "```",
    ].join("\n"),
    tags: ["security", "backup", "encryption"],
    securitySeverity: "6.0",
    providers: ["aws", "google", "azurerm", "kubernetes"],
    providerNote:
      "On Kubernetes: backups that decide their own encryption (a chart's dump on a PVC, a CloudNativePG object store's wal/data encryption, a dump CronJob's target) when they are stored unencrypted; Velero volume snapshots keep the volume's encryption (its StorageClass, unknown unless the StorageClass is in the scan); where a class requires a customer managed key, the storage location's kmsKeyId/kmsKeyName or its bucket's default key.",
  },
  check(ctx) {
    const vaults = vaultsById(ctx.graph);
    for (const c of ctx.graph.components) {
      if (!holdsBackupableData(c)) continue;
      const coverage = ctx.graph.coverage.get(c.id);
      if (!coverage || coverage.status !== "covered") continue;
      const req = ctx.policy.requirementsFor(c);
      if (req.ephemeral) continue;
      if (reportUnencryptedOwnStreams(ctx, c, coverage.streams, req)) continue;
      const sourceStreams = coverage.streams.filter((s) => streamKeyOwner(s, c, ctx.graph) === "source");
      // Unencrypted snapshots: the source is known not to be encrypted at rest.
      if (sourceStreams.length > 0 && c.encryption.atRest === false) {
        const place = anchorPlace(c, c.encryption.anchor);
        const level = levelFor(req.requiresEncryption);
        const need = req.requiresEncryption ? ` ${capitalize(req.requiresEncryption.source.label)} requires encryption.` : "";
        ctx.report({
          message:
            `${c.address} is not encrypted at rest, so its ${unique(sourceStreams.map(streamName)).join(", ")} ${sourceStreams.length === 1 ? "is" : "are"} stored unencrypted too: ` +
            `anyone who can read or share the snapshots reads the data.${need} ` +
            (c.remedies?.encryptBackups
              ? `${capitalize(c.remedies.encryptBackups)}.`
              : `Enable encryption at rest (for RDS: storage_encrypted = true with kms_key_id; an existing instance is encrypted by restoring an encrypted copy of a snapshot).`),
          ...aboutComponent(c),
          location: place.location,
          anchor: place.anchor,
          related: related(sourceStreams),
          ...(level ? { level } : {}),
        });
        continue;
      }
      if (sourceStreams.length > 0 && isUnknownFact(c.encryption.atRest)) reportUnknownFact(ctx, c, `encryption at rest of ${c.address}`, c.encryption.atRest, anchorPlace(c, c.encryption.anchor).location);
      const cmk = req.requiresCustomerManagedKey;
      if (!cmk) continue;
      if (sourceStreams.length > 0 && c.encryption.atRest === true && isUnknownFact(c.encryption.customerManagedKey)) {
        reportUnknownFact(ctx, c, `whether the key of ${c.address} is customer managed`, c.encryption.customerManagedKey, anchorPlace(c, c.encryption.keyAnchor, c.encryption.anchor).location);
      }
      const problems: string[] = [];
      const rel: RelatedLocation[] = [];
      if (sourceStreams.length > 0 && c.encryption.atRest === true && c.encryption.customerManagedKey === false) {
        problems.push(
          `its ${unique(sourceStreams.map(streamName)).join(", ")} inherit ${c.provider !== "aws" ? providerKeyText(c.provider) : c.encryption.keyId === undefined ? "the service's AWS owned or AWS managed key" : `the AWS managed key ${String(c.encryption.keyId)}`}`,
        );
        rel.push(...related(sourceStreams));
      }
      // Backups that encrypt on their own terms but land in a vault (an object store) are under its key too.
      const vaultStreams = coverage.streams.filter((s) => {
        const owner = streamKeyOwner(s, c, ctx.graph);
        return owner === "vault" || (owner === "own" && s.vaultId !== undefined);
      });
      const judgedVaults = new Set<string>();
      for (const s of vaultStreams) {
        const v = vaultOf(s.vaultId, vaults);
        if (v && isUnknownFact(v.customerManagedKey)) reportUnknownFact(ctx, v, `whether the key of ${v.address} is customer managed`, v.customerManagedKey, vaultKeyLocation(v));
        // One vault, one problem: a rule and its copy into the same vault say the same thing.
        if (!v || v.customerManagedKey !== false || judgedVaults.has(v.id)) continue;
        judgedVaults.add(v.id);
        const aws = (v.provider ?? "aws") === "aws";
        problems.push(`the ${streamName(s)} stores them in ${v.address}, encrypted with ${!aws ? providerKeyText(v.provider!) : v.keyId === undefined ? "AWS Backup's AWS managed key aws/backup" : `the AWS managed key ${String(v.keyId)}`}`);
        rel.push({ location: vaultKeyLocation(v), message: `${v.address} has no customer managed ${aws ? "kms_key_arn" : "key"}` }, { location: s.location, message: `${streamName(s)} stores recovery points of ${c.address} in ${v.address}` });
      }
      if (problems.length === 0) continue;
      const place = anchorPlace(c, c.encryption.keyAnchor, c.encryption.anchor);
      const level = levelFor(cmk);
      ctx.report({
        message:
          `${c.address} has backups not encrypted with a customer managed key: ${unique(problems).join("; ")}. ` +
          `${capitalize(cmk.source.label)} requires a customer managed key. ` +
          (c.remedies?.customerManagedKey
            ? `${capitalize(c.remedies.customerManagedKey)}.`
            : `Encrypt with an aws_kms_key you control: kms_key_id on the component for snapshot-based backups, kms_key_arn on the backup vault for fully managed types.`),
        ...aboutComponent(c),
        location: place.location,
        anchor: place.anchor,
        related: dedupe(rel).slice(0, 20),
        ...(level ? { level } : {}),
      });
    }
  },
};

/** The key a Google or Azure service uses when no customer managed key is named. */
function providerKeyText(p: Component["provider"]): string {
  return p === "google" ? "Google-managed encryption keys" : p === "azurerm" ? "Microsoft-managed (platform) keys" : p === "kubernetes" ? "the storage's default keys, not a customer managed key" : "the provider's own keys";
}

/**
 * Backups that decide their own encryption (RecoveryStream.encrypted: a chart's dump on a PVC, an
 * object store's wal/data encryption) stored unencrypted: ENC-001 at the component, the backup
 * related. Returns true when it reported (one fault, one finding).
 */
function reportUnencryptedOwnStreams(ctx: RuleContext, c: Component, streams: readonly RecoveryStream[], req: Requirements): boolean {
  const own = streams.filter((s) => s.encrypted !== undefined);
  for (const s of own) if (isUnknownFact(s.encrypted)) reportUnknownFact(ctx, c, `whether the ${streamName(s)} of ${c.address} is encrypted`, s.encrypted, s.location);
  const plain = own.filter((s) => s.encrypted === false);
  if (plain.length === 0) return false;
  const names = unique(plain.map(streamName));
  const level = levelFor(req.requiresEncryption);
  const need = req.requiresEncryption ? ` ${capitalize(req.requiresEncryption.source.label)} requires encryption.` : "";
  ctx.report({
    message:
      `${c.address} has backups stored unencrypted: its ${names.join(", ")} ${plain.length === 1 ? "writes" : "write"} the data in plain form, so anyone who can read that volume or bucket reads the data.${need} ` +
      (c.remedies?.encryptBackups ? `${capitalize(c.remedies.encryptBackups)}.` : `Encrypt the backup's destination, or back it up with a mechanism that encrypts.`),
    ...aboutComponent(c),
    location: c.location,
    anchor: "",
    related: dedupe(plain.map((s) => ({ location: s.location, message: `${streamName(s)} stores ${c.address}'s data unencrypted` }))).slice(0, 20),
    ...(level ? { level } : {}),
  });
  return true;
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

function dedupe(rel: RelatedLocation[]): RelatedLocation[] {
  const seen = new Set<string>();
  return rel.filter((r) => {
    const k = `${r.location.file}:${r.location.startLine}:${r.location.startColumn}:${r.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function related(streams: RecoveryStream[]): RelatedLocation[] {
  return dedupe(streams.filter((s) => s.via === "plan-rule" || s.via === "copy" || s.via === "snapshot-policy").map((s) => ({ location: s.location, message: `${streamName(s)} keeps snapshots under the source's encryption` }))).slice(0, 20);
}

/** Who relies on a key: vaults, stateful components and their copies. */
function usersOfKey(key: Component, graph: Graph): { address: string; location: Location }[] {
  const users = lookupOf(graph).keyUsers(key.id);
  return [...users.vaults, ...users.components.filter((c) => BACKUP_KINDS.has(c.kind))].map((n) => ({ address: n.address, location: n.location }));
}

export const backupKeyNotRetrievable: Rule = {
  meta: {
    id: "ENC-002",
    name: "BackupKeyNotRetrievable",
    category: "encryption",
    level: "error",
    shortDescription: "Key of backups not retrievable: disabled, deletable within 30 days without prevent_destroy, or a key policy that locks the account out.",
    fullDescription:
      "A KMS key that encrypts backups, a backup vault or stateful data can be lost: it is disabled (nothing encrypted with it can be decrypted), its deletion window is under 30 days and nothing prevents its destruction (once deleted, every backup under it is unrecoverable), or its key policy does not let the account's root principal administer it (if the named principals are deleted, nobody can manage the key).",
    helpText:
      "Keep backup keys enabled, with deletion_window_in_days = 30 or lifecycle { prevent_destroy = true }, and a key policy that grants the account root principal kms:*.",
    helpMarkdown: [
      "Backups are only as retrievable as their key. A disabled key cannot decrypt; a deleted key makes every recovery point under it unrecoverable (KMS waits `deletion_window_in_days`, 7 to 30, before deleting); a key policy without the account root statement can lock the account out of its own key ([Default key policy](https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html#key-policy-default-allow-root-enable-iam)).",
      "",
      "Fixed example:",
      "",
      "```hcl",
      'resource "aws_kms_key" "backup" {',
      '  description             = "AWS Backup vault key"',
      "  deletion_window_in_days = 30",
      "  enable_key_rotation     = true",
      "  lifecycle {",
      "    prevent_destroy = true",
      "  }",
      "}",
      "```",
    ].join("\n"),
    tags: ["security", "backup", "encryption", "key-management"],
    securitySeverity: "8.0",
    providers: ["aws", "google", "azurerm"],
    providerNote: "AWS KMS keys, Cloud KMS crypto keys, Azure Key Vault keys.",
  },
  check(ctx) {
    for (const key of ctx.graph.components) {
      const facts = key.keyFacts;
      if (!facts) continue;
      const users = usersOfKey(key, ctx.graph);
      if (users.length === 0) continue;
      const affected = users.map((u) => u.address).sort();
      const rel = users.slice(0, 20).map((u) => ({ location: u.location, message: `${u.address} is encrypted with ${key.address}` }));
      const names = affected.length > 3 ? `${affected.slice(0, 3).join(", ")} and ${affected.length - 3} more` : affected.join(", ");
      const report = (anchor: string | undefined, message: string, location?: Location) => {
        const at = location ? { location, anchor: anchor ?? "" } : anchorPlace(key, anchor);
        ctx.report({ message, subject: key.address, subjectKind: "resource", root: key.root, location: at.location, anchor: at.anchor, related: rel, affected });
      };
      const unknownAt = (anchor: string | undefined, location?: Location) => location ?? anchorPlace(key, anchor).location;
      if (isUnknownFact(facts.enabled)) reportUnknownFact(ctx, key, `whether ${key.address} is enabled`, facts.enabled, unknownAt(facts.anchors.enabled));
      if (isUnknownFact(facts.deletionWindowDays) && key.preventDestroy !== true) reportUnknownFact(ctx, key, `deletion window of ${key.address}`, facts.deletionWindowDays, unknownAt(facts.anchors.deletionWindowDays));
      if (isUnknownFact(facts.policyAllowsAccountRoot)) reportUnknownFact(ctx, key, `key policy of ${key.address}`, facts.policyAllowsAccountRoot, unknownAt(facts.policyLocation ? "" : facts.anchors.policy, facts.policyLocation));
      if (facts.enabled === false) {
        report(facts.anchors.enabled, `${key.address} is disabled, and it encrypts ${names}: nothing encrypted with a disabled key can be decrypted, so those backups cannot be restored. Enable the key (is_enabled = true).`);
      }
      const window = facts.deletionWindowDays;
      if (typeof window === "number" && window < 30 && key.preventDestroy !== true) {
        const remedy = facts.deletionWindowRemedy;
        report(
          facts.anchors.deletionWindowDays,
          remedy
            ? `${key.address} ${remedy.observed}, and it encrypts ${names}: once it is gone, every backup under it is unrecoverable. ${capitalize(remedy.fix)}, or add lifecycle { prevent_destroy = true }.`
            : `${key.address} can be deleted ${window} days after a terraform destroy or a ScheduleKeyDeletion, and it encrypts ${names}: once it is deleted, every backup under it is unrecoverable. ` +
                `Set deletion_window_in_days = 30 (the maximum) or add lifecycle { prevent_destroy = true }.`,
          facts.deletionWindowLocation,
        );
      }
      if (facts.policyAllowsAccountRoot === false) {
        report(
          facts.policyLocation ? "" : facts.anchors.policy,
          `${key.address} has a key policy that does not grant the account root principal (arn:aws:iam::ACCOUNT:root) kms:*, and it encrypts ${names}: if the principals the policy names are deleted or lose access, nobody can manage the key and the backups under it. ` +
            `Add the statement { Effect = "Allow", Principal = { AWS = "arn:aws:iam::<account>:root" }, Action = "kms:*", Resource = "*" }.`,
          facts.policyLocation,
        );
      }
    }
  },
};

/** Why a key cannot encrypt copies in `region`, or undefined when it can (or when that is unknown). */
function keyProblemIn(keyId: Fact<string> | undefined, region: Fact<string>, components: Map<string, Component>): string | undefined {
  if (keyId === undefined || isUnknownFact(keyId) || isUnknownFact(region)) return undefined;
  const key = components.get(keyId);
  // Only AWS KMS keys are judged here: Google and Azure keys follow other placement rules (key ring and vault locations).
  if (key && key.provider !== "aws") return undefined;
  if (key?.keyFacts) {
    if (typeof key.region !== "string" || key.region === region) return undefined;
    if (key.keyFacts.primaryKeyId !== undefined) return `replica key ${key.address} is in ${key.region}, not ${region}`;
    if (key.keyFacts.multiRegion === false) return `${key.address} is a single-region key of ${key.region}: KMS keys cannot be used outside their region; create a key in ${region}`;
    if (key.keyFacts.multiRegion !== true) return undefined;
    const replicas = key.copies.filter((x) => x.via === "kms-replica-key");
    if (replicas.some((x) => typeof x.region !== "string" || x.region === region)) return undefined;
    return `${key.address} is a multi-Region key of ${key.region} with no aws_kms_replica_key in ${region}; add one (provider for ${region}, primary_key_arn = ${key.address}.arn) and use its ARN`;
  }
  const arn = /^arn:aws[a-z-]*:kms:([a-z0-9-]+):\d*:(key|alias)\//.exec(keyId);
  if (arn && arn[1] !== region) return `key ${keyId} is in ${arn[1]}, not ${region}: a copy must use a key of its own region`;
  return undefined;
}

/** The AWS Backup plan rule whose copy action is at `location`, and that rule's vault. */
function sourceVaultOfCopy(s: CopyOf, graph: Graph, vaults: Map<string, BackupVault>): BackupVault | undefined {
  const plan = graph.mechanisms.find((m): m is BackupPlan => m.id === s.planId && m.node === "backup-plan");
  const rule = plan?.rules.find((r) => r.copyActions.some((a) => s.location && a.location.file === s.location.file && a.location.startLine === s.location.startLine && a.location.startColumn === s.location.startColumn));
  return rule ? vaultOf(rule.vaultId, vaults) : undefined;
}

const copyName = copyText;

/** Problems of one copy: its key in the destination region, SSE-KMS objects, cross-account under an AWS managed key. */
function copyProblems(c: Component, x: CopyOf, graph: Graph, components: Map<string, Component>, vaults: Map<string, BackupVault>): { text: string; related: RelatedLocation[] }[] {
  const out: { text: string; related: RelatedLocation[] }[] = [];
  const here = x.location ? [{ location: x.location, message: `${copyName(x)} of ${c.address}` }] : [];
  const keyProblem = keyProblemIn(x.keyId, x.region, components);
  if (keyProblem) out.push({ text: `the ${copyName(x)} to ${String(x.region)} uses a key that cannot work there: ${keyProblem}`, related: here });
  const dest = vaultOf(x.vaultId, vaults);
  if (dest) {
    const vaultProblem = keyProblemIn(dest.keyId, dest.region, components);
    if (vaultProblem) out.push({ text: `the ${copyName(x)} lands in ${dest.address}, whose key cannot work in ${String(dest.region)}: ${vaultProblem}`, related: [...here, { location: vaultKeyLocation(dest), message: `${dest.address} key` }] });
  }
  if (x.kmsObjects && c.encryption.kms === true) {
    if (x.kmsObjects.selected === false) {
      out.push({
        text: `the ${copyName(x)} skips the objects encrypted with SSE-KMS (the bucket's default encryption): the rule has no source_selection_criteria { sse_kms_encrypted_objects { status = "Enabled" } }${x.kmsObjects.replicaKeyId === undefined ? " and no destination encryption_configuration { replica_kms_key_id }" : ""}`,
        related: [{ location: x.kmsObjects.location, message: `replication rule of ${c.address} without sse_kms_encrypted_objects` }],
      });
    } else if (x.kmsObjects.selected === true && x.kmsObjects.replicaKeyId === undefined) {
      out.push({ text: `the ${copyName(x)} selects SSE-KMS objects but names no destination encryption_configuration { replica_kms_key_id }, which S3 requires to replicate them`, related: [{ location: x.kmsObjects.location, message: `replication rule of ${c.address} without replica_kms_key_id` }] });
    }
  }
  if (x.via === "backup-copy-action" && typeof x.account === "string" && typeof c.account === "string" && x.account !== c.account) {
    const how = c.backupEncryption;
    if (how === "source" && c.encryption.atRest === true && c.encryption.customerManagedKey === false) {
      out.push({
        text: `the ${copyName(x)} goes to account ${x.account}, but ${c.address}'s backups are snapshots that keep its own key, an AWS managed key${c.encryption.keyId !== undefined ? ` (${String(c.encryption.keyId)})` : ""}, which cannot be shared with another account (AWS Backup, "Creating backup copies across AWS accounts": ${CROSS_ACCOUNT_DOC}); encrypt ${c.address} with a customer managed key shared with account ${x.account}`,
        related: here,
      });
    } else if (how === "vault") {
      const src = sourceVaultOfCopy(x, graph, vaults);
      if (src && src.customerManagedKey === false) {
        out.push({
          text: `the ${copyName(x)} goes to account ${x.account}, but the source vault ${src.address} is encrypted with AWS Backup's AWS managed key, and backups under an AWS managed key cannot be copied to another account (${CROSS_ACCOUNT_DOC}); set kms_key_arn on ${src.address} to a customer managed key`,
          related: [...here, { location: vaultKeyLocation(src), message: `${src.address} uses the AWS managed key aws/backup` }],
        });
      }
    }
  }
  return out;
}

export const copyKeyCannotWork: Rule = {
  meta: {
    id: "ENC-003",
    name: "CopyKeyCannotWork",
    category: "encryption",
    level: "error",
    shortDescription: "Copy or replica whose key cannot work at its destination.",
    fullDescription:
      "A copy or replica is configured with a key that cannot encrypt it where it lands: a single-region key from the source region used for a copy or replica in another region, a multi-Region key without a replica in the destination region, S3 replication that skips objects encrypted with SSE-KMS, or a cross-account copy of backups under an AWS managed key (impossible: RDS, EBS and other types not fully managed by AWS Backup keep the source's key).",
    helpText:
      "Use a key of the destination region (a key created there, or an aws_kms_replica_key of a multi-Region key), select SSE-KMS objects in S3 replication with a replica_kms_key_id, and encrypt backups copied to another account with a customer managed key.",
    helpMarkdown: [
      "KMS keys are regional: a copy or replica in another region needs a key of that region, either its own key or a replica (`aws_kms_replica_key`) of a multi-Region key. S3 replication ignores objects encrypted with SSE-KMS unless the rule selects them (`sse_kms_encrypted_objects`) and names a destination key (`replica_kms_key_id`) ([Replicating encrypted objects](https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication-config-for-kms-objects.html)). AWS Backup cannot copy backups under an AWS managed key to another account; for RDS, EBS and other types not fully managed by AWS Backup the backup keeps the source's key ([Creating backup copies across AWS accounts](" +
        CROSS_ACCOUNT_DOC +
        "), [Encryption for backups in AWS Backup](" +
        ENCRYPTION_DOC +
        ")).",
      "",
      "Fixed example (S3 replication of an SSE-KMS bucket):",
      "",
      "```hcl",
      "rule {",
      '  id     = "dr"',
      '  status = "Enabled"',
      "  source_selection_criteria {",
      "    sse_kms_encrypted_objects {",
      '      status = "Enabled"',
      "    }",
      "  }",
      "  destination {",
      "    bucket = aws_s3_bucket.replica.arn",
      "    encryption_configuration {",
      "      replica_kms_key_id = aws_kms_replica_key.dr.arn",
      "    }",
      "  }",
      "}",
      "```",
    ].join("\n"),
    tags: ["security", "backup", "encryption", "disaster-recovery"],
    securitySeverity: "7.0",
    providers: ["aws"],
    providerNote: "AWS KMS keys (single-region and multi-Region) and S3 replication of SSE-KMS objects. Cloud KMS and Key Vault keys follow other placement rules and are not judged.",
  },
  check(ctx) {
    const components = componentsById(ctx.graph);
    const vaults = vaultsById(ctx.graph);
    for (const c of ctx.graph.components) {
      if (c.kind === "key") continue;
      const coverage: Coverage | undefined = ctx.graph.coverage.get(c.id);
      const problems = copiesOf(c, coverage, ctx.graph).flatMap((x) => copyProblems(c, x, ctx.graph, components, vaults));
      if (problems.length === 0) continue;
      const inBlock = c.copies.find((x) => x.anchor && x.location && problems.some((p) => p.related.some((r) => r.location.file === x.location!.file && r.location.startLine === x.location!.startLine && r.location.startColumn === x.location!.startColumn)));
      const place = inBlock ? { location: inBlock.location!, anchor: inBlock.anchor! } : { location: c.location, anchor: "" };
      ctx.report({
        message: `${c.address} has ${problems.length === 1 ? "a copy" : "copies"} that cannot be encrypted where ${problems.length === 1 ? "it lands" : "they land"}: ${problems.map((p) => p.text).join("; ")}.`,
        ...aboutComponent(c),
        location: place.location,
        anchor: place.anchor,
        related: dedupe(problems.flatMap((p) => p.related)).slice(0, 20),
      });
    }
  },
};

export const repositoryStaticSecret: Rule = {
  meta: {
    id: "ENC-004",
    name: "BackupRepositoryStaticSecret",
    category: "encryption",
    level: "warning",
    shortDescription: "Backup repository protected by a known static default secret (Velero's repository password left to its default).",
    fullDescription:
      "Velero encrypts file-system backups and moved snapshot data in kopia (or restic) repositories with the password in the Secret velero-repo-credentials (key repository-password). When that Secret does not exist, Velero creates it with the hard-coded value static-passw0rd (pkg/repository/keys/keys.go), published in its source: the encryption then protects nothing, and anyone who can read the bucket can read the backed-up volumes.",
    helpText:
      "Create the Secret velero-repo-credentials in Velero's namespace with a random repository-password before installing Velero (an existing repository keeps the password it was created with).",
    helpMarkdown: [
      "Velero's repository password protects the volume data of file-system backups and snapshot data movement. If the Secret `velero-repo-credentials` is missing when the node agent first writes a repository, Velero creates it with the static value `static-passw0rd` ([pkg/repository/keys/keys.go](https://github.com/vmware-tanzu/velero/blob/main/pkg/repository/keys/keys.go)).",
      "",
      "Fix: create the Secret before installing Velero.",
      "",
      "```yaml",
      "apiVersion: v1",
      "kind: Secret",
      "metadata:",
      "  name: velero-repo-credentials",
      "  namespace: velero",
      "type: Opaque",
      "stringData:",
      "  repository-password: <random, e.g. openssl rand -base64 32, from your secret store>",
      "```",
    ].join("\n"),
    tags: ["security", "backup", "encryption", "secrets", "kubernetes"],
    securitySeverity: "7.0",
    providers: ["kubernetes"],
    providerNote: "Velero with the node agent deployed (file-system backup or data movement), from manifests or the velero chart.",
  },
  check(ctx) {
    for (const m of ctx.graph.mechanisms) {
      if (m.node !== "backup-vault" || !m.repositorySecret) continue;
      const secret = m.repositorySecret;
      if (isUnknownFact(secret.staticDefault)) {
        reportUnknownFact(ctx, m, `whether the repository password of ${m.address} is Velero's static default`, secret.staticDefault, secret.location);
        continue;
      }
      if (!secret.staticDefault) continue;
      const affected = lookupOf(ctx.graph).componentsInVault(m.id);
      ctx.report({
        message: `${capitalize(secret.observed)}. Anyone who can read the bucket of ${m.address} can decrypt the file-system backups and moved snapshot data in it with that published password. ${capitalize(secret.fix)}.`,
        subject: m.address,
        subjectId: m.id,
        subjectKind: "resource",
        root: m.root,
        location: secret.location,
        anchor: secret.anchor,
        related: affected.slice(0, 20).map((c) => ({ location: c.location, message: `${c.address} is backed up into ${m.address}` })),
        affected: affected.map((c) => c.address),
      });
    }
  },
};

export const ENCRYPTION_RULES: readonly Rule[] = [backupsNotEncrypted, backupKeyNotRetrievable, copyKeyCannotWork, repositoryStaticSecret];
