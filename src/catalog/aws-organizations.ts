/**
 * Backups defined elsewhere (SPEC section 1): an `aws_organizations_policy` of type
 * BACKUP_POLICY is a set of AWS Backup plans that AWS Organizations creates in every
 * account it is attached to (directly, through an OU, or the root), in each listed
 * region. Its JSON `content` becomes plan and selection nodes, one pair per plan and
 * region, scoped to the accounts of its attachments.
 * Syntax: https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_backup_syntax.html
 */
import type { BackupPlan, BackupPlanRule, BackupSelection, Fact, Location, Mechanism, ResourceSelector, TagCriterion, UnknownFact } from "../graph/types.js";
import { isUnknownFact, unknownFact } from "../graph/types.js";
import type { ResourceInstance } from "../terraform/types-evaluated.js";
import { isRef, isUnknown, type Value } from "../terraform/value.js";
import { scheduleIntervalHours } from "./schedule.js";
import { factOfOpaque, lookup, rawValue, strFact, toLocation } from "./read.js";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

function isJsonObject(v: Json | undefined): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * The value of a policy element: `{"@@assign": x}` (or `@@append`) gives x; a child
 * control operator alone gives nothing. Plain values are accepted too.
 * https://docs.aws.amazon.com/organizations/latest/userguide/policy-operators.html
 */
function assigned(v: Json | undefined): Json | undefined {
  if (!isJsonObject(v)) return v;
  if ("@@assign" in v) return v["@@assign"];
  if ("@@append" in v) return v["@@append"];
  return undefined;
}

function assignedStrings(v: Json | undefined): string[] | undefined {
  const a = assigned(v);
  if (typeof a === "string") return [a];
  if (Array.isArray(a)) return a.filter((x): x is string => typeof x === "string");
  return undefined;
}

function assignedNumber(v: Json | undefined): number | null | undefined {
  const a = assigned(v);
  if (a === undefined || a === null) return null;
  const n = typeof a === "number" ? a : typeof a === "string" && a.trim() !== "" ? Number(a) : NaN;
  return Number.isNaN(n) ? undefined : n;
}

/** Accounts a policy applies in, from its attachments: "all" for the organization root, account ids, unknown for OUs. */
export function policyAccountScope(attachments: ResourceInstance[]): Fact<string[] | "all"> {
  const accounts: string[] = [];
  for (const a of attachments) {
    const t = rawValue(a.body, "target_id");
    if (typeof t !== "string") return unknownFact(`target_id of ${a.address} is not known`);
    // Root ids are r-xxxx, OU ids ou-xxxx-xxxxxxxx, accounts 12 digits.
    // https://docs.aws.amazon.com/organizations/latest/APIReference/API_AttachPolicy.html
    if (/^r-[0-9a-z]{4,32}$/.test(t)) return "all";
    if (/^\d{12}$/.test(t)) accounts.push(t);
    else return unknownFact(`${a.address} attaches the backup policy to ${t}, whose member accounts are not in the scan`, "state the accounts it covers under external_backups in the config");
  }
  return accounts;
}

/** Plans and selections of a BACKUP_POLICY, or nothing for other policy types. */
export function organizationsBackupPolicy(r: ResourceInstance, attachments: ResourceInstance[]): Mechanism[] {
  const type = strFact(r.body, "type", "SERVICE_CONTROL_POLICY");
  if (type !== "BACKUP_POLICY") return [];
  const content = lookup(r.body, "content");
  const at = content.kind === "value" || content.kind === "unknown" ? content.at : undefined;
  const location = toLocation(at ?? r.header);
  const scope = policyAccountScope(attachments);
  if (attachments.length === 0) return [];
  const parsed = parseContent(content.kind === "value" ? content.value : undefined, content.kind === "unknown" ? content.fact : undefined);
  if (isUnknownFact(parsed) || !isJsonObject(parsed)) return [unknownSelection(r, location, scope, parsed)];
  const plans = assigned(parsed["plans"]) ?? parsed["plans"];
  if (!isJsonObject(plans)) return [];
  const out: Mechanism[] = [];
  for (const [planName, plan] of Object.entries(plans)) {
    if (!isJsonObject(plan)) continue;
    const regions = assignedStrings(plan["regions"]);
    if (!regions) {
      out.push(unknownSelection(r, location, scope, unknownFact(`plan ${planName} of ${r.address} lists no readable regions`)));
      continue;
    }
    for (const region of regions) out.push(...planInRegion(r, location, scope, planName, plan, region));
  }
  return out;
}

function parseContent(v: Value | undefined, unknown: UnknownFact | undefined): Json | UnknownFact {
  if (unknown) return unknown;
  if (typeof v === "string") {
    try {
      return JSON.parse(v) as Json;
    } catch {
      return unknownFact("the backup policy content is not valid JSON");
    }
  }
  if (v === undefined || v === null) return unknownFact("the backup policy has no content");
  return isUnknown(v) || isRef(v) ? factOfOpaque(v) : unknownFact("the backup policy content is not a string");
}

function unknownSelection(r: ResourceInstance, location: Location, scope: Fact<string[] | "all">, why: Json | UnknownFact): BackupSelection {
  const reason = isUnknownFact(why) ? why : unknownFact("the backup policy content could not be read");
  return {
    id: `${r.root}::${r.address}#selection`,
    root: r.root,
    address: r.address,
    type: r.type,
    location,
    anchors: {},
    node: "backup-selection",
    planId: reason,
    region: reason,
    account: null,
    resources: [],
    notResources: [],
    anyTags: [],
    allConditions: [],
    unknown: reason,
    accountScope: scope,
    origin: "organizations-policy",
  };
}

