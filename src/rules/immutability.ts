/** Immutability rules (SPEC section 4, IMM-*): WORM protection of the recovery points of classes that need it. */
import { lookupOf } from "../graph/lookup.js";
import type { BackupVault, Component, Location, UnknownFact } from "../graph/types.js";
import { reportUnknownFact, type UnknownOwner } from "./unknowns.js";
import { isUnknownFact } from "../graph/types.js";
import type { Requirements } from "../policy/types.js";
import { hasCoverageFinding, levelFor, sourceText, where } from "./recovery-common.js";
import type { Level, Rule, RuleContext } from "./types.js";

type Verdict =
  /** A compliance-mode lock protects it (vault or S3 Object Lock). */
  | { kind: "locked"; vaults: BackupVault[]; objectLock: boolean }
  /** Not protected: the vaults without a lock, with a governance lock, and whether nothing holds it in a vault at all. */
  | { kind: "unlocked"; noLock: BackupVault[]; governance: BackupVault[]; governanceObjectLock: boolean }
  | { kind: "unknown"; unknowns: Undecided[] };

/** A value that left the verdict unknown, with its owner, for the scan's unknowns. */
interface Undecided {
  owner: UnknownOwner;
  what: string;
  fact: UnknownFact;
  location?: Location;
}

interface Judged {
  c: Component;
  req: Requirements;
  verdict: Verdict;
}

function vaultsOf(ctx: RuleContext, c: Component): { vaults: BackupVault[]; unknown: boolean; unknowns: Undecided[] } {
  const coverage = ctx.graph.coverage.get(c.id);
  const lookup = lookupOf(ctx.graph);
  const vaults = new Set<BackupVault>();
  const unknowns: Undecided[] = (coverage?.uncertain ?? []).map((u) => ({ owner: c, what: `which vaults hold recovery points of ${c.address}`, fact: u.reason }));
  let unknown = unknowns.length > 0;
  for (const s of coverage?.streams ?? []) {
    if (s.via !== "plan-rule" && s.via !== "copy" && s.via !== "pitr") continue;
    if (s.vaultId === undefined) continue;
    if (isUnknownFact(s.vaultId)) {
      unknown = true;
      unknowns.push({ owner: c, what: `vault of the backup of ${c.address} in ${where(s.location)}`, fact: s.vaultId, location: s.location });
    } else {
      const v = lookup.node(s.vaultId);
      if (v?.node === "backup-vault") vaults.add(v);
      // A vault outside the scan (an ARN or a name of another stack): its lock is not known either.
      else unknown = true;
    }
  }
  return { vaults: [...vaults], unknown, unknowns };
}

/** The unknowns of an S3 Object Lock and of the vaults' locks that left the verdict unknown. */
function lockUnknowns(c: Component, vaults: BackupVault[]): Undecided[] {
  const out: Undecided[] = [];
  const lock = c.objectLock;
  if (lock && isUnknownFact(lock.enabled)) out.push({ owner: c, what: `whether S3 Object Lock is enabled on ${c.address}`, fact: lock.enabled, location: lock.location });
  else if (lock?.enabled === true && isUnknownFact(lock.mode)) out.push({ owner: c, what: `S3 Object Lock mode of ${c.address}`, fact: lock.mode, location: lock.modeLocation ?? lock.location });
  for (const v of vaults) {
    if (v.lock && isUnknownFact(v.lock.mode)) out.push({ owner: v, what: `lock mode of ${v.address}`, fact: v.lock.mode, location: v.lock.modeLocation ?? v.lock.location });
  }
  return out;
}

function judge(ctx: RuleContext, c: Component): Verdict {
  const lock = c.objectLock;
  let unknown = false;
  let objectLock = false;
  let governanceObjectLock = false;
  if (lock) {
    if (isUnknownFact(lock.enabled) || (lock.enabled === true && (lock.mode === undefined || isUnknownFact(lock.mode)))) unknown = true;
    else if (lock.enabled === true && lock.mode === "COMPLIANCE") objectLock = true;
    else if (lock.enabled === true && lock.mode === "GOVERNANCE") governanceObjectLock = true;
  }
  const held = vaultsOf(ctx, c);
  const locked = held.vaults.filter((v) => v.lock?.mode === "compliance");
  // An external backup stated with vault_lock: compliance keeps WORM points outside the scan.
  const externalLocked = ctx.graph.coverage.get(c.id)?.streams.some((s) => s.externalLock === "compliance") === true;
  if (objectLock || locked.length || externalLocked) return { kind: "locked", vaults: locked, objectLock };
  if (unknown || held.unknown || held.vaults.some((v) => v.lock && isUnknownFact(v.lock.mode))) return { kind: "unknown", unknowns: [...lockUnknowns(c, held.vaults), ...held.unknowns] };
  return { kind: "unlocked", noLock: held.vaults.filter((v) => !v.lock), governance: held.vaults.filter((v) => v.lock?.mode === "governance"), governanceObjectLock };
}

