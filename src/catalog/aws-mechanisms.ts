/**
 * AWS backup mechanisms: AWS Backup plans, selections, vaults, region settings,
 * restore testing, DLM policies. Each builder reads one evaluated resource.
 */
import type {
  BackupPlan,
  BackupPlanRule,
  BackupSelection,
  BackupVault,
  Fact,
  Location,
  Mechanism,
  NodeIdentity,
  RegionSettings,
  ResourceSelector,
  RestoreTesting,
  SnapshotPolicy,
  TagCriterion,
} from "../graph/types.js";
import { isUnknownFact, unknownFact } from "../graph/types.js";
import type { EvaluatedBody, ResourceInstance } from "../terraform/types-evaluated.js";
import { isList, isObject, isRef, isUnknown, type Value } from "../terraform/value.js";
import { buildEventRule } from "./aws-monitoring.js";
import { scheduleIntervalHours } from "./schedule.js";
import type { CatalogContext, MechanismEntry } from "./index.js";
import { anchorsOf, atOf, blocksAt, boolFact, factOfOpaque, lookup, numFact, strFact, toLocation } from "./read.js";

export function identity(r: ResourceInstance, anchors: readonly string[] = []): NodeIdentity {
  return { id: `${r.root}::${r.address}`, root: r.root, address: r.address, type: r.type, location: toLocation(r.header), anchors: anchorsOf(r, anchors) };
}

/** An ARN's region and account (`arn:aws:backup:us-west-2:111122223333:backup-vault:dr`). */
export function regionAndAccountOfArn(arn: string): { region: Fact<string>; account: Fact<string | null> } | undefined {
  const parts = arn.split(":");
  if (parts.length < 6 || parts[0] !== "arn") return undefined;
  return { region: parts[3] ? parts[3] : unknownFact(`ARN ${arn} has no region`), account: parts[4] ? parts[4] : null };
}

/**
 * Where a vault reference points: a ResourceRef to an in-scan vault gives that
 * vault's provider region/account; a literal ARN gives its own.
 */
function vaultPlace(v: Value | undefined, r: ResourceInstance, ctx: CatalogContext): { region: Fact<string>; account: Fact<string | null>; id?: string } {
  if (v === undefined || v === null) return { region: unknownFact("no destination vault"), account: unknownFact("no destination vault") };
  if (isRef(v)) {
    const target = ctx.resource(r.root, v.address);
    if (target) return { ...ctx.placeOf(target), id: ctx.idOf(r.root, v.address) };
    return { region: unknownFact(`${v.address} is not in the scan`), account: unknownFact(`${v.address} is not in the scan`) };
  }
  if (typeof v === "string") {
    const p = regionAndAccountOfArn(v);
    if (p) return p;
    return { region: unknownFact(`destination ${v} is not an ARN`), account: null };
  }
  const f = factOfOpaque(v);
  return { region: f, account: f };
}

function daysOf(body: EvaluatedBody, path: string): Fact<number | null> {
  return numFact(body, path, null);
}

/** Retention of a rule/copy action: `lifecycle.delete_after`, null (forever) when there is no lifecycle or no delete_after. */
function lifecycleRetention(body: EvaluatedBody): { retention: Fact<number | null>; cold: Fact<number | null>; present: boolean | "unknown"; retentionAt?: Location; coldAt?: Location } {
  const lc = blocksAt(body, "lifecycle");
  if (lc.unknown) return { retention: lc.unknown, cold: lc.unknown, present: "unknown" };
  const b = lc.blocks[0];
  // AWS Backup keeps recovery points forever when the rule has no lifecycle.
  // https://docs.aws.amazon.com/aws-backup/latest/devguide/API_Lifecycle.html
  if (!b) return { retention: null, cold: null, present: false };
  const retentionAt = atOf(lookup(b, "delete_after"));
  const coldAt = atOf(lookup(b, "cold_storage_after"));
  return {
    retention: daysOf(b, "delete_after"),
    cold: daysOf(b, "cold_storage_after"),
    present: true,
    retentionAt: toLocation(retentionAt ?? b.at),
    ...(coldAt ? { coldAt: toLocation(coldAt) } : {}),
  };
}

