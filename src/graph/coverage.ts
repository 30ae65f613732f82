/**
 * Coverage (SPEC sections 1 and 2): which mechanisms keep restorable points in
 * time for each component, three-valued. Sources: native streams (automated
 * backups, PITR, versioning, EFS backup policy), AWS Backup selections (by
 * reference, ARN pattern, tags, conditions; minus not_resources; in the plan's
 * account and region; region opt-in), DLM policies, and the parent instance of
 * an attached volume. Replication alone is not a backup.
 */
import { isKnownBackupModule } from "../catalog/index.js";
import type { ExternalBackup } from "../policy/types.js";
import type { EvaluatedRoot } from "../terraform/types-evaluated.js";
import { NearValues } from "./near-values.js";
import { and3, globMatch, matchArnPattern, not3, or3, patternNamesType, type Tri } from "./arn.js";
import type {
  BackupPlan,
  BackupPlanRule,
  BackupSelection,
  Component,
  Coverage,
  Fact,
  Location,
  Mechanism,
  RecoveryStream,
  RegionSettings,
  Replication,
  ResourceSelector,
  ScanUnknown,
  SnapshotPolicy,
  TagCriterion,
  UnknownFact,
} from "./types.js";
import { isUnknownFact, unknownFact } from "./types.js";

/**
 * Region opt-in defaults by AWS Backup resource type. An account is opted in to the
 * types AWS Backup supported when it first used the service; types added later need
 * an opt-in. The five launch types (January 2019) are on for every account that uses
 * AWS Backup; for the others AWS documents no account-independent default: unknown.
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/assigning-resources.html
 * https://aws.amazon.com/about-aws/whats-new/2019/01/introducing-aws-backup/
 */
const OPT_IN_DEFAULTS: Record<string, boolean> = { EBS: true, EFS: true, RDS: true, DynamoDB: true, "Storage Gateway": true };

/**
 * Types that need the opt-in even when a selection names them explicitly.
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/assigning-resources.html
 */
const OPT_IN_ALWAYS_REQUIRED = new Set(["Aurora", "Neptune", "DocumentDB"]);

/** AWS Backup continuous backup (PITR, up to 35 days) supports these types. https://docs.aws.amazon.com/aws-backup/latest/devguide/point-in-time-recovery.html */
const CONTINUOUS_TYPES = new Set(["RDS", "Aurora", "S3"]);
const CONTINUOUS_MAX_DAYS = 35;

type Contribution = { status: Tri; streams: RecoveryStream[]; related: { location: Location; message: string }[]; metadataOnly?: NonNullable<Coverage["metadataOnly"]> };

export interface CoverageResult {
  coverage: Map<string, Coverage>;
  unknowns: ScanUnknown[];
}

/** Place check: same region and (where both known) same account. */
function samePlace(aRegion: Fact<string>, aAccount: Fact<string | null>, bRegion: Fact<string>, bAccount: Fact<string | null>): Tri {
  let region: Tri;
  if (isUnknownFact(aRegion)) region = aRegion;
  else if (isUnknownFact(bRegion)) region = bRegion;
  else region = aRegion === bRegion;
  const account: Tri = typeof aAccount === "string" && typeof bAccount === "string" ? aAccount === bAccount : true;
  return and3(region, account);
}

export function tagMatch(crit: TagCriterion, tags: Component["tags"]): Tri {
  if (isUnknownFact(tags)) return tags;
  if (isUnknownFact(crit.key)) return crit.key;
  const has = Object.prototype.hasOwnProperty.call(tags, crit.key);
  const actual = has ? tags[crit.key]! : undefined;
  if (actual !== undefined && isUnknownFact(actual)) return actual;
  if (isUnknownFact(crit.value)) return actual === undefined && (crit.op === "equals" || crit.op === "like") ? false : crit.value;
  switch (crit.op) {
    case "equals":
      return actual === crit.value;
    case "like":
      return actual !== undefined && globMatch(crit.value, actual);
    case "notEquals":
      return actual !== crit.value;
    case "notLike":
      return actual === undefined || !globMatch(crit.value, actual);
    // Kubernetes label selector operators. https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#resources-that-support-set-based-requirements
    case "exists":
      return actual !== undefined;
    case "notExists":
      return actual === undefined;
    case "in":
      return actual !== undefined && (crit.values ?? [crit.value]).includes(actual);
    case "notIn":
      return actual === undefined || !(crit.values ?? [crit.value]).includes(actual);
  }
}

/** Levenshtein distance, stopping early past `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

function where(l: Location): string {
  return `${l.file}:${l.startLine}`;
}

/**
 * Components by tag, for narrowing selection candidates: those that may satisfy an `equals`
 * criterion (the value matches, or their tags or that tag's value are unknown), and those that
 * carry a key at all (other operators).
 */
