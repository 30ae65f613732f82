/** Region rules: is there a copy of the backups outside the component's region and account (SPEC section 4, REG-*). */
import { lookupOf } from "../graph/lookup.js";
import type { Component, Coverage, Fact, Graph, Location, RecoveryStream } from "../graph/types.js";
import { isUnknownFact } from "../graph/types.js";
import type { Requirement } from "../policy/types.js";
import { isExternalStream } from "../graph/coverage.js";
import { aboutComponent, holdsBackupableData } from "./scope.js";
import type { Level, RelatedLocation, Rule, RuleContext } from "./types.js";
import { reportUnknownFact } from "./unknowns.js";
import { unknownFact, type UnknownFact } from "../graph/types.js";

/** Kinds judged for copies: data at rest that can be backed up (as COV-001). */

/** A copy of a component's data, from its own replication or from an AWS Backup copy action. */
export interface CopyOf {
  region: Fact<string>;
  account: Fact<string | null>;
  via: string;
  location?: Location;
  /** Anchor key path when configured in the component's own block. */
  anchor?: string;
  keyId?: Fact<string>;
  /** Destination vault node id (copy actions). */
  vaultId?: Fact<string>;
  /** The plan that makes it (copy actions). */
  planId?: string;
  kmsObjects?: Component["copies"][number]["kmsObjects"];
}

function where(l: Location): string {
  return `${l.file}:${l.startLine}`;
}

function isPlanStream(s: RecoveryStream, graph: Graph): boolean {
  return s.mechanismId !== undefined && lookupOf(graph).node(s.mechanismId)?.node === "backup-plan";
}

/** Every copy of the component: its replication and replicas, and the copy actions of the plans covering it. */
export function copiesOf(c: Component, coverage: Coverage | undefined, graph: Graph): CopyOf[] {
  const out: CopyOf[] = c.copies.map((x) => ({ ...x }));
  for (const s of coverage?.streams ?? []) {
    if (s.via !== "copy") continue;
    // Copies stated in the config's external_backups (copy_regions, copy_accounts) count like copy actions.
    const external = isExternalStream(s);
    if (!external && !isPlanStream(s, graph)) continue;
    const copy: CopyOf = external
      ? { region: s.region, account: s.account, via: "external-backup-copy", location: s.location }
      : { region: s.region, account: s.account, via: s.copyVia ?? "backup-copy-action", location: s.location, planId: s.mechanismId! };
    if (s.vaultId !== undefined) copy.vaultId = s.vaultId;
    // One external_backups entry states several copies at the same place: tell them apart by destination.
    const same = (o: CopyOf) => o.via === copy.via && o.location !== undefined && sameLocation(o.location, s.location) && (!external || (o.region === copy.region && o.account === copy.account));
    if (!out.some(same)) out.push(copy);
  }
  return out;
}

function sameLocation(a: Location, b: Location): boolean {
  return a.file === b.file && a.startLine === b.startLine && a.startColumn === b.startColumn;
}

/**
 * Whether copies could exist that the scan cannot see: a covering plan outside the scan or
 * with rules that cannot be expanded, or a possible coverage (unknown selection, unresolved
 * backup module) whose plan is not known.
 */
export function copiesMayBeUnseen(coverage: Coverage | undefined, graph: Graph): boolean {
  if (!coverage) return true;
  const lookup = lookupOf(graph);
  const opaque = (s: RecoveryStream) => {
    if (s.via === "copy") return true;
    if (s.via !== "plan-rule") return false;
    const plan = s.mechanismId !== undefined ? lookup.node(s.mechanismId) : undefined;
    return plan?.node !== "backup-plan" || plan.unknownRules !== undefined;
  };
  if (coverage.streams.some((s) => s.via === "plan-rule" && opaque(s))) return true;
  return (coverage.uncertain ?? []).some((u) => u.streams.length === 0 || u.streams.some(opaque));
}

/** Why copies may be unseen (see copiesMayBeUnseen): the first uncertain coverage's reason, or the covering plan's unknown rules. */
function unseenCopiesReason(coverage: Coverage | undefined, graph: Graph): UnknownFact {
  const uncertain = coverage?.uncertain?.[0]?.reason;
  if (uncertain) return uncertain;
  for (const s of coverage?.streams ?? []) {
    const plan = s.mechanismId !== undefined ? lookupOf(graph).node(s.mechanismId) : undefined;
    if (plan?.node === "backup-plan" && plan.unknownRules) return plan.unknownRules;
  }
  return unknownFact("a backup plan covering it is not in the scan", "scan the folder that defines the backup plan too");
}