function buildPlan(r: ResourceInstance, ctx: CatalogContext): Mechanism[] {
  const rules: BackupPlanRule[] = [];
  const ruleBlocks = blocksAt(r.body, "rule");
  for (const rb of ruleBlocks.blocks) {
    const name = strFact(rb, "rule_name", "");
    const schedule = strFact(rb, "schedule", null);
    // An omitted schedule runs daily at 05:00 UTC (AWS Backup default).
    // https://docs.aws.amazon.com/aws-backup/latest/devguide/API_BackupRuleInput.html
    const intervalHours: Fact<number> = schedule === null ? 24 : isUnknownFact(schedule) ? schedule : scheduleIntervalHours(schedule);
    const lc = lifecycleRetention(rb);
    const copyBlocks = blocksAt(rb, "copy_action");
    const copyActions: BackupPlanRule["copyActions"] = copyBlocks.blocks.map((cb) => {
      const dest = lookup(cb, "destination_vault_arn");
      const place = dest.kind === "value" ? vaultPlace(dest.value, r, ctx) : dest.kind === "unknown" ? { region: dest.fact, account: dest.fact } : vaultPlace(undefined, r, ctx);
      const own = lifecycleRetention(cb);
      // A copy action without a lifecycle inherits the rule's (SPEC section 1, AWS Backup facts).
      const inherited = own.present === false;
      const copy: BackupPlanRule["copyActions"][number] = {
        destinationRegion: place.region,
        destinationAccount: place.account,
        retentionDays: inherited ? lc.retention : own.retention,
        location: toLocation(cb.at),
        coldStorageAfterDays: inherited ? lc.cold : own.cold,
      };
      if (place.id !== undefined) copy.destinationVaultId = place.id;
      const retentionAt = inherited ? lc.retentionAt : own.retentionAt;
      const coldAt = inherited ? lc.coldAt : own.coldAt;
      if (retentionAt) copy.retentionLocation = retentionAt;
      if (coldAt) copy.coldStorageLocation = coldAt;
      return copy;
    });
    if (copyBlocks.unknown) {
      copyActions.push({ destinationRegion: copyBlocks.unknown, destinationAccount: copyBlocks.unknown, retentionDays: copyBlocks.unknown, location: toLocation(rb.at) });
    }
    const vaultRef = lookup(rb, "target_vault_name");
    let vaultId: Fact<string> = unknownFact("rule has no target_vault_name");
    if (vaultRef.kind === "value") {
      const v = vaultRef.value;
      if (isRef(v)) vaultId = ctx.idOf(r.root, v.address) ?? unknownFact(`${v.address} is not in the scan`);
      else if (typeof v === "string") vaultId = `name:${v}`;
      else vaultId = factOfOpaque(v);
    } else if (vaultRef.kind === "unknown") vaultId = vaultRef.fact;
    const scheduleAt = atOf(lookup(rb, "schedule"));
    rules.push({
      name: isUnknownFact(name) ? "" : (name ?? ""),
      location: toLocation(rb.at),
      vaultId,
      intervalHours,
      retentionDays: lc.retention,
      coldStorageAfterDays: lc.cold,
      continuous: boolFact(rb, "enable_continuous_backup", false),
      copyActions,
      ...(lc.retentionAt ? { retentionLocation: lc.retentionAt } : {}),
      ...(lc.coldAt ? { coldStorageLocation: lc.coldAt } : {}),
      ...(scheduleAt ? { scheduleLocation: toLocation(scheduleAt) } : {}),
    });
  }
  const plan: BackupPlan = { ...identity(r, ["rule"]), node: "backup-plan", region: ctx.region, account: ctx.account, rules };
  if (ruleBlocks.unknown) plan.unknownRules = ruleBlocks.unknown;
  return [plan];
}