function needingImmutability(ctx: RuleContext): Judged[] {
  const out: Judged[] = [];
  for (const c of ctx.graph.components) {
    if (!c.backupCapable || hasCoverageFinding(c, ctx.graph.coverage.get(c.id))) continue;
    const req = ctx.policy.requirementsFor(c);
    if (req.ephemeral || !req.requiresImmutability) continue;
    const verdict = judge(ctx, c);
    // Both IMM rules ask; the runner lists each unknown once.
    if (verdict.kind === "unknown") for (const u of verdict.unknowns) reportUnknownFact(ctx, u.owner, u.what, u.fact, u.location);
    out.push({ c, req, verdict });
  }
  return out;
}

/** The strictest level among the affected components' requirements. */
function levelOf(items: Judged[]): Level | undefined {
  return items.some((j) => levelFor(j.req.requiresImmutability!) === "error") ? "error" : undefined;
}

function affectedFields(items: Judged[], why: (j: Judged) => string) {
  const sorted = [...items].sort((a, b) => (a.c.address < b.c.address ? -1 : a.c.address > b.c.address ? 1 : 0));
  return {
    related: sorted.slice(0, 20).map((j) => ({ location: j.c.location, message: why(j) })),
    affected: sorted.map((j) => j.c.address),
  };
}