type TagIndex = ReturnType<typeof indexTags>;

/**
 * Components as a few lists shared with the index, never copied: in a monorepo thousands of
 * selections ask for the same large lists (every component tagged backup = daily), and copying
 * them for each was most of the scan's allocation.
 */
type Bound = readonly (readonly Component[])[];
const NONE: readonly Component[] = [];

function sizeOf(bound: Bound): number {
  let n = 0;
  for (const part of bound) n += part.length;
  return n;
}

function indexTags(components: readonly Component[]) {
  const byPair = new Map<string, Component[]>();
  const byKey = new Map<string, Component[]>();
  const unknownValue = new Map<string, Component[]>();
  const unknownTags: Component[] = [];
  const push = (m: Map<string, Component[]>, k: string, c: Component) => (m.get(k) ?? m.set(k, []).get(k)!).push(c);
  for (const c of components) {
    if (isUnknownFact(c.tags)) {
      unknownTags.push(c);
      continue;
    }
    for (const [k, v] of Object.entries(c.tags)) {
      push(byKey, k, c);
      if (isUnknownFact(v)) push(unknownValue, k, c);
      else push(byPair, `${k}\u0000${v}`, c);
    }
  }
  return {
    /** Components that may satisfy an `equals` criterion with a known key and value; undefined for other criteria. */
    mayHave(t: TagCriterion): Bound | undefined {
      if (t.op !== "equals" || isUnknownFact(t.key) || isUnknownFact(t.value)) return undefined;
      return [byPair.get(`${t.key}\u0000${t.value}`) ?? NONE, unknownValue.get(t.key) ?? NONE, unknownTags];
    },
    withKey(key: string): Bound {
      return [byKey.get(key) ?? NONE, unknownTags];
    },
  };
}