/** A copy as the subject of an unknown: "the copy in backup.tf:30" (or its mechanism). */
function copyWhere(x: CopyOf): string {
  return x.location ? `the copy in ${where(x.location)}` : `the ${VIA_NAMES[x.via] ?? x.via.replace(/-/g, " ")}`;
}

/** Lists the `field` of each copy that is unknown, when no copy is known to decide the rule anyway. */
function reportUnknownCopies(ctx: RuleContext, c: Component, copies: CopyOf[], field: "region" | "account"): void {
  for (const x of copies) {
    const v = x[field];
    if (isUnknownFact(v)) reportUnknownFact(ctx, c, `destination ${field} of ${copyWhere(x)}`, v, x.location ?? c.location);
  }
}

/** The level of a finding whose requirement comes from a class (or a regime it carries): error; otherwise the rule's default. */
export function levelFor(req: Requirement<unknown> | undefined): Level | undefined {
  return req && (req.source.kind === "class" || req.source.kind === "regime") ? "error" : undefined;
}


function regionText(r: Fact<string>): string {
  return isUnknownFact(r) ? "an unknown region" : r;
}

const VIA_NAMES: Record<string, string> = {
  "backup-copy-action": "AWS Backup copy action",
  "external-backup-copy": "backup copy declared in external_backups",
  "dynamodb-global-table": "DynamoDB global table replica",
  "s3-replication": "S3 replication rule",
  "rds-automated-backups-replication": "RDS automated backups replication",
  "rds-read-replica": "RDS read replica",
  "secretsmanager-replica": "Secrets Manager replica",
  "cloudsql-backup-location": "Cloud SQL backup location",
  "gcs-dual-region": "dual-region bucket location",
  "gcs-multi-region": "multi-region bucket location",
  "gce-snapshot-location": "snapshot storage location",
  "azure-geo-redundant-vault": "geo-redundant backup vault storage",
  "azure-geo-redundant-backup": "geo-redundant backup storage",
  "azure-sql-geo-backup": "geo-redundant backup storage",
  "azure-storage-geo-replication": "geo-redundant storage replication",
  "cosmosdb-geo-backup": "geo-redundant backup storage",
  "cosmosdb-geo-location": "Cosmos DB replica region",
  "backup-dr-vault": "Backup and DR vault in another region",
  "backup-dr-vault-project": "Backup and DR vault in another project",
  "bigtable-cluster-backup": "Bigtable automated backup on a cluster in another region",
  "secret-manager-replica": "Secret Manager replica",
  "spanner-multi-region": "Spanner multi-region instance configuration",
  "firestore-multi-region": "Firestore multi-region location",
  "velero-storage-location": "Velero backup storage location",
  "cnpg-object-store": "CloudNativePG object store",
  "k8up-backend": "k8up restic repository",
  "chart-backup-object-store": "chart backup's object store",
  "dump-job-target": "dump CronJob's destination",
};

/** What the provider calls an account: an AWS account, a Google project, an Azure subscription. */
export function accountWord(c: Pick<Component, "provider">): string {
  return c.provider === "google" ? "project" : c.provider === "azurerm" ? "subscription" : "account";
}

export function copyText(c: CopyOf): string {
  const what = VIA_NAMES[c.via] ?? c.via.replace(/-/g, " ");
  return c.location ? `${what} (${where(c.location)})` : what;
}

/** Plan rules and snapshot policies that back the component up without a copy: related locations of REG-001. */
function backupStreamsWithoutCopy(coverage: Coverage | undefined): RelatedLocation[] {
  const out: RelatedLocation[] = [];
  for (const s of coverage?.streams ?? []) {
    if (s.via !== "plan-rule" && s.via !== "snapshot-policy") continue;
    if (out.some((o) => sameLocation(o.location, s.location))) continue;
    out.push({ location: s.location, message: `${s.via === "plan-rule" ? `this ${s.label ?? "backup plan rule"}` : "this snapshot policy"} keeps its recovery points in ${regionText(s.region)} and copies them nowhere else` });
  }
  return out.slice(0, 20);
}