function planInRegion(r: ResourceInstance, location: Location, scope: Fact<string[] | "all">, planName: string, plan: JsonObject, region: string): Mechanism[] {
  const base = { root: r.root, address: r.address, type: r.type, location, anchors: {} };
  const planId = `${r.root}::${r.address}#${planName}@${region}`;
  const node: BackupPlan = { ...base, id: planId, node: "backup-plan", region, account: null, rules: rulesOf(plan, location, region) };
  const selections: BackupSelection[] = [];
  const sel = isJsonObject(plan["selections"]) ? plan["selections"] : {};
  const tagSelections = isJsonObject(sel["tags"]) ? sel["tags"] : {};
  for (const [selName, s] of Object.entries(tagSelections)) {
    if (!isJsonObject(s)) continue;
    const key = assignedStrings(s["tag_key"])?.[0];
    const values = assignedStrings(s["tag_value"]);
    // A tag selection matches the key with any of the listed values.
    const anyTags: TagCriterion[] = key && values ? values.map((value) => ({ key, value, op: "equals" as const, location })) : [];
    const selection = selectionNode(`${planId}/${selName}`, base, planId, region, scope, { anyTags, resources: [] });
    if (!key || !values) selection.unknown = unknownFact(`selection ${selName} of ${r.address} has no readable tag_key/tag_value`);
    selections.push(selection);
  }
  const resourceSelections = isJsonObject(sel["resources"]) ? sel["resources"] : {};
  for (const [selName, s] of Object.entries(resourceSelections)) {
    if (!isJsonObject(s)) continue;
    const types = assignedStrings(s["resource_types"]);
    const notTypes = assignedStrings(s["not_resource_types"]) ?? [];
    const resources: ResourceSelector[] = (types ?? []).map((pattern) => ({ by: "arn", pattern: pattern.replace(/\$account/g, "*"), location }));
    const selection = selectionNode(`${planId}/${selName}`, base, planId, region, scope, { anyTags: [], resources });
    selection.notResources = notTypes.map((pattern) => ({ by: "arn", pattern: pattern.replace(/\$account/g, "*"), location }));
    if (!types) selection.unknown = unknownFact(`selection ${selName} of ${r.address} has no readable resource_types`);
    // Conditions of resource selections are not evaluated: the selection may select less.
    if (s["conditions"] !== undefined) selection.unknown = unknownFact(`selection ${selName} of ${r.address} has conditions, which are not evaluated`);
    selections.push(selection);
  }
  return [node, ...selections];
}

function selectionNode(
  id: string,
  base: { root: string; address: string; type: string; location: Location; anchors: Record<string, Location> },
  planId: string,
  region: string,
  scope: Fact<string[] | "all">,
  criteria: { anyTags: TagCriterion[]; resources: ResourceSelector[] },
): BackupSelection {
  return { ...base, id, node: "backup-selection", planId, region, account: null, resources: criteria.resources, notResources: [], anyTags: criteria.anyTags, allConditions: [], accountScope: scope, origin: "organizations-policy" };
}

function rulesOf(plan: JsonObject, location: Location, region: string): BackupPlanRule[] {
  const rules = isJsonObject(plan["rules"]) ? plan["rules"] : {};
  const out: BackupPlanRule[] = [];
  for (const [name, rule] of Object.entries(rules)) {
    if (!isJsonObject(rule)) continue;
    const schedule = assignedStrings(rule["schedule_expression"])?.[0];
    // An omitted schedule runs daily at 05:00 UTC. https://docs.aws.amazon.com/aws-backup/latest/devguide/API_BackupRuleInput.html
    const intervalHours: Fact<number> = schedule === undefined ? 24 : scheduleIntervalHours(schedule);
    const lc = lifecycleOf(rule["lifecycle"]);
    const vault = assignedStrings(rule["target_backup_vault_name"])?.[0];
    const copies = isJsonObject(rule["copy_actions"]) ? rule["copy_actions"] : {};
    const copyActions: BackupPlanRule["copyActions"] = Object.entries(copies).map(([arnKey, c]) => {
      const arn = (isJsonObject(c) ? assignedStrings(c["target_backup_vault_arn"])?.[0] : undefined) ?? arnKey;
      const parts = arn.split(":");
      const own = isJsonObject(c) && c["lifecycle"] !== undefined ? lifecycleOf(c["lifecycle"]) : lc;
      const account = parts[4] && parts[4] !== "$account" ? parts[4] : null;
      return { destinationRegion: parts[3] ? parts[3] : unknownFact(`copy destination ${arn} has no region`), destinationAccount: account, retentionDays: own.retention, coldStorageAfterDays: own.cold, location };
    });
    out.push({
      name,
      location,
      vaultId: vault ? unknownFact(`vault ${vault} is created in each member account in ${region}, outside the scan`) : unknownFact("rule has no target_backup_vault_name"),
      intervalHours,
      retentionDays: lc.retention,
      coldStorageAfterDays: lc.cold,
      continuous: assigned(rule["enable_continuous_backup"]) === true || assigned(rule["enable_continuous_backup"]) === "true",
      copyActions,
    });
  }
  return out;
}

/** `lifecycle.delete_after_days` / `move_to_cold_storage_after_days`; no lifecycle keeps points forever. */
function lifecycleOf(v: Json | undefined): { retention: Fact<number | null>; cold: Fact<number | null> } {
  if (!isJsonObject(v)) return { retention: null, cold: null };
  const del = assignedNumber(v["delete_after_days"]);
  const cold = assignedNumber(v["move_to_cold_storage_after_days"]);
  return {
    retention: del === undefined ? unknownFact("delete_after_days is not a number") : del,
    cold: cold === undefined ? unknownFact("move_to_cold_storage_after_days is not a number") : cold,
  };
}