export function computeCoverage(components: Component[], mechanisms: Mechanism[], roots: EvaluatedRoot[], externalBackups: readonly ExternalBackup[] = []): CoverageResult {
  const plans = new Map<string, BackupPlan>();
  const selections: BackupSelection[] = [];
  const regionSettings: RegionSettings[] = [];
  const dlm: SnapshotPolicy[] = [];
  for (const m of mechanisms) {
    if (m.node === "backup-plan") plans.set(m.id, m);
    else if (m.node === "backup-selection") selections.push(m);
    else if (m.node === "region-settings") regionSettings.push(m);
    else if (m.node === "snapshot-policy") dlm.push(m);
  }
  const byId = new Map(components.map((c) => [c.id, c]));

  // ---- Index: which selections could select which components (not quadratic).
  const selectable = components.filter((c) => c.backupResourceType !== undefined);
  const tagIndex = indexTags(selectable);
  const byService = new Map<string, Component[]>();
  for (const c of selectable) {
    const svc = c.arnParts?.service ?? "";
    (byService.get(svc) ?? byService.set(svc, []).get(svc)!).push(c);
  }
  const candidates = new Map<string, BackupSelection[]>();
  const addCandidate = (c: Component, s: BackupSelection) => {
    const list = candidates.get(c.id) ?? candidates.set(c.id, []).get(c.id)!;
    if (list[list.length - 1] !== s) list.push(s);
  };
  for (const s of selections) {
    const provider = s.provider ?? "aws";
    // Components that may match every `condition` (AND): the narrowest known bound, when there is one.
    const conditionBounds = s.allConditions.map((t) => tagIndex.mayHave(t)).filter((x): x is Bound => x !== undefined);
    const conditionOnly = s.resources.length === 0 && s.anyTags.length === 0;
    const broad =
      s.unknown !== undefined ||
      (conditionOnly && conditionBounds.length === 0 && s.allConditions.length > 0) ||
      s.resources.some((r) => r.by === "unknown" || (r.by === "arn" && (r.pattern === "*" || !patternNamesType(r.pattern)))) ||
      s.anyTags.some((t) => isUnknownFact(t.key)) ||
      // A Kubernetes backup selects by namespace (and labels): every component of its provider is a candidate.
      s.namespaces !== undefined;
    if (broad) {
      for (const c of selectable) if (c.provider === provider) addCandidate(c, s);
      continue;
    }
    // Components that may match `resources` or a `selection_tag` (OR).
    const either: (readonly Component[])[] = [];
    for (const r of s.resources) {
      if (r.by === "ref") {
        const c = findRef(r, byId);
        if (c) either.push([c]);
      } else if (r.by === "arn") either.push(byService.get(r.pattern.split(":")[2] ?? "") ?? NONE);
    }
    for (const t of s.anyTags) either.push(...(tagIndex.mayHave(t) ?? tagIndex.withKey(t.key as string)));
    const bounds: Bound[] = conditionOnly ? conditionBounds : [either, ...conditionBounds];
    // No resources, tags or conditions at all (a half-written selection): it selects nothing.
    if (bounds.length === 0) continue;
    const narrowest = bounds.reduce((a, b) => (sizeOf(b) < sizeOf(a) ? b : a));
    for (const part of narrowest) for (const c of part) if (c.provider === provider) addCandidate(c, s);
  }

  const optInOf = (c: Component): { value: Tri; location?: Location } => {
    const type = c.backupResourceType!;
    for (const rs of regionSettings) {
      const place = samePlace(rs.region, rs.account, c.region, c.account);
      if (place === false) continue;
      const v = rs.optIn[type] ?? rs.optIn["*"];
      if (v === undefined) continue;
      if (place !== true) return { value: place, location: rs.location };
      return { value: v, location: rs.anchors["resource_type_opt_in_preference"] ?? rs.location };
    }
    const d = OPT_IN_DEFAULTS[type];
    if (d !== undefined) return { value: d };
    return {
      value: unknownFact(
        `whether AWS Backup is opted in to ${type} in this region depends on the account's settings (AWS opts accounts in to the types supported when they first used AWS Backup)`,
        `declare aws_backup_region_settings with resource_type_opt_in_preference for ${type}, or select the resource by ARN`,
      ),
    };
  };

  const selectionContribution = (s: BackupSelection, c: Component): Contribution => {
    const related: Contribution["related"] = [];
    const res = resourcesMatch(s.resources, c, byId);
    const tags = or3(...s.anyTags.map((t) => tagMatch(t, c.tags)));
    const conditionOnly = s.resources.length === 0 && s.anyTags.length === 0 && (s.allConditions.length > 0 || s.namespaces !== undefined);
    let base: Tri = or3(res.status, tags, conditionOnly);
    const typed = res.status === true && res.typed;
    base = and3(base, ...s.allConditions.map((t) => tagMatch(t, c.tags)));
    const excluded = resourcesMatch(s.notResources, c, byId).status;
    base = and3(base, not3(excluded));
    if (base === false && s.unknown) base = s.unknown;
    if (base === false || c.provider !== (s.provider ?? "aws")) return { status: false, streams: [], related };
    if (s.environment && c.environment && s.environment !== c.environment) return { status: false, streams: [], related };
    let status: Tri = s.association
      ? base
      : c.provider === "kubernetes"
        ? and3(base, kubernetesPlace(s, c))
        : and3(base, samePlace(s.region, s.account, c.region, c.account), inAccountScope(s.accountScope, c.account));
    if (status === false) return { status: false, streams: [], related };
    // Region opt-in is an AWS Backup setting.
    if (c.provider === "aws" && (!typed || OPT_IN_ALWAYS_REQUIRED.has(c.backupResourceType!))) {
      const opt = optInOf(c);
      if (opt.value === false && opt.location) related.push({ location: opt.location, message: `${c.backupResourceType} is opted out of AWS Backup in this region; ${where(s.location)} selects ${c.address} by tag or "*"` });
      status = and3(status, opt.value);
    }
    // AWS Backup can back up S3 only with versioning enabled.
    if (c.backupResourceType === "S3" && status !== false) {
      const versioning = c.nativeBackup.via === "versioning" ? c.nativeBackup.enabled : false;
      if (versioning === false) related.push({ location: s.location, message: `${s.address} selects ${c.address}, but AWS Backup for S3 needs versioning enabled` });
      status = and3(status, versioning);
    }
    if (status === false) return { status, streams: [], related };
    const planned = planStreams(s, c, plans);
    if (planned.streams.length === 0 && planned.metadataOnly.length > 0) return { status: false, streams: [], related, metadataOnly: planned.metadataOnly };
    return { status: and3(status, ...planned.undecided), streams: planned.streams, related };
  };

  const coverage = new Map<string, Coverage>();
  const unknowns: ScanUnknown[] = [];
  const unresolvedByRoot = new Map<string, EvaluatedRoot["unresolvedModules"]>();
  for (const root of roots) unresolvedByRoot.set(root.root, root.unresolvedModules);

  const byLowerKey = criteriaByLowerKey(selections);
  const replications = replicationsBySource(mechanisms);
  const mayMatch = new Set<BackupSelection>();
  const ordered = [...components.filter((c) => c.coveredWith.length === 0), ...components.filter((c) => c.coveredWith.length > 0)];
  for (const c of ordered) {
    const contributions: Contribution[] = [nativeContribution(c, replications)];
    if (c.backupResourceType !== undefined) {
      for (const s of candidates.get(c.id) ?? []) {
        const contribution = selectionContribution(s, c);
        if (contribution.status !== false) mayMatch.add(s);
        contributions.push(contribution);
      }
    }
    for (const p of dlm) contributions.push(dlmContribution(p, c));
    if (c.backupCapable) for (const e of externalBackups) contributions.push(externalContribution(e, c));
    for (const parentId of c.coveredWith) {
      const parent = coverage.get(parentId);
      if (!parent) continue;
      const status: Tri = parent.status === "covered" ? true : parent.status === "unknown" ? (parent.unknowns[0] ?? unknownFact(`coverage of ${parentId} is unknown`)) : false;
      contributions.push({ status, streams: parent.streams, related: [] });
    }
    for (const m of unresolvedByRoot.get(c.root) ?? []) {
      const known = isKnownBackupModule(m);
      if (known || m.referencedAddresses.includes(c.address)) {
        contributions.push({
          status: unknownFact(
            known ? `module ${m.address} (${m.source}) is a backup module that could not be read: ${m.reason}` : `${c.address} is passed to module ${m.address} (${m.source}), which could not be read: ${m.reason}`,
            "run terraform init so .terraform/modules exists, or scan the plan JSON",
          ),
          streams: [],
          related: [],
        });
      }
    }
    const cov = combine(contributions);
    if (cov.status === "uncovered") cov.related.push(...nearMisses(c, byLowerKey));
    coverage.set(c.id, cov);
    if (cov.status === "unknown" && c.backupCapable) {
      const u = cov.unknowns[0]!;
      unknowns.push({ subject: c.address, root: c.root, what: "coverage", reason: u.reason, ...(u.hint ? { hint: u.hint } : {}), location: c.location });
    }
  }
  recordSelectionReach(selections, components, mayMatch, tagIndex, roots);
  return { coverage, unknowns };
}