function fixFor(c: Component): string {
  if (c.remedies) return `${c.remedies.crossRegionCopy.charAt(0).toUpperCase()}${c.remedies.crossRegionCopy.slice(1)}.`;
  if (c.provider !== "aws") return "Copy its backups to another region.";
  const replica =
    c.type === "aws_db_instance"
      ? "replicate its automated backups with aws_db_instance_automated_backups_replication in another region, or "
      : c.type === "aws_s3_bucket"
        ? "replicate it to a bucket in another region (aws_s3_bucket_replication_configuration), or "
        : c.type === "aws_dynamodb_table"
          ? "add a replica block in another region (global table), or "
          : "";
  return `${replica ? `Either ${replica}add` : "Add"} a copy_action to a backup vault in another region (a vault created with a provider for that region) to the AWS Backup plan rule that covers it.`;
}

export const noCrossRegionCopy: Rule = {
  meta: {
    id: "REG-001",
    name: "NoCrossRegionBackupCopy",
    category: "region",
    level: "warning",
    shortDescription: "No backup copy or replica outside the component's region.",
    fullDescription:
      "Every backup and replica of a stateful component stays in the component's own region: no AWS Backup copy action to a vault in another region, no cross-region replication (S3 replication, RDS automated backups replication, DynamoDB global table replicas). A regional outage or a region-wide incident then takes the data and its backups together.",
    helpText:
      "Copy the backups to another region: a copy_action to a backup vault in another region in the AWS Backup plan rule, or cross-region replication. The default policy expects a cross-region copy for every stateful component; a class that sets requires_cross_region makes this an error.",
    helpMarkdown: [
      "Every backup of the component stays in its own region, so a regional outage, a region-wide incident or a compromise confined to the region takes the data and its backups together.",
      "",
      "The default policy expects a copy outside the component's region for every stateful component (a class with `requires_cross_region: true` makes this an error). Copies are read from AWS Backup copy actions (the destination vault's provider region or ARN), S3 replication, RDS automated backups replication, read replicas and DynamoDB global table replicas. A component with no copy at all is reported even when its own region is unknown.",
      "",
      "Fixed example:",
      "",
      "```hcl",
      'provider "aws" {',
      '  alias  = "dr"',
      '  region = "us-west-2"',
      "}",
      "",
      'resource "aws_backup_vault" "dr" {',
      "  provider = aws.dr",
      '  name     = "orders-dr"',
      "}",
      "",
      'resource "aws_backup_plan" "daily" {',
      '  name = "daily"',
      "  rule {",
      '    rule_name         = "daily"',
      "    target_vault_name = aws_backup_vault.main.name",
      "    lifecycle { delete_after = 35 }",
      "    copy_action {",
      "      destination_vault_arn = aws_backup_vault.dr.arn",
      "      lifecycle { delete_after = 35 }",
      "    }",
      "  }",
      "}",
      "```",
    ].join("\n"),
    tags: ["security", "backup", "region", "disaster-recovery"],
    securitySeverity: "5.0",
    providers: ["aws", "google", "azurerm", "kubernetes"],
    providerNote: "On Kubernetes the component's region is its cluster's (clusters: in .restorable.yml, or an EKS/GKE/AKS cluster of the scan): volume snapshots and backups on a PVC stay in the cluster; only data written to a Velero storage location, a CloudNativePG object store, a k8up backend or a chart backup's bucket counts as a copy.",
  },
  check(ctx) {
    for (const c of ctx.graph.components) {
      if (!holdsBackupableData(c)) continue;
      const coverage = ctx.graph.coverage.get(c.id);
      if (coverage?.status !== "covered") continue;
      const req = ctx.policy.requirementsFor(c);
      if (req.ephemeral || req.requiresCrossRegion.value !== true) continue;
      if (copiesOf(c, coverage, ctx.graph).length > 0 || isReplicationDestination(c, ctx.graph)) continue;
      if (copiesMayBeUnseen(coverage, ctx.graph)) {
        reportUnknownFact(ctx, c, `whether ${c.address} has a copy outside its region`, unseenCopiesReason(coverage, ctx.graph));
        continue;
      }
      const level = levelFor(req.requiresCrossRegion);
      ctx.report({
        message:
          `${c.address} has no backup copy or replica outside its region (${regionText(c.region)}): every backup of it stays there, ` +
          `so a regional outage or a region-wide incident takes the data and its backups together. ` +
          `A copy in another region is expected (${req.requiresCrossRegion.source.label}). ${fixFor(c)}`,
        ...aboutComponent(c),
        location: c.location,
        anchor: "",
        related: backupStreamsWithoutCopy(coverage),
        ...(level ? { level } : {}),
      });
    }
  },
};

