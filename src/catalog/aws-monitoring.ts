/**
 * Who hears about failed AWS Backup jobs (MON-001): EventBridge rules on AWS Backup
 * job state changes, and whether an SNS topic named in aws_backup_vault_notifications
 * lets AWS Backup publish to it.
 */
import type { BackupEventRule, Fact, Mechanism } from "../graph/types.js";
import { isUnknownFact, unknownFact } from "../graph/types.js";
import type { EvaluatedBody, ResourceInstance } from "../terraform/types-evaluated.js";
import { isList, isRef, isUnknown, type ResourceRef, type Value } from "../terraform/value.js";
import type { CatalogContext } from "./index.js";
import { anchorsOf, blocksAt, factOfOpaque, lookup, strFact, toLocation } from "./read.js";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function asList(v: Json | undefined): Json[] | undefined {
  if (v === undefined) return undefined;
  return Array.isArray(v) ? v : [v];
}

function objectAt(v: Json | undefined, key: string): Json | undefined {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? v[key] : undefined;
}

/**
 * Whether an event pattern matches failed backup / copy jobs. AWS Backup sends
 * "Backup Job State Change" and "Copy Job State Change" events with detail.state
 * (FAILED among them) from source "aws.backup".
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/eventbridge.html
 */
export function failedJobsOfPattern(pattern: Json): { backup: boolean; copy: boolean } | undefined {
  const sources = asList(objectAt(pattern, "source"));
  if (!sources?.includes("aws.backup")) return undefined;
  const types = asList(objectAt(pattern, "detail-type"));
  const states = asList(objectAt(objectAt(pattern, "detail"), "state"));
  const failedState = states === undefined || states.includes("FAILED");
  const typeMatches = (t: string) => types === undefined || types.includes(t);
  return { backup: failedState && typeMatches("Backup Job State Change"), copy: failedState && typeMatches("Copy Job State Change") };
}

/** `aws_cloudwatch_event_rule`: a node only when its pattern is about AWS Backup (or cannot be read). */
export function buildEventRule(r: ResourceInstance, ctx: CatalogContext): Mechanism[] {
  // state defaults to ENABLED (is_enabled, deprecated, to true). https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudwatch_event_rule
  const state = strFact(r.body, "state", "ENABLED");
  if (state === "DISABLED" || lookup(r.body, "is_enabled").kind === "value" && rawIs(r.body, "is_enabled", false)) return [];
  const p = lookup(r.body, "event_pattern");
  if (p.kind === "absent") return [];
  let failedJobs: BackupEventRule["failedJobs"];
  if (p.kind === "unknown") failedJobs = p.fact;
  else if (typeof p.value === "string") {
    let parsed: Json;
    try {
      parsed = JSON.parse(p.value) as Json;
    } catch {
      return [];
    }
    const jobs = failedJobsOfPattern(parsed);
    if (!jobs) return [];
    failedJobs = jobs;
  } else failedJobs = factOfOpaque(p.value ?? null);
  if (isUnknownFact(state)) failedJobs = state;
  return [{ id: `${r.root}::${r.address}`, root: r.root, address: r.address, type: r.type, location: toLocation(r.header), anchors: anchorsOf(r, ["event_pattern"]), node: "event-rule", region: ctx.region, account: ctx.account, failedJobs }];
}

function rawIs(body: EvaluatedBody, attr: string, v: boolean): boolean {
  return body.attributes.get(attr)?.value === v;
}

/** The resource behind a reference (managed or data) in a root. */
export type ResourceFinder = (root: string, address: string) => ResourceInstance | undefined;

function refOf(v: Value | undefined): ResourceRef | undefined {
  if (v === undefined) return undefined;
  if (isRef(v)) return v;
  if (isUnknown(v)) return v.ref;
  return undefined;
}

/**
 * Whether the SNS topic of a vault notification lets AWS Backup publish: the topic
 * must be in the scan; its policy (`policy` or aws_sns_topic_policy, possibly built
 * with data.aws_iam_policy_document) must allow service backup.amazonaws.com
 * SNS:Publish. The default topic policy admits only the owner account's principals.
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/backup-notifications.html
 */