function combine(cs: Contribution[]): Coverage {
  const streams: RecoveryStream[] = [];
  const unknowns: UnknownFact[] = [];
  const related: Coverage["related"] = [];
  const uncertain: NonNullable<Coverage["uncertain"]> = [];
  let covered = false;
  const metadataOnly: NonNullable<Coverage["metadataOnly"]> = [];
  for (const c of cs) {
    related.push(...c.related);
    if (c.metadataOnly) metadataOnly.push(...c.metadataOnly);
    if (c.status === true) {
      covered = true;
      streams.push(...c.streams);
    } else if (c.status !== false) {
      unknowns.push(c.status);
      uncertain.push({ reason: c.status, streams: c.streams });
    }
  }
  const cov: Coverage = { status: covered ? "covered" : unknowns.length ? "unknown" : "uncovered", streams, unknowns: covered ? [] : unknowns, related };
  if (uncertain.length) cov.uncertain = uncertain;
  if (metadataOnly.length) cov.metadataOnly = metadataOnly;
  return cov;
}

function findRef(r: Extract<ResourceSelector, { by: "ref" }>, byId: Map<string, Component>): Component | undefined {
  return byId.get(`${r.root}::${r.address}`) ?? byId.get(`${r.root}::${r.address}[*]`) ?? byId.get(`${r.root}::${r.address.replace(/\[[^\]]*\]$/, "")}[*]`);
}

function resourcesMatch(selectors: ResourceSelector[], c: Component, byId: Map<string, Component>): { status: Tri; typed: boolean } {
  let typedTrue = false;
  const results: Tri[] = [];
  for (const s of selectors) {
    let r: Tri;
    let typed = false;
    if (s.by === "ref") {
      r = findRef(s, byId) === c ? (s.uncertain !== undefined ? unknownFact(s.uncertain) : true) : false;
      typed = true;
    } else if (s.by === "arn") {
      r = c.arnParts ? matchArnPattern(s.pattern, c.arnParts) : s.pattern === "*";
      typed = patternNamesType(s.pattern);
    } else r = unknownFact(`the resources list is not known: ${s.reason}`);
    if (r === true && typed) typedTrue = true;
    results.push(r);
  }
  return { status: or3(...results), typed: typedTrue };
}

interface Planned {
  streams: RecoveryStream[];
  /** Rules that select the component but copy only its metadata (Kubernetes backups without volume data). */
  metadataOnly: NonNullable<Coverage["metadataOnly"]>;
  /** Whether some rule captures the data at all is unknown. */
  undecided: UnknownFact[];
}

/** Does a Kubernetes backup rule copy this component's volume data: into storage, as snapshots, or not at all? */
function volumeDataOf(rule: BackupPlanRule, c: Component): { snapshots: Tri; toStorage: Tri } {
  const v = rule.volumeData!;
  const toStorage: Tri = v.toStorage === "opt-in" ? (c.fsBackupOptIn ?? false) : v.toStorage;
  return { snapshots: v.snapshots, toStorage };
}

