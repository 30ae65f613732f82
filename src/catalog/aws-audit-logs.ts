/**
 * Resources that deliver audit logs, and the attributes that name where
 * (SPEC section 3: resources that receive audit logs are audit-log unless tagged
 * otherwise). Data-like: a source type lists its destination attributes; a
 * destination is a reference to an in-scan component, a bucket name, or an ARN.
 */
import type { Component } from "../graph/types.js";
import type { ResourceInstance } from "../terraform/types-evaluated.js";
import { isRef } from "../terraform/value.js";
import { boolFact, lookup } from "./read.js";

export interface AuditLogSource {
  /** Key paths of the attributes naming the destination (any that is set). */
  destinations: readonly string[];
  /** False when the source is written but delivers nothing (an access log left disabled). */
  delivers?(r: ResourceInstance): boolean;
}

export const AUDIT_LOG_SOURCES: Readonly<Record<string, AuditLogSource>> = {
  // s3_bucket_name (required) and cloud_watch_logs_group_arn: PROVIDER_DOCS + "cloudtrail"
  aws_cloudtrail: { destinations: ["s3_bucket_name", "cloud_watch_logs_group_arn"] },
  // log_destination: ARN of a log group or bucket; log_group_name (deprecated): PROVIDER_DOCS + "flow_log"
  aws_flow_log: { destinations: ["log_destination", "log_group_name"] },
  // target_bucket receives the server access logs of `bucket`: PROVIDER_DOCS + "s3_bucket_logging"
  aws_s3_bucket_logging: { destinations: ["target_bucket"] },
  // access_logs.enabled "Defaults to false, even when bucket is specified": PROVIDER_DOCS + "lb"
  aws_lb: { destinations: ["access_logs.bucket"], delivers: (r) => boolFact(r.body, "access_logs.enabled", false) === true },
  aws_alb: { destinations: ["access_logs.bucket"], delivers: (r) => boolFact(r.body, "access_logs.enabled", false) === true },
  // Classic ELB: access_logs.enabled defaults to true: PROVIDER_DOCS + "elb"
  aws_elb: { destinations: ["access_logs.bucket"], delivers: (r) => boolFact(r.body, "access_logs.enabled", true) === true },
};

/** The component named by a destination value: a reference, a bucket name, or an ARN (log group ARNs may end in `:*`). */
function destinationOf(r: ResourceInstance, path: string, components: readonly Component[], componentAt: (root: string, address: string) => Component | undefined): Component | undefined {
  const l = lookup(r.body, path);
  if (l.kind !== "value") return undefined;
  const v = l.value;
  if (isRef(v)) return componentAt(r.root, v.address);
  if (typeof v !== "string" || v === "") return undefined;
  const arn = v.replace(/:\*$/, "");
  return components.find((c) => c.arn === arn || (c.type === "aws_s3_bucket" && (c.arnParts?.name === v || `arn:aws:s3:::${String(c.arnParts?.name)}` === arn)) || (c.type === "aws_cloudwatch_log_group" && c.root === r.root && c.arnParts?.name === v));
}

/** Sets `receivesAuditLogs` on every in-scan component that an audit log source delivers into. */
export function markAuditLogDestinations(resources: readonly ResourceInstance[], components: readonly Component[], componentAt: (root: string, address: string) => Component | undefined): void {
  for (const r of resources) {
    const source = AUDIT_LOG_SOURCES[r.type];
    if (!source || (source.delivers && !source.delivers(r))) continue;
    for (const path of source.destinations) {
      const target = destinationOf(r, path, components, componentAt);
      if (target && !(target.receivesAuditLogs ??= []).includes(r.address)) target.receivesAuditLogs.push(r.address);
    }
  }
}