export function topicAcceptsBackup(topic: Fact<string>, topicPolicies: ResourceInstance[], find: ResourceFinder): Fact<boolean> {
  if (isUnknownFact(topic)) return topic;
  const sep = topic.indexOf("::");
  if (sep < 0) return unknownFact(`topic ${topic} is not in the scan`, "declare the topic's policy in the scan, or add an EventBridge rule on failed backup jobs");
  const root = topic.slice(0, sep);
  const t = find(root, topic.slice(sep + 2));
  if (!t || t.type !== "aws_sns_topic") return unknownFact(`topic ${topic.slice(sep + 2)} is not in the scan`);
  const policies: Value[] = [];
  const own = t.body.attributes.get("policy")?.value;
  if (own !== undefined && own !== null) policies.push(own);
  for (const p of topicPolicies) {
    const arn = p.body.attributes.get("arn")?.value;
    const ref = refOf(arn);
    if (ref && p.root === t.root && (find(p.root, ref.address) === t)) policies.push(p.body.attributes.get("policy")?.value ?? null);
    else if (!ref && arn !== undefined && typeof arn !== "string") policies.push(arn);
  }
  let result: Fact<boolean> = false;
  for (const v of policies) {
    const allows = policyAllowsBackupPublish(v, t.root, find);
    if (allows === true) return true;
    if (isUnknownFact(allows)) result = allows;
  }
  return result;
}

function policyAllowsBackupPublish(v: Value, root: string, find: ResourceFinder): Fact<boolean> {
  if (typeof v === "string") {
    try {
      return jsonPolicyAllows(JSON.parse(v) as Json);
    } catch {
      return unknownFact("the topic policy is not valid JSON");
    }
  }
  const ref = refOf(v);
  if (ref && ref.address.startsWith("data.aws_iam_policy_document.")) {
    const doc = find(root, ref.address);
    return doc ? documentAllows(doc.body) : unknownFact(`${ref.address} is not in the scan`);
  }
  return v === null ? false : factOfOpaque(v);
}

const BACKUP_SERVICE = "backup.amazonaws.com";

function publishAction(a: string): boolean {
  const x = a.toLowerCase();
  return x === "*" || x === "sns:*" || x === "sns:publish";
}

function jsonPolicyAllows(doc: Json): Fact<boolean> {
  for (const st of asList(objectAt(doc, "Statement")) ?? []) {
    if (objectAt(st, "Effect") !== "Allow") continue;
    const actions = (asList(objectAt(st, "Action")) ?? []).filter((a): a is string => typeof a === "string");
    if (!actions.some(publishAction)) continue;
    const principal = objectAt(st, "Principal");
    if (principal === "*") return true;
    const services = asList(objectAt(principal, "Service")) ?? [];
    if (services.includes(BACKUP_SERVICE) || asList(objectAt(principal, "AWS"))?.includes("*")) return true;
  }
  return false;
}

/** data.aws_iam_policy_document: `statement` blocks with effect (default Allow), actions and principals. */
function documentAllows(body: EvaluatedBody): Fact<boolean> {
  const statements = blocksAt(body, "statement");
  if (statements.unknown) return statements.unknown;
  let result: Fact<boolean> = false;
  for (const st of statements.blocks) {
    const effect = strFact(st, "effect", "Allow");
    if (effect === "Deny") continue;
    const actions = st.attributes.get("actions")?.value;
    if (!isList(actions)) {
      result = unknownFact("actions of the policy document are not known");
      continue;
    }
    if (!actions.some((a) => typeof a === "string" && publishAction(a))) continue;
    const principals = blocksAt(st, "principals");
    if (principals.unknown) return principals.unknown;
    for (const p of principals.blocks) {
      const type = strFact(p, "type", null);
      const ids = p.attributes.get("identifiers")?.value;
      if (!isList(ids)) {
        result = unknownFact("principals of the policy document are not known");
        continue;
      }
      if ((type === "Service" && ids.includes(BACKUP_SERVICE)) || (type === "*" && ids.includes("*")) || (type === "AWS" && ids.includes("*"))) {
        if (isUnknownFact(effect)) return effect;
        return true;
      }
    }
  }
  return result;
}