function planStreams(s: BackupSelection, c: Component, plans: Map<string, BackupPlan>): Planned {
  const planned: Planned = { streams: [], metadataOnly: [], undecided: [] };
  const plan = typeof s.planId === "string" ? plans.get(s.planId) : undefined;
  if (!plan) {
    const why = isUnknownFact(s.planId) ? s.planId : unknownFact(`plan ${s.planId} is not in the scan`);
    planned.streams.push({ via: "plan-rule", mechanismId: s.id, retentionDays: why, intervalHours: why, region: s.region, account: s.account, location: s.location });
    return planned;
  }
  if (plan.unknownRules) {
    planned.streams.push({ via: "plan-rule", mechanismId: plan.id, retentionDays: plan.unknownRules, intervalHours: plan.unknownRules, region: plan.region, account: plan.account, location: plan.location, ...(plan.label ? { label: plan.label } : {}) });
    return planned;
  }
  const out = planned.streams;
  const label = plan.label ? { label: plan.label } : {};
  for (const rule of plan.rules) {
    let withCopies = true;
    let withVault = true;
    if (rule.volumeData) {
      const { snapshots, toStorage } = volumeDataOf(rule, c);
      if (snapshots === false && toStorage === false) {
        planned.metadataOnly.push({ mechanismId: plan.id, location: rule.volumeData.location, message: `${plan.label ?? "this backup"} ${plan.address} selects ${c.address} but copies only its Kubernetes objects, not the data in its volumes` });
        continue;
      }
      if (snapshots !== true && toStorage !== true) planned.undecided.push(isUnknownFact(toStorage) ? toStorage : (snapshots as UnknownFact));
      // Snapshots stay in the cluster; only data moved to storage lands in the storage location (the vault and its copies).
      withCopies = toStorage !== false;
      withVault = toStorage !== false;
    }
    const ruleStream: RecoveryStream = { via: "plan-rule", mechanismId: plan.id, retentionDays: rule.retentionDays, intervalHours: rule.intervalHours, region: plan.region, account: plan.account, location: rule.location, coldAfterDays: rule.coldStorageAfterDays, ...label };
    if (rule.vaultId !== undefined && withVault) ruleStream.vaultId = rule.vaultId;
    if (rule.encrypted !== undefined) ruleStream.encrypted = rule.encrypted;
    if (rule.retentionLocation) ruleStream.retentionLocation = rule.retentionLocation;
    if (rule.scheduleLocation) ruleStream.intervalLocation = rule.scheduleLocation;
    out.push(ruleStream);
    if (rule.continuous === true && CONTINUOUS_TYPES.has(c.backupResourceType ?? "")) {
      const ret = rule.retentionDays;
      out.push({ via: "pitr", mechanismId: plan.id, retentionDays: typeof ret === "number" ? Math.min(ret, CONTINUOUS_MAX_DAYS) : ret === null ? CONTINUOUS_MAX_DAYS : ret, intervalHours: 5 / 60, region: plan.region, account: plan.account, location: rule.location, ...(rule.vaultId !== undefined ? { vaultId: rule.vaultId } : {}) });
    }
    if (!withCopies) continue;
    for (const copy of rule.copyActions) {
      const copyStream: RecoveryStream = { via: "copy", mechanismId: plan.id, retentionDays: copy.retentionDays, intervalHours: rule.intervalHours, region: copy.destinationRegion, account: copy.destinationAccount, location: copy.location, ...label };
      if (copy.via !== undefined) copyStream.copyVia = copy.via;
      if (rule.encrypted !== undefined) copyStream.encrypted = rule.encrypted;
      if (copy.coldStorageAfterDays !== undefined) copyStream.coldAfterDays = copy.coldStorageAfterDays;
      if (copy.destinationVaultId !== undefined) copyStream.vaultId = copy.destinationVaultId;
      if (copy.retentionLocation) copyStream.retentionLocation = copy.retentionLocation;
      if (rule.scheduleLocation) copyStream.intervalLocation = rule.scheduleLocation;
      out.push(copyStream);
    }
  }
  return planned;
}

/**
 * Place of a Kubernetes backup and a component: the same cluster (both unnamed = the scan's one
 * cluster) and a selected namespace (Velero: globs; an empty include list or `*` is every namespace;
 * excludes win). https://velero.io/docs/main/resource-filtering/
 */
function kubernetesPlace(s: BackupSelection, c: Component): Tri {
  if ((s.cluster ?? "") !== (c.cluster ?? "")) return false;
  const ns = s.namespaces;
  if (!ns) return true;
  if (c.namespace === undefined) return false;
  if (isUnknownFact(c.namespace)) return c.namespace;
  const name = c.namespace;
  if (ns.exclude.some((g) => globMatch(g, name))) return false;
  return ns.include.length === 0 || ns.include.some((g) => globMatch(g, name));
}