function selectorsOf(r: ResourceInstance, attr: string): ResourceSelector[] {
  const a = r.body.attributes.get(attr);
  if (!a) return [];
  const location = toLocation(a.at);
  const one = (v: Value): ResourceSelector[] => {
    if (isRef(v)) return [{ by: "ref", address: v.address, root: r.root, location }];
    if (typeof v === "string") return [{ by: "arn", pattern: v, location }];
    if (isUnknown(v)) return [{ by: "unknown", reason: v.reason, location }];
    if (isList(v)) return v.flatMap(one);
    if (v === null) return [];
    return [{ by: "unknown", reason: `${attr} item is not a string`, location }];
  };
  return one(a.value);
}

/** `aws:ResourceTag/Team` → `Team`; other condition keys are kept as written. */
function conditionTagKey(k: Fact<string | null>): Fact<string> {
  if (k === null) return unknownFact("condition without key");
  if (isUnknownFact(k)) return k;
  return k.startsWith("aws:ResourceTag/") ? k.slice("aws:ResourceTag/".length) : k;
}

const CONDITION_OPS: Record<string, TagCriterion["op"]> = {
  string_equals: "equals",
  string_like: "like",
  string_not_equals: "notEquals",
  string_not_like: "notLike",
};

function buildSelection(r: ResourceInstance, ctx: CatalogContext): Mechanism[] {
  const plan = lookup(r.body, "plan_id");
  let planId: Fact<string> = unknownFact("selection has no plan_id");
  if (plan.kind === "value") {
    const v = plan.value;
    if (isRef(v)) planId = ctx.idOf(r.root, v.address) ?? unknownFact(`${v.address} is not in the scan`);
    else if (typeof v === "string") planId = unknownFact(`backup plan ${v} is defined outside the scan`);
    else planId = factOfOpaque(v);
  } else if (plan.kind === "unknown") planId = plan.fact;

  const anyTags: TagCriterion[] = [];
  let unknown: ReturnType<typeof unknownFact> | undefined;
  const tagBlocks = blocksAt(r.body, "selection_tag");
  if (tagBlocks.unknown) unknown = tagBlocks.unknown;
  for (const b of tagBlocks.blocks) {
    const type = strFact(b, "type", "STRINGEQUALS");
    if (isUnknownFact(type)) unknown ??= type;
    const key = strFact(b, "key", null);
    const value = strFact(b, "value", null);
    anyTags.push({ key: key ?? unknownFact("selection_tag without key"), value: value ?? unknownFact("selection_tag without value"), op: "equals", location: toLocation(b.at) });
  }
  const allConditions: TagCriterion[] = [];
  const condBlocks = blocksAt(r.body, "condition");
  if (condBlocks.unknown) unknown ??= condBlocks.unknown;
  for (const cb of condBlocks.blocks) {
    for (const [blockType, op] of Object.entries(CONDITION_OPS)) {
      const inner = blocksAt(cb, blockType);
      if (inner.unknown) unknown ??= inner.unknown;
      for (const b of inner.blocks) {
        const value = strFact(b, "value", null);
        allConditions.push({ key: conditionTagKey(strFact(b, "key", null)), value: value ?? unknownFact("condition without value"), op, location: toLocation(b.at) });
      }
    }
  }
  const sel: BackupSelection = {
    ...identity(r, ["resources", "not_resources", "selection_tag", "condition", "plan_id"]),
    node: "backup-selection",
    planId,
    region: ctx.region,
    account: ctx.account,
    resources: selectorsOf(r, "resources"),
    notResources: selectorsOf(r, "not_resources"),
    anyTags,
    allConditions,
  };
  if (unknown) sel.unknown = unknown;
  return [sel];
}