/** The component is the replica of another (an S3 replication destination): its region separation is judged on the source (REG-001/REG-002 there). */
function isReplicationDestination(c: Component, graph: Graph): boolean {
  return lookupOf(graph).isReplicationDestination(c.id);
}

/** Primary location and anchor of a finding about copies: the copy when it is configured in the component's block. */
function copyPlace(c: Component, copies: CopyOf[]): { location: Location; anchor: string } {
  const own = copies.find((x) => x.anchor !== undefined && x.anchor !== "" && x.location);
  return own ? { location: own.location!, anchor: own.anchor! } : { location: c.location, anchor: "" };
}

function relatedCopies(copies: CopyOf[], message: (x: CopyOf) => string): RelatedLocation[] {
  return copies.filter((x) => x.location).slice(0, 20).map((x) => ({ location: x.location!, message: message(x) }));
}

export const copyInSameRegion: Rule = {
  meta: {
    id: "REG-002",
    name: "BackupCopyInSameRegion",
    category: "region",
    level: "error",
    shortDescription: "Copy or replication configured, but its destination is in the component's own region.",
    fullDescription:
      "The component's backups are copied or replicated, but every destination is in the component's own region (a destination vault created with the same provider, a replica bucket in the same region), so the copy does not survive a regional outage.",
    helpText: "Point the copy at a destination in another region: a backup vault or bucket created with a provider configured for that region.",
    helpMarkdown: [
      "A copy action or replication exists, but its destination is in the same region as the component. The usual cause is a destination vault or bucket declared without `provider = aws.<other region>`, so it is created in the default provider's region.",
      "",
      "Fixed example:",
      "",
      "```hcl",
      'resource "aws_backup_vault" "dr" {',
      "  provider = aws.dr # us-west-2, not the default provider's eu-west-1",
      '  name     = "orders-dr"',
      "}",
      "```",
    ].join("\n"),
    tags: ["security", "backup", "region", "disaster-recovery"],
    securitySeverity: "6.0",
    providers: ["aws", "google", "azurerm", "kubernetes"],
  },
  check(ctx) {
    for (const c of ctx.graph.components) {
      if (!holdsBackupableData(c)) continue;
      const coverage = ctx.graph.coverage.get(c.id);
      if (coverage?.status !== "covered") continue;
      const req = ctx.policy.requirementsFor(c);
      if (req.ephemeral || req.requiresCrossRegion.value !== true) continue;
      const copies = copiesOf(c, coverage, ctx.graph);
      if (copies.length === 0) continue;
      // SPEC section 1: regions are compared only when copies exist; an unknown one on either side decides nothing.
      if (isUnknownFact(c.region)) {
        if (!copies.some((x) => typeof x.region === "string")) reportUnknownCopies(ctx, c, copies, "region");
        reportUnknownFact(ctx, c, `region of ${c.address}`, c.region);
        continue;
      }
      const region = c.region;
      if (copies.some((x) => typeof x.region === "string" && x.region !== region)) continue;
      if (copies.some((x) => isUnknownFact(x.region))) {
        reportUnknownCopies(ctx, c, copies, "region");
        continue;
      }
      // Every copy is known to be in the component's region.
      const place = copyPlace(c, copies);
      const level = levelFor(req.requiresCrossRegion);
      ctx.report({
        message:
          `${c.address} is copied only within its own region ${c.region}: ${copies.map(copyText).join(", ")} ` +
          `${copies.length === 1 ? "lands" : "land"} in ${c.region}, so a regional outage takes the data and every copy together. ` +
          `A copy in another region is expected (${req.requiresCrossRegion.source.label}). ` +
          (c.remedies ? `${c.remedies.crossRegionCopy.charAt(0).toUpperCase()}${c.remedies.crossRegionCopy.slice(1)}.` : `Create the destination with a provider configured for another region (e.g. provider = aws.dr).`),
        ...aboutComponent(c),
        location: place.location,
        anchor: place.anchor,
        related: relatedCopies(copies, (x) => `${copyText(x)}: destination in ${c.region}, the component's own region`),
        ...(level ? { level } : {}),
      });
    }
  },
};