function nativeContribution(c: Component, replications: ReadonlyMap<string, Replication[]>): Contribution {
  const nb = c.nativeBackup;
  const location = nb.location ?? (nb.anchor ? c.anchors[nb.anchor] : undefined) ?? c.location;
  if (nb.enabled === false || !c.backupCapable) return { status: false, streams: [], related: [] };
  const via = nb.via ?? "native";
  const intervalHours = nb.pointInTime === true && via !== "pitr" ? 5 / 60 : nb.frequencyHours;
  const stream: RecoveryStream = { via, retentionDays: nb.retentionDays, intervalHours, region: c.region, account: c.account, location };
  if (nb.retentionAnchor && c.anchors[nb.retentionAnchor]) stream.retentionLocation = c.anchors[nb.retentionAnchor]!;
  if (nb.enabled !== true) return { status: nb.enabled, streams: [stream], related: [] };
  const streams = [stream];
  if (nb.longTerm) {
    const at = (nb.longTerm.anchor ? c.anchors[nb.longTerm.anchor] : undefined) ?? location;
    streams.push({ via: "native", retentionDays: nb.longTerm.retentionDays, intervalHours: nb.longTerm.frequencyHours, region: c.region, account: c.account, location: at });
  }
  // Replicated automated backups keep restorable points in another region.
  for (const m of replications.get(c.id) ?? []) {
    streams.push({ via: "copy", mechanismId: m.id, retentionDays: m.retentionDays, intervalHours, region: m.destinationRegion, account: m.destinationAccount, location: m.location });
  }
  return { status: true, streams, related: [] };
}

/** Replications that keep recovery points (replicated automated backups), by source component id. */
function replicationsBySource(mechanisms: readonly Mechanism[]): Map<string, Replication[]> {
  const out = new Map<string, Replication[]>();
  for (const m of mechanisms) {
    if (m.node !== "replication" || !m.keepsRecoveryPoints || typeof m.sourceId !== "string") continue;
    (out.get(m.sourceId) ?? out.set(m.sourceId, []).get(m.sourceId)!).push(m);
  }
  return out;
}

/** DLM target tags: a resource with any one of them is targeted. https://docs.aws.amazon.com/ebs/latest/userguide/snapshot-ami-policy.html */
function dlmContribution(p: SnapshotPolicy, c: Component): Contribution {
  const none: Contribution = { status: false, streams: [], related: [] };
  const wanted = c.type === "aws_ebs_volume" ? "VOLUME" : c.type === "aws_instance" ? "INSTANCE" : undefined;
  if (!wanted || !p.targetResourceTypes.includes(wanted) || p.enabled === false) return none;
  const place = samePlace(p.region, p.account, c.region, c.account);
  if (place === false) return none;
  let tags: Tri;
  if (isUnknownFact(p.targetTags)) tags = p.targetTags;
  else if (isUnknownFact(c.tags)) tags = c.tags;
  else {
    const own = c.tags;
    tags = or3(...Object.entries(p.targetTags).map(([k, v]) => (own[k] === undefined ? false : isUnknownFact(own[k]) ? (own[k] as UnknownFact) : own[k] === v)));
  }
  const status = and3(place, tags, p.enabled === true ? true : p.enabled);
  if (status === false) return none;
  return { status, streams: [{ via: "snapshot-policy", mechanismId: p.id, retentionDays: p.retentionDays, intervalHours: p.intervalHours, region: p.region, account: p.account, location: p.location }], related: [] };
}

/** Selections that almost select an uncovered component: same key in another case, or a value within edit distance 2. */
/** At most this many near misses are kept per component (SARIF keeps 20 related locations). */
const MAX_NEAR_MISSES = 20;

type KeyedCriterion = { s: BackupSelection; t: TagCriterion; block: "selection_tag" | "condition" };

/**
 * Tag criteria that can nearly miss (known key and value; equals or like): lower-case key → key as
 * written → the criteria by place (region or "?" → account or "?"), each place with its own
 * near-value index, so a component's values are compared only with selections that may apply where
 * it is (a monorepo's numbered service names are all within distance 2 of each other), and the
 * order in which each value was first seen.
 */
type CriteriaIndex = Map<string, Map<string, { order: Map<string, number>; places: Map<string, Map<string, NearValues<KeyedCriterion>>> }>>;

function criteriaByLowerKey(selections: readonly BackupSelection[]): CriteriaIndex {
  const out: CriteriaIndex = new Map();
  for (const s of selections) {
    const all: KeyedCriterion[] = [...s.anyTags.map((t) => ({ s, t, block: "selection_tag" as const })), ...s.allConditions.filter((x) => x.op === "equals" || x.op === "like").map((t) => ({ s, t, block: "condition" as const }))];
    for (const k of all) {
      if (isUnknownFact(k.t.key) || isUnknownFact(k.t.value)) continue;
      const lower = out.get(k.t.key.toLowerCase()) ?? out.set(k.t.key.toLowerCase(), new Map()).get(k.t.key.toLowerCase())!;
      const entry = lower.get(k.t.key) ?? lower.set(k.t.key, { order: new Map(), places: new Map() }).get(k.t.key)!;
      if (!entry.order.has(k.t.value)) entry.order.set(k.t.value, entry.order.size);
      const [r, a] = placeOfSelection(k.s);
      const accounts = entry.places.get(r) ?? entry.places.set(r, new Map()).get(r)!;
      const values = accounts.get(a) ?? accounts.set(a, new NearValues(editDistance)).get(a)!;
      values.add(k.t.value, k);
    }
  }
  return out;
}