function buildVault(r: ResourceInstance, ctx: CatalogContext): Mechanism[] {
  const name = strFact(r.body, "name", null);
  const vault: BackupVault = {
    ...identity(r, ["name", "kms_key_arn"]),
    node: "backup-vault",
    name: name ?? unknownFact("vault without name"),
    region: ctx.region,
    account: ctx.account,
    notifications: [],
  };
  const key = lookup(r.body, "kms_key_arn");
  if (key.kind === "value" && key.value !== null) vault.keyId = keyIdOf(key.value, r, ctx);
  // force_destroy (default false) deletes every recovery point with the vault. https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/backup_vault
  vault.forceDestroy = boolFact(r.body, "force_destroy", false);
  const fd = lookup(r.body, "force_destroy");
  if (fd.kind === "value") vault.anchors["force_destroy"] = toLocation(fd.at);
  return [vault];
}

/** A key reference: the in-scan key's node id, else the literal ARN/alias. */
export function keyIdOf(v: Value, r: ResourceInstance, ctx: CatalogContext): Fact<string> {
  if (isRef(v)) return ctx.idOf(r.root, v.address) ?? unknownFact(`${v.address} is not in the scan`);
  if (typeof v === "string") return v;
  return factOfOpaque(v);
}

function buildRegionSettings(r: ResourceInstance, ctx: CatalogContext): Mechanism[] {
  const optIn: Record<string, Fact<boolean>> = {};
  const pref = lookup(r.body, "resource_type_opt_in_preference");
  if (pref.kind === "value" && isObject(pref.value)) {
    for (const [k, v] of Object.entries(pref.value)) optIn[k] = typeof v === "boolean" ? v : v === "true" ? true : v === "false" ? false : factOfOpaque(v);
  } else if (pref.kind === "value" && (isUnknown(pref.value) || isRef(pref.value))) {
    optIn["*"] = factOfOpaque(pref.value);
  } else if (pref.kind === "unknown") optIn["*"] = pref.fact;
  const rs: RegionSettings = { ...identity(r, ["resource_type_opt_in_preference"]), node: "region-settings", region: ctx.region, account: ctx.account, optIn };
  return [rs];
}

function buildRestoreTesting(role: "plan" | "selection") {
  return (r: ResourceInstance, ctx: CatalogContext): Mechanism[] => {
    const node: RestoreTesting = { ...identity(r), node: "restore-testing", role, region: ctx.region, account: ctx.account };
    if (role === "selection") {
      const p = lookup(r.body, "restore_testing_plan_name");
      if (p.kind === "value") node.planId = isRef(p.value) ? (ctx.idOf(r.root, p.value.address) ?? unknownFact(`${p.value.address} is not in the scan`)) : typeof p.value === "string" ? `name:${p.value}` : factOfOpaque(p.value);
      Object.assign(node, restoreTestingCriteria(r));
    }
    return [node];
  };
}

const DLM_UNIT_HOURS: Record<string, number> = { HOURS: 1, DAYS: 24, WEEKS: 24 * 7, MONTHS: 24 * 31, YEARS: 24 * 366 };