export const copiesInSameAccount: Rule = {
  meta: {
    id: "REG-003",
    name: "BackupCopiesInSameAccount",
    category: "region",
    level: "warning",
    shortDescription: "All copies in the component's own account while its class requires a copy in another account.",
    fullDescription:
      "The component's class requires a backup copy in another AWS account (so that a compromised or closed account does not take the backups with it), but every copy stays in the component's own account.",
    helpText: "Copy the backups to a vault in a separate backup account (AWS Backup cross-account copy within your organization), with a customer managed key the destination account can use.",
    helpMarkdown: [
      "Backups in the same account as the data are deleted by the same compromised credentials, or lost with the account. Classes that set `requires_cross_account: true` need a copy in another account. Accounts are compared only where both are known (ARNs, `allowed_account_ids`, `assume_role`).",
      "",
      "Fixed example:",
      "",
      "```hcl",
      "copy_action {",
      '  destination_vault_arn = "arn:aws:backup:us-west-2:999988887777:backup-vault:central"',
      "  lifecycle { delete_after = 2555 }",
      "}",
      "```",
    ].join("\n"),
    tags: ["security", "backup", "account-isolation"],
    securitySeverity: "6.0",
    providers: ["aws", "google", "azurerm", "kubernetes"],
    providerNote: "The account is the AWS account, the Google project or the Azure subscription; a Kubernetes cluster's comes from clusters: in .restorable.yml, a storage location's from its bucket in the scan or the Azure subscriptionId.",
  },
  check(ctx) {
    for (const c of ctx.graph.components) {
      if (!holdsBackupableData(c)) continue;
      const coverage = ctx.graph.coverage.get(c.id);
      if (coverage?.status !== "covered") continue;
      const req = ctx.policy.requirementsFor(c);
      const need = req.requiresCrossAccount;
      if (req.ephemeral || !need) continue;
      if (copiesMayBeUnseen(coverage, ctx.graph)) continue;
      const copies = copiesOf(c, coverage, ctx.graph);
      if (copies.length > 0) {
        // Accounts compared only where both are known.
        const own = c.account;
        if (typeof own !== "string") {
          if (isUnknownFact(own)) reportUnknownFact(ctx, c, `account of ${c.address}`, own);
          continue;
        }
        if (copies.some((x) => typeof x.account === "string" && x.account !== own)) continue;
        if (copies.some((x) => typeof x.account !== "string")) {
          reportUnknownCopies(ctx, c, copies, "account");
          continue;
        }
      }
      const place = copyPlace(c, copies);
      const level = levelFor(need);
      const word = accountWord(c);
      const account = typeof c.account === "string" ? `${word} ${c.account}` : `its own ${word}`;
      ctx.report({
        message:
          (copies.length === 0
            ? `${c.address} has no backup copy in another ${word}: every backup stays in ${account}, `
            : `${c.address} is copied only within ${account} (${copies.map(copyText).join(", ")}), `) +
          `so compromised credentials or the loss of the ${word} take the backups with the data. ` +
          `A copy in another ${word} is required (${need.source.label}). ` +
          (c.remedies?.crossAccountCopy
            ? `${c.remedies.crossAccountCopy.charAt(0).toUpperCase()}${c.remedies.crossAccountCopy.slice(1)}.`
            : `Add a copy_action to a backup vault in a separate backup account, encrypted with a customer managed key shared with that account.`),
        ...aboutComponent(c),
        location: place.location,
        anchor: place.anchor,
        related: copies.length ? relatedCopies(copies, (x) => `${copyText(x)}: destination in ${account}`) : backupStreamsWithoutCopy(coverage),
        ...(level ? { level } : {}),
      });
    }
  },
};

export const REGION_RULES: readonly Rule[] = [noCrossRegionCopy, copyInSameRegion, copiesInSameAccount];