function placeOfSelection(s: BackupSelection): [string, string] {
  return [typeof s.region === "string" ? s.region : "?", typeof s.account === "string" ? s.account : "?"];
}

/** The near-value indexes of the places that may apply to the component (unknown places on either side included), region first. */
function placesOf(places: Map<string, Map<string, NearValues<KeyedCriterion>>>, c: Component): NearValues<KeyedCriterion>[] {
  const regions = typeof c.region === "string" ? [c.region, "?"] : [...places.keys()];
  const out: NearValues<KeyedCriterion>[] = [];
  for (const r of regions) {
    const accounts = places.get(r);
    if (!accounts) continue;
    for (const a of typeof c.account === "string" ? [c.account, "?"] : [...accounts.keys()]) {
      const values = accounts.get(a);
      if (values) out.push(values);
    }
  }
  return out;
}

/**
 * Selections that nearly select an uncovered component: a criterion on the same key in another
 * case, or on the same key with a value within edit distance 2. Found through indexes (keys by
 * lower case, criteria by place, values by deletion variants), not by comparing every selection.
 * Values come in order (first seen for another case, alphabetical for a near value), and each
 * value's criteria in place order.
 */
function nearMisses(c: Component, index: CriteriaIndex): Coverage["related"] {
  if (isUnknownFact(c.tags) || c.backupResourceType === undefined) return [];
  const out: Coverage["related"] = [];
  for (const [own, v] of Object.entries(c.tags)) {
    if (isUnknownFact(v)) continue;
    for (const [key, { order, places }] of index.get(own.toLowerCase()) ?? []) {
      const why = own !== key ? ": tag keys are case-sensitive" : "";
      const found: [string, KeyedCriterion[]][] = [];
      for (const values of placesOf(places, c)) found.push(...(own !== key ? values.all() : values.near(v)));
      // Stable sorts: a value's criteria stay in place order.
      if (own !== key) found.sort((a, b) => order.get(a[0])! - order.get(b[0])!);
      else found.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      for (const [value, criteria] of found) {
        for (const { s, t, block } of criteria) {
          if (out.length >= MAX_NEAR_MISSES) return out;
          if ((s.provider ?? "aws") !== c.provider || samePlace(s.region, s.account, c.region, c.account) === false) continue;
          out.push({ location: t.location, message: `${block} ${key}=${value} in ${where(t.location)} does not match tag ${own}=${v} of ${c.address}${why}` });
        }
      }
    }
  }
  return out;
}

/** Accounts where a selection applies (Organizations backup policies): unknown accounts do not block a match. */
function inAccountScope(scope: BackupSelection["accountScope"], account: Fact<string | null>): Tri {
  if (scope === undefined || scope === "all") return true;
  if (isUnknownFact(scope)) return scope;
  return typeof account === "string" ? scope.includes(account) : true;
}

/** Streams of `external_backups:` entries carry this mechanism id prefix (they have no node in the graph). */
export const EXTERNAL_MECHANISM_PREFIX = "external:";

export function isExternalStream(s: RecoveryStream): boolean {
  return s.mechanismId?.startsWith(EXTERNAL_MECHANISM_PREFIX) === true;
}

/**
 * Coverage stated in the config (`external_backups:`): all its tags must match and its
 * address glob, when given; it keeps points at its frequency and retention, with copies
 * in its copy regions and accounts.
 */
function externalContribution(e: ExternalBackup, c: Component): Contribution {
  const none: Contribution = { status: false, streams: [], related: [] };
  const tags = Object.entries(e.match.tags ?? {});
  if (tags.length === 0 && e.match.address === undefined) return none;
  const location = e.location ?? c.location;
  const criteria: Tri[] = tags.map(([key, value]) => tagMatch({ key, value, op: "equals", location }, c.tags));
  if (e.match.address !== undefined) criteria.push(globMatch(e.match.address, c.address));
  const status = and3(...criteria);
  if (status === false) return none;
  const why = (what: string) => unknownFact(`external backup ${e.name} states no ${what}`, `set ${what === "frequency" ? "frequency_hours" : "retention_days"} of ${e.name} in the config`);
  const retentionDays: Fact<number | null> = e.retentionDays ?? why("retention");
  const intervalHours: Fact<number> = e.frequencyHours ?? why("frequency");
  const mechanismId = `${EXTERNAL_MECHANISM_PREFIX}${e.name}`;
  const streams: RecoveryStream[] = [{ via: "external", mechanismId, retentionDays, intervalHours, region: c.region, account: c.account, location }];
  for (const region of e.copyRegions) streams.push({ via: "copy", mechanismId, retentionDays, intervalHours, region, account: c.account, location });
  for (const account of e.copyAccounts) streams.push({ via: "copy", mechanismId, retentionDays, intervalHours, region: c.region, account, location });
  if (e.vaultLock) for (const s of streams) s.externalLock = e.vaultLock;
  return { status, streams, related: [] };
}