function buildDlm(r: ResourceInstance, ctx: CatalogContext): Mechanism[] {
  // state defaults to ENABLED. https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dlm_lifecycle_policy
  const state = strFact(r.body, "state", "ENABLED");
  const enabled: Fact<boolean> = isUnknownFact(state) ? state : state === "ENABLED";
  const details = blocksAt(r.body, "policy_details").blocks[0];
  const targetTypes: string[] = [];
  let targetTags: Fact<Record<string, string>> = {};
  let intervalHours: Fact<number> = unknownFact("policy has no schedule");
  let retentionDays: Fact<number | null> = unknownFact("policy has no retain rule");
  if (details) {
    const types = lookup(details, "resource_types");
    if (types.kind === "value" && isList(types.value)) for (const t of types.value) if (typeof t === "string") targetTypes.push(t);
    const tags = lookup(details, "target_tags");
    if (tags.kind === "value" && isObject(tags.value)) {
      const out: Record<string, string> = {};
      for (const [k, v] of Object.entries(tags.value)) {
        if (typeof v === "string") out[k] = v;
        else {
          targetTags = factOfOpaque(v);
          break;
        }
      }
      if (!isUnknownFact(targetTags)) targetTags = out;
    } else if (tags.kind === "value") targetTags = factOfOpaque(tags.value);
    else if (tags.kind === "unknown") targetTags = tags.fact;
    const schedules = blocksAt(details, "schedule");
    const intervals: Fact<number>[] = [];
    const retentions: Fact<number | null>[] = [];
    for (const s of schedules.blocks) {
      const cr = blocksAt(s, "create_rule").blocks[0];
      let iv: Fact<number> = unknownFact("schedule has no create_rule");
      if (cr) {
        const cron = strFact(cr, "cron_expression", null);
        const interval = numFact(cr, "interval", null);
        const unit = strFact(cr, "interval_unit", "HOURS");
        if (cron !== null) iv = isUnknownFact(cron) ? cron : scheduleIntervalHours(cron);
        else if (interval === null) iv = unknownFact("create_rule has neither interval nor cron_expression");
        else if (isUnknownFact(interval)) iv = interval;
        else iv = isUnknownFact(unit) ? unit : interval * (DLM_UNIT_HOURS[unit ?? "HOURS"] ?? 1);
      }
      intervals.push(iv);
      const rr = blocksAt(s, "retain_rule").blocks[0];
      let ret: Fact<number | null> = unknownFact("schedule has no retain_rule");
      if (rr) {
        const count = numFact(rr, "count", null);
        const interval = numFact(rr, "interval", null);
        const unit = strFact(rr, "interval_unit", "DAYS");
        if (count !== null) ret = isUnknownFact(count) ? count : isUnknownFact(iv) ? iv : (count * iv) / 24;
        else if (interval !== null) ret = isUnknownFact(interval) ? interval : isUnknownFact(unit) ? unit : (interval * (DLM_UNIT_HOURS[unit ?? "DAYS"] ?? 24)) / 24;
      }
      retentions.push(ret);
    }
    if (intervals.length) intervalHours = bestInterval(intervals);
    if (retentions.length) retentionDays = longestRetention(retentions);
    if (schedules.unknown) {
      intervalHours = schedules.unknown;
      retentionDays = schedules.unknown;
    }
  }
  const policy: SnapshotPolicy = {
    ...identity(r, ["state", "policy_details.target_tags", "policy_details.resource_types"]),
    node: "snapshot-policy",
    region: ctx.region,
    account: ctx.account,
    targetResourceTypes: targetTypes,
    targetTags,
    enabled,
    intervalHours,
    retentionDays,
  };
  return [policy];
}

/** Smallest known interval; unknown when one is unknown and none known is smaller. */
export function bestInterval(xs: Fact<number>[]): Fact<number> {
  let best: number | undefined;
  let unknown: Fact<number> | undefined;
  for (const x of xs) {
    if (isUnknownFact(x)) unknown ??= x;
    else best = best === undefined ? x : Math.min(best, x);
  }
  return best ?? unknown ?? unknownFact("no schedule");
}

/** Longest retention (null = forever wins); unknown when one is unknown (SPEC Aggregation). */
export function longestRetention(xs: Fact<number | null>[]): Fact<number | null> {
  let best: number | undefined;
  let unknown: Fact<number | null> | undefined;
  for (const x of xs) {
    if (x === null) return null;
    if (isUnknownFact(x)) unknown ??= x;
    else best = best === undefined ? x : Math.max(best, x);
  }
  return unknown ?? best ?? unknownFact("no retention");
}

export const awsMechanisms: Record<string, MechanismEntry> = {
  aws_backup_plan: { build: buildPlan },
  aws_backup_selection: { build: buildSelection },
  aws_backup_vault: { build: buildVault },
  aws_backup_region_settings: { build: buildRegionSettings },
  aws_backup_restore_testing_plan: { build: buildRestoreTesting("plan") },
  aws_backup_restore_testing_selection: { build: buildRestoreTesting("selection") },
  aws_dlm_lifecycle_policy: { build: buildDlm },
  aws_cloudwatch_event_rule: { build: buildEventRule },
};