function groupByVault(items: Judged[], pick: (v: Extract<Verdict, { kind: "unlocked" }>) => BackupVault[]): Map<BackupVault, Judged[]> {
  const m = new Map<BackupVault, Judged[]>();
  for (const j of items) {
    if (j.verdict.kind !== "unlocked") continue;
    for (const v of pick(j.verdict)) (m.get(v) ?? m.set(v, []).get(v)!).push(j);
  }
  return m;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const immutabilityMissing: Rule = {
  meta: {
    id: "IMM-001",
    name: "ImmutableBackupMissing",
    category: "immutability",
    level: "warning",
    shortDescription: "Vault or bucket holding data of a class that needs WORM, without a lock.",
    fullDescription:
      "Recovery points of a component whose class requires immutability (write once, read many: SEC 17a-4(f), MiFID II, NYDFS 500.16) are stored in an AWS Backup vault without a vault lock, or the bucket holding the records has no S3 Object Lock: anyone with delete rights, or ransomware with stolen credentials, can erase them.",
    helpText:
      "Add an aws_backup_vault_lock_configuration with changeable_for_days (compliance mode) and min_retention_days at least the required retention to the vault, or enable S3 Object Lock in COMPLIANCE mode on the bucket.",
    helpMarkdown: [
      "Some regimes require records that cannot be altered or erased (SEC 17a-4(f) WORM, MiFID II Art. 16(7), NYDFS 500.16 backups protected from destruction). A vault without a lock lets anyone with `backup:DeleteRecoveryPoint`, or an attacker holding such credentials, delete every recovery point.",
      "",
      "AWS Backup Vault Lock in compliance mode (set `changeable_for_days`) cannot be removed after its grace time, not even by the root user.",
      "",
      "Fix:",
      "",
      "```hcl",
      'resource "aws_backup_vault_lock_configuration" "records" {',
      "  backup_vault_name   = aws_backup_vault.records.name",
      "  changeable_for_days = 3",
      "  min_retention_days  = 2190",
      "}",
      "```",
    ].join("\n"),
    tags: ["backup", "immutability", "ransomware", "security"],
    securitySeverity: "7.5",
    providers: ["aws", "google", "azurerm", "kubernetes"],
    providerNote: "On Kubernetes, a Velero storage location, CloudNativePG object store or k8up backend is locked by its bucket's S3 Object Lock (or Azure immutability policy) when the bucket is in the scan; Velero works with Object Lock on versioned buckets but not with GCP bucket lock (https://velero.io/docs/main/backup-reference/).",
  },
  check(ctx) {
    const items = needingImmutability(ctx).filter((j) => j.verdict.kind === "unlocked");
    for (const [vault, group] of groupByVault(items, (v) => v.noLock)) {
      const first = group[0]!;
      const level = levelOf(group);
      ctx.report({
        message:
          `${vault.address} holds recovery points of ${group.length === 1 ? first.c.address : `${group.length} components`} whose class requires immutability (${sourceText(first.req.requiresImmutability!)}), and has no vault lock: they can be deleted before their retention ends. ` +
          (vault.remedies
            ? `${capitalize(vault.remedies.lock)}.`
            : `Add an aws_backup_vault_lock_configuration with changeable_for_days (compliance mode) and min_retention_days >= ${Math.max(...group.map((j) => j.req.minRetentionDays.value))}.`),
        subject: vault.address,
        subjectId: vault.id,
        subjectKind: "resource",
        root: vault.root,
        location: vault.location,
        anchor: "",
        ...affectedFields(group, (j) => `${j.c.address} (${j.req.requiresImmutability!.source.label}) is backed up into ${vault.address}`),
        ...(level ? { level } : {}),
      });
    }
    // Components held in no vault at all (native backups only, or a bucket without Object Lock).
    for (const j of items) {
      const v = j.verdict as Extract<Verdict, { kind: "unlocked" }>;
      if (v.noLock.length || v.governance.length || v.governanceObjectLock) continue;
      const level = levelOf([j]);
      const bucket = j.c.kind === "object-store";
      const fix = j.c.remedies?.immutability;
      ctx.report({
        message:
          `${j.c.address}: its class requires immutability (${sourceText(j.req.requiresImmutability!)}), and none of its recovery points is in a locked vault${bucket ? ` nor under ${j.c.provider === "aws" ? "S3 Object Lock" : "a locked retention policy"}` : ""}. ` +
          (fix
            ? `${capitalize(fix)} (at least ${j.req.minRetentionDays.value} days).`
            : bucket
              ? `Enable S3 Object Lock with a COMPLIANCE default retention of at least ${j.req.minRetentionDays.value} days (aws_s3_bucket_object_lock_configuration), or back it up into a vault with a compliance-mode lock.`
              : `Back it up with AWS Backup into a vault with a compliance-mode lock (aws_backup_vault_lock_configuration with changeable_for_days and min_retention_days >= ${j.req.minRetentionDays.value}).`),
        subject: j.c.address,
        subjectId: j.c.id,
        subjectKind: "resource",
        root: j.c.root,
        location: j.c.objectLock?.location ?? j.c.location,
        anchor: "",
        related: [],
        ...(level ? { level } : {}),
      });
    }
  },
};

function lockLocation(vault: BackupVault, which: "mode" | "min"): Location {
  const lock = vault.lock!;
  return (which === "mode" ? lock.modeLocation : lock.minRetentionLocation) ?? lock.location;
}

export const immutabilityTooWeak: Rule = {
  meta: {
    id: "IMM-002",
    name: "ImmutabilityLockTooWeak",
    category: "immutability",
    level: "error",
    shortDescription: "Backup lock shorter than the required retention, or in governance mode where compliance mode is required.",
    fullDescription:
      "A vault lock (or S3 Object Lock) protects recovery points of a class that requires immutability, but in governance mode, which privileged users can bypass or remove, or with a minimum retention shorter than the retention the class requires, so points can be deleted early.",
    helpText:
      "Set changeable_for_days on the aws_backup_vault_lock_configuration (compliance mode after the grace time) and min_retention_days at least the class's required retention; for S3 Object Lock, use COMPLIANCE mode with a default retention at least that long.",
    helpMarkdown: [
      "Governance mode can be removed by anyone with `backup:DeleteBackupVaultLockConfiguration`; only compliance mode is WORM. A lock whose `min_retention_days` is shorter than the required retention lets a lifecycle change delete records early.",
      "",
      "Example that fires (governance mode: no `changeable_for_days`):",
      "",
      "```hcl",
      'resource "aws_backup_vault_lock_configuration" "records" {',
      "  backup_vault_name  = aws_backup_vault.records.name",
      "  min_retention_days = 7",
      "}",
      "```",
      "",
      "Fix: `changeable_for_days = 3` and `min_retention_days = 2190` (the class's retention).",
    ].join("\n"),
    tags: ["backup", "immutability", "ransomware", "security"],
    securitySeverity: "7.0",
    providers: ["aws", "google", "azurerm", "kubernetes"],
  },
  check(ctx) {
    const items = needingImmutability(ctx);
    // Governance mode where compliance is required (no vault with a compliance lock holds the component).
    for (const [vault, group] of groupByVault(items, (v) => v.governance)) {
      ctx.report({
        message:
          `${vault.address} locks recovery points of ${group.length === 1 ? group[0]!.c.address : `${group.length} components`} in governance mode, which privileged users can bypass or remove; ` +
          `their class requires immutability (${sourceText(group[0]!.req.requiresImmutability!)}). ` +
          (vault.remedies ? `${capitalize(vault.remedies.governanceToCompliance)}.` : `Set changeable_for_days on the lock (${where(vault.lock!.location)}) so it becomes compliance mode.`),
        subject: vault.address,
        subjectId: vault.id,
        subjectKind: "resource",
        root: vault.root,
        location: lockLocation(vault, "mode"),
        anchor: "lock.mode",
        ...affectedFields(group, (j) => `${j.c.address} is backed up into ${vault.address}`),
      });
    }
    for (const j of items) {
      if (j.verdict.kind === "unlocked" && j.verdict.governanceObjectLock && !j.verdict.noLock.length && !j.verdict.governance.length) {
        ctx.report({
          message:
            j.c.objectLock!.label === undefined
              ? `${j.c.address} uses S3 Object Lock in GOVERNANCE mode, which privileged users can bypass; its class requires immutability (${sourceText(j.req.requiresImmutability!)}). Use COMPLIANCE mode.`
              : `${j.c.address} has an unlocked ${j.c.objectLock!.label}, which privileged users can shorten or remove; its class requires immutability (${sourceText(j.req.requiresImmutability!)}). ${capitalize(j.c.remedies?.immutability ?? "lock it")}.`,
          subject: j.c.address,
          subjectId: j.c.id,
          subjectKind: "resource",
          root: j.c.root,
          location: j.c.objectLock!.modeLocation ?? j.c.objectLock!.location,
          anchor: "object-lock.mode",
          related: [],
        });
      }
    }
    // Compliance locks shorter than the required retention.
    const short = new Map<BackupVault, Judged[]>();
    for (const j of items) {
      if (j.verdict.kind !== "locked") continue;
      for (const v of j.verdict.vaults) {
        if (v.lock!.holdsPointRetention) continue;
        const min = v.lock!.minRetentionDays;
        if (isUnknownFact(min)) {
          reportUnknownFact(ctx, v, `minimum retention of the lock of ${v.address}`, min, lockLocation(v, "min"));
          continue;
        }
        if (min === null || min < j.req.minRetentionDays.value) (short.get(v) ?? short.set(v, []).get(v)!).push(j);
      }
      const ol = j.c.objectLock;
      if (j.verdict.objectLock && ol && isUnknownFact(ol.retentionDays)) reportUnknownFact(ctx, j.c, `S3 Object Lock default retention of ${j.c.address}`, ol.retentionDays, ol.retentionLocation ?? ol.location);
      if (j.verdict.objectLock && ol && typeof ol.retentionDays === "number" && ol.retentionDays < j.req.minRetentionDays.value) {
        ctx.report({
          message: `${j.c.address} locks objects for ${ol.retentionDays} days (${ol.label ?? "S3 Object Lock default retention"}); ${sourceText(j.req.minRetentionDays)} requires ${j.req.minRetentionDays.value} days. Raise the ${ol.label ? "retention period" : "default retention"} to at least ${j.req.minRetentionDays.value} days.`,
          subject: j.c.address,
          subjectId: j.c.id,
          subjectKind: "resource",
          root: j.c.root,
          location: ol.retentionLocation ?? ol.location,
          anchor: "object-lock.retention",
          related: [],
        });
      }
    }
    for (const [vault, group] of short) {
      const need = Math.max(...group.map((j) => j.req.minRetentionDays.value));
      const strictest = group.find((j) => j.req.minRetentionDays.value === need)!;
      const min = vault.lock!.minRetentionDays;
      ctx.report({
        message:
          `${vault.address} has a compliance-mode lock ${min === null ? "without a minimum retention" : `with a minimum retention of ${min} days`}, so recovery points of ${group.length === 1 ? group[0]!.c.address : `${group.length} components`} can be deleted before ` +
          `${need} days (${sourceText(strictest.req.minRetentionDays)}). ${vault.remedies?.longerLock ? capitalize(vault.remedies.longerLock) : "Set min_retention_days"} to at least ${need}${vault.remedies?.longerLock ? " days" : ""}.`,
        subject: vault.address,
        subjectId: vault.id,
        subjectKind: "resource",
        root: vault.root,
        location: lockLocation(vault, "min"),
        anchor: "lock.min-retention",
        ...affectedFields(group, (j) => `${j.c.address} needs ${j.req.minRetentionDays.value} days`),
      });
    }
  },
};

export const IMMUTABILITY_RULES: readonly Rule[] = [immutabilityMissing, immutabilityTooWeak];