/**
 * For COV-002: whether each aws_backup_selection may select anything, its tag criteria
 * that no selectable component in its place satisfies while some component nearly does,
 * and references to resources that are not in the scan.
 */
function recordSelectionReach(selections: BackupSelection[], components: Component[], mayMatch: ReadonlySet<BackupSelection>, tagIndex: TagIndex, roots: EvaluatedRoot[]): void {
  const addresses = new Map(roots.map((r) => [r.root, new Set(r.resources.flatMap((x) => [x.address, x.resourceAddress]))]));
  let byLowerKey: Map<string, Component[]> | undefined;
  // Whether a criterion may match a component in a place: the same for every selection of that place
  // (a monorepo's roots repeat `backup = daily`), so answered once per criterion, provider and place.
  const matchesHere = new Map<string, boolean>();
  for (const s of selections) {
    if (s.origin !== undefined) continue;
    const here = (c: Component) => c.provider === (s.provider ?? "aws") && samePlace(s.region, s.account, c.region, c.account) !== false;
    const nearMissed: NonNullable<BackupSelection["reach"]>["nearMisses"] = [];
    for (const t of [...s.anyTags, ...s.allConditions.filter((x) => x.op === "equals" || x.op === "like")]) {
      if (isUnknownFact(t.key) || isUnknownFact(t.value)) continue;
      const key = t.key;
      const place = typeof s.region === "string" && typeof s.account === "string" ? `${s.region}\0${s.account}` : undefined;
      const memo = place === undefined ? undefined : `${s.provider ?? "aws"}\0${place}\0${t.op}\0${key}\0${t.value as string}`;
      let matches = memo === undefined ? undefined : matchesHere.get(memo);
      if (matches === undefined) {
        matches = (tagIndex.mayHave(t) ?? tagIndex.withKey(key)).some((part) => part.some((c) => here(c) && tagMatch(t, c.tags) !== false));
        if (memo !== undefined) matchesHere.set(memo, matches);
      }
      if (matches) continue;
      // Only components with the key in some case can nearly miss it.
      byLowerKey ??= componentsByLowerKey(components);
      const near = (byLowerKey.get(key.toLowerCase()) ?? []).filter((c) => here(c) && nearMissOf(t, c) !== undefined);
      if (near.length) nearMissed.push({ criterion: t, componentIds: near.map((c) => c.id) });
    }
    const missingRefs = s.resources.filter((r): r is Extract<ResourceSelector, { by: "ref" }> => r.by === "ref" && !refExists(r, addresses));
    s.reach = { mayMatch: mayMatch.has(s), nearMisses: nearMissed, missingRefs };
  }
}

function componentsByLowerKey(components: readonly Component[]): Map<string, Component[]> {
  const out = new Map<string, Component[]>();
  for (const c of components) {
    if (c.backupResourceType === undefined || isUnknownFact(c.tags)) continue;
    for (const k of new Set(Object.keys(c.tags).map((x) => x.toLowerCase()))) (out.get(k) ?? out.set(k, []).get(k)!).push(c);
  }
  return out;
}

function refExists(r: Extract<ResourceSelector, { by: "ref" }>, addresses: Map<string, Set<string>>): boolean {
  const set = addresses.get(r.root);
  if (!set) return true;
  const base = r.address.replace(/\[[^\]]*\]$/, "");
  return set.has(r.address) || set.has(base) || set.has(`${base}[*]`);
}

/** How a tag criterion nearly matches a component: the key in another case, or a value within edit distance 2. */
export function nearMissOf(t: TagCriterion, c: Component): "key-case" | "value" | undefined {
  if (isUnknownFact(c.tags) || isUnknownFact(t.key) || isUnknownFact(t.value)) return undefined;
  for (const [k, v] of Object.entries(c.tags)) {
    if (isUnknownFact(v)) continue;
    if (k !== t.key && k.toLowerCase() === t.key.toLowerCase()) return "key-case";
    if (k === t.key && v !== t.value && editDistance(v, t.value) <= 2) return "value";
  }
  return undefined;
}