/** Resources that configure a vault: lock and notifications. Target by `backup_vault_name` (ref or literal name). */
export const awsVaultLinks: Record<string, (vault: BackupVault, r: ResourceInstance) => void> = {
  aws_backup_vault_lock_configuration(vault, r) {
    // changeable_for_days set = compliance mode; omitted = governance mode.
    // https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/backup_vault_lock_configuration
    const changeable = lookup(r.body, "changeable_for_days");
    const mode: Fact<"governance" | "compliance"> =
      changeable.kind === "absent" || (changeable.kind === "value" && changeable.value === null)
        ? "governance"
        : changeable.kind === "unknown"
          ? changeable.fact
          : isUnknown(changeable.value) || isRef(changeable.value)
            ? factOfOpaque(changeable.value)
            : "compliance";
    vault.lock = { mode, minRetentionDays: numFact(r.body, "min_retention_days", null), maxRetentionDays: numFact(r.body, "max_retention_days", null), location: toLocation(r.header) };
    const minAt = atOf(lookup(r.body, "min_retention_days"));
    const modeAt = atOf(changeable);
    if (minAt) vault.lock.minRetentionLocation = toLocation(minAt);
    if (modeAt) vault.lock.modeLocation = toLocation(modeAt);
  },
  aws_backup_vault_notifications(vault, r) {
    const ev = lookup(r.body, "backup_vault_events");
    let events: Fact<string[]> = [];
    if (ev.kind === "value" && isList(ev.value)) {
      const known = ev.value.filter((x): x is string => typeof x === "string");
      events = known.length === ev.value.length ? known : unknownFact("some backup_vault_events are not known");
    } else if (ev.kind === "value") events = factOfOpaque(ev.value);
    else if (ev.kind === "unknown") events = ev.fact;
    const topic = lookup(r.body, "sns_topic_arn");
    const topicFact: Fact<string> = topic.kind === "value" ? (isRef(topic.value) ? `${r.root}::${topic.value.address}` : typeof topic.value === "string" ? topic.value : factOfOpaque(topic.value)) : unknownFact("no sns_topic_arn");
    vault.notifications.push({ events, topic: topicFact, location: toLocation(r.header) });
  },
};

export type { Location };

/**
 * What a restore-testing selection picks among the recovery points of its type:
 * `protected_resource_arns` ("*" = all) and `protected_resource_conditions` (keys
 * `aws:ResourceTag/...`, all must hold).
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/backup_restore_testing_selection
 */
function restoreTestingCriteria(r: ResourceInstance): Pick<RestoreTesting, "resourceType" | "resourceArns" | "conditions"> {
  const type = strFact(r.body, "protected_resource_type", null);
  const conditions: TagCriterion[] = [];
  const cond = blocksAt(r.body, "protected_resource_conditions");
  for (const cb of cond.blocks) {
    for (const [blockType, op] of [["string_equals", "equals"], ["string_not_equals", "notEquals"]] as const) {
      const inner = blocksAt(cb, blockType);
      if (inner.unknown) conditions.push({ key: inner.unknown, value: inner.unknown, op, location: toLocation(cb.at) });
      for (const b of inner.blocks) conditions.push({ key: conditionTagKey(strFact(b, "key", null)), value: strFact(b, "value", null) ?? unknownFact("condition without value"), op, location: toLocation(b.at) });
    }
  }
  if (cond.unknown) conditions.push({ key: cond.unknown, value: cond.unknown, op: "equals", location: toLocation(r.header) });
  return { resourceType: type ?? unknownFact("no protected_resource_type"), resourceArns: selectorsOf(r, "protected_resource_arns"), conditions };
}
