import { describe, expect, it } from "vitest";
import { isGoogleProvider, regionOfGoogleLocation } from "../../src/catalog/google.js";
import { buildGraph } from "../../src/graph/index.js";
import type { BackupPlan, BackupSelection, BackupVault, Component } from "../../src/graph/types.js";
import { isUnknownFact } from "../../src/graph/types.js";
import { blk, provider, ref, res, root } from "../graph/builders.js";
import type { ResourceInstance } from "../../src/terraform/types-evaluated.js";

describe("regionOfGoogleLocation", () => {
  it("maps a zone to its region", () => {
    expect(regionOfGoogleLocation("us-central1-a")).toBe("us-central1");
    expect(regionOfGoogleLocation("europe-west4-b")).toBe("europe-west4");
  });
  it("keeps regions and multi-regions, lower case", () => {
    expect(regionOfGoogleLocation("US-CENTRAL1")).toBe("us-central1");
    expect(regionOfGoogleLocation("EU")).toBe("eu");
    expect(regionOfGoogleLocation("nam5")).toBe("nam5");
  });
});

describe("isGoogleProvider", () => {
  it("accepts google and google-beta only", () => {
    expect(isGoogleProvider("google")).toBe(true);
    expect(isGoogleProvider("google-beta")).toBe(true);
    expect(isGoogleProvider("aws")).toBe(false);
  });
});


const gcp = { ...provider({ region: "us-central1", account: "acme-prod" }), name: "google", key: "google" };
const g = (type: string, name: string, attrs: Parameters<typeof res>[2] = {}, o: Parameters<typeof res>[3] = {}) => res(type, name, attrs, { provider: gcp, ...o });

function graphOf(...rs: ResourceInstance[]) {
  return buildGraph([root(rs)]);
}

function component(graph: ReturnType<typeof graphOf>, address: string): Component {
  const c = graph.components.find((x) => x.address === address);
  if (!c) throw new Error(`no component ${address}`);
  return c;
}

const nightly = (extra: Record<string, unknown> = {}) =>
  g("google_compute_resource_policy", "nightly", {
    name: "nightly",
    region: "us-central1",
    snapshot_schedule_policy: blk({
      schedule: blk({ daily_schedule: blk({ days_in_cycle: 1, start_time: "04:00" }) }),
      retention_policy: blk({ max_retention_days: 14 }),
      ...(extra as Record<string, never>),
    }),
  });

describe("Compute Engine snapshot schedules", () => {
  it("an attachment by literal names covers the disk with the schedule's rule", () => {
    const graph = graphOf(
      nightly(),
      g("google_compute_disk", "data", { name: "data", zone: "us-central1-a" }),
      g("google_compute_disk_resource_policy_attachment", "a", { name: "nightly", disk: "data", zone: "us-central1-a" }),
    );
    const plan = graph.mechanisms.find((m): m is BackupPlan => m.node === "backup-plan")!;
    expect(plan.label).toBe("snapshot schedule");
    expect(plan.rules[0]).toMatchObject({ intervalHours: 24, retentionDays: 14 });
    expect(plan.rules[0]!.vaultId).toBeUndefined();
    // No storage_locations and no snapshot settings: the nearest multi-region, not the disk's region.
    expect(plan.rules[0]!.copyActions[0]).toMatchObject({ destinationRegion: "the multi-region nearest us-central1", via: "gce-snapshot-location" });
    const cov = graph.coverage.get(component(graph, "google_compute_disk.data").id)!;
    expect(cov.status).toBe("covered");
  });

  it("storage_locations and the project's LOCAL_REGION setting decide where snapshots are", () => {
    const pinned = graphOf(nightly({ snapshot_properties: blk({ storage_locations: ["EU"] }) }));
    expect((pinned.mechanisms[0] as BackupPlan).rules[0]!.copyActions[0]!.destinationRegion).toBe("eu");
    const local = graphOf(nightly(), g("google_compute_snapshot_settings", "s", { storage_location: blk({ policy: "LOCAL_REGION" }) }));
    expect((local.mechanisms.find((m) => m.node === "backup-plan") as BackupPlan).rules[0]!.copyActions[0]!.destinationRegion).toBe("us-central1");
  });

  it("resource_policies of a disk by reference; an instance schedule is no backup", () => {
    const graph = graphOf(
      nightly(),
      g("google_compute_resource_policy", "office", { name: "office", region: "us-central1", instance_schedule_policy: blk({ time_zone: "UTC" }) }),
      g("google_compute_disk", "a", { name: "a", zone: "us-central1-a", resource_policies: [ref("google_compute_resource_policy.nightly", "id")] }),
      g("google_compute_disk", "b", { name: "b", zone: "us-central1-a", resource_policies: [ref("google_compute_resource_policy.office", "id")] }),
    );
    expect(graph.coverage.get(component(graph, "google_compute_disk.a").id)!.status).toBe("covered");
    expect(graph.coverage.get(component(graph, "google_compute_disk.b").id)!.status).toBe("uncovered");
  });

  it("a literal name that several disks carry makes their coverage unknown, not absent", () => {
    const graph = graphOf(
      nightly(),
      g("google_compute_disk", "a", { name: "cache", zone: "us-central1-a" }),
      g("google_compute_disk", "b", { name: "cache", zone: "us-central1-b" }),
      g("google_compute_disk", "c", { name: "other", zone: "us-central1-b" }),
      g("google_compute_disk_resource_policy_attachment", "x", { name: "nightly", disk: "cache" }),
    );
    expect(graph.coverage.get(component(graph, "google_compute_disk.a").id)!.status).toBe("unknown");
    expect(graph.coverage.get(component(graph, "google_compute_disk.b").id)!.status).toBe("unknown");
    expect(graph.coverage.get(component(graph, "google_compute_disk.c").id)!.status).toBe("uncovered");
  });

  it("an instance booting an existing disk is not a component; its Backup and DR association names its disks", () => {
    const graph = graphOf(
      g("google_compute_disk", "boot", { name: "boot", zone: "us-central1-a" }),
      g("google_compute_disk", "journal", { name: "journal", zone: "us-central1-a" }),
      g("google_compute_instance", "vm", { name: "vm", zone: "us-central1-a", boot_disk: blk({ source: ref("google_compute_disk.boot", "self_link") }), attached_disk: blk({ source: "journal" }) }),
      g("google_backup_dr_backup_plan_association", "vm", { location: "us-central1", resource_type: "compute.googleapis.com/Instance", resource: ref("google_compute_instance.vm", "id"), backup_plan: "projects/p/locations/us-central1/backupPlans/elsewhere" }),
    );
    expect(graph.components.some((c) => c.type === "google_compute_instance")).toBe(false);
    const sel = graph.mechanisms.find((m): m is BackupSelection => m.node === "backup-selection")!;
    expect(sel.association).toBe(true);
    expect(sel.resources.map((r) => (r.by === "ref" ? r.address : r.by))).toEqual(["google_compute_instance.vm", "google_compute_disk.boot", "google_compute_disk.journal"]);
    expect(graph.coverage.get(component(graph, "google_compute_disk.journal").id)!.status).toBe("covered");
  });
});

describe("Backup and DR", () => {
  const vault = (attrs: Record<string, unknown>) => g("google_backup_dr_backup_vault", "v", { location: "us-east4", backup_vault_id: "v", backup_minimum_enforced_retention_duration: "2592000s", ...(attrs as Record<string, never>) });

  it("effective_time locks the enforced retention (compliance); without it, governance", () => {
    const locked = graphOf(vault({ effective_time: "2026-01-01T00:00:00Z" })).mechanisms[0] as BackupVault;
    expect(locked.lock).toMatchObject({ mode: "compliance", minRetentionDays: 30 });
    expect(locked.lock!.holdsPointRetention).toBeUndefined();
    const open = graphOf(vault({})).mechanisms[0] as BackupVault;
    expect(open.lock!.mode).toBe("governance");
    const matched = graphOf(vault({ effective_time: "2026-01-01T00:00:00Z", backup_retention_inheritance: "MATCH_BACKUP_EXPIRE_TIME" })).mechanisms[0] as BackupVault;
    expect(matched.lock!.holdsPointRetention).toBe(true);
    expect(open.provider).toBe("google");
    expect(open.region).toBe("us-east4");
  });

  it("a plan's rules and the vault its backups are stored in", () => {
    const graph = graphOf(
      vault({}),
      g("google_backup_dr_backup_plan", "p", {
        location: "us-east4",
        backup_plan_id: "p",
        resource_type: "compute.googleapis.com/Disk",
        backup_vault: ref("google_backup_dr_backup_vault.v", "id"),
        backup_rules: blk({ rule_id: "r", backup_retention_days: 35, standard_schedule: blk({ recurrence_type: "HOURLY", hourly_frequency: 4, time_zone: "UTC", backup_window: blk({ start_hour_of_day: 0, end_hour_of_day: 24 }) }) }),
      }),
      g("google_compute_disk", "d", { name: "d", zone: "us-central1-a" }),
      g("google_backup_dr_backup_plan_association", "a", { location: "us-central1", resource_type: "compute.googleapis.com/Disk", resource: ref("google_compute_disk.d", "id"), backup_plan: ref("google_backup_dr_backup_plan.p", "name") }),
    );
    const plan = graph.mechanisms.find((m): m is BackupPlan => m.node === "backup-plan")!;
    expect(plan.label).toBe("Backup and DR backup plan");
    expect(plan.region).toBe("us-east4");
    expect(plan.rules[0]).toMatchObject({ name: "r", retentionDays: 35, intervalHours: 4, vaultId: ".::google_backup_dr_backup_vault.v" });
    const disk = component(graph, "google_compute_disk.d");
    expect(graph.coverage.get(disk.id)!.status).toBe("covered");
    // The vault in us-east4 stores the backups of a us-central1 disk: outside its region.
    expect(disk.copies).toMatchObject([{ region: "us-east4", via: "backup-dr-vault" }]);
  });
});

describe("Google components", () => {
  it("labels (and Cloud SQL user_labels) are the tags", () => {
    const graph = graphOf(
      g("google_storage_bucket", "b", { name: "b", location: "EU", labels: { "data-class": "financial" } }),
      g("google_sql_database_instance", "db", { name: "db", settings: blk({ tier: "db-f1-micro", user_labels: { "data-class": "personal" } }) }),
    );
    expect(component(graph, "google_storage_bucket.b").tags).toEqual({ "data-class": "financial" });
    expect(component(graph, "google_sql_database_instance.db").tags).toEqual({ "data-class": "personal" });
  });

  it("Cloud KMS keys: a 30-day window by default, the key ring's location", () => {
    const graph = graphOf(
      g("google_kms_key_ring", "r", { name: "r", location: "europe" }),
      g("google_kms_crypto_key", "k", { name: "k", key_ring: ref("google_kms_key_ring.r", "id") }),
      g("google_kms_crypto_key", "short", { name: "short", key_ring: "projects/p/locations/us-east1/keyRings/x", destroy_scheduled_duration: "86400s" }),
    );
    const k = component(graph, "google_kms_crypto_key.k");
    expect(k.region).toBe("europe");
    expect(k.keyFacts).toMatchObject({ enabled: true, deletionWindowDays: 30, multiRegion: true, policyAllowsAccountRoot: true });
    const short = component(graph, "google_kms_crypto_key.short");
    expect(short.region).toBe("us-east1");
    expect(short.keyFacts).toMatchObject({ deletionWindowDays: 1, multiRegion: false });
    expect(short.keyFacts!.deletionWindowRemedy!.observed).toContain("1 day");
  });

  it("secrets: deletable at once unless Terraform is stopped; replicas are copies", () => {
    const graph = graphOf(
      g("google_secret_manager_secret", "auto", { secret_id: "auto", replication: blk({ auto: blk({}) }) }),
      g("google_secret_manager_secret", "kept", { secret_id: "kept", deletion_protection: true, replication: blk({ user_managed: blk({ replicas: [blk({ location: "us-east1" }), blk({ location: "us-west1" })] }) }) }),
    );
    const auto = component(graph, "google_secret_manager_secret.auto");
    expect(auto.deletionRecovery!.immediate).toBe(true);
    expect(auto.copies).toHaveLength(1);
    const kept = component(graph, "google_secret_manager_secret.kept");
    expect(kept.deletionRecovery!.immediate).toBe(false);
    expect(kept.copies.map((c) => c.region)).toEqual(["us-east1", "us-west1"]);
  });

  it("Bigtable tables: no automated backups unless the policy is written; the instance's region and clusters", () => {
    const graph = graphOf(
      g("google_bigtable_instance", "i", { name: "i", cluster: [blk({ cluster_id: "a", zone: "us-east1-b" }), blk({ cluster_id: "b", zone: "europe-west1-c" })] }),
      g("google_bigtable_table", "off", { name: "off", instance_name: "i" }),
      g("google_bigtable_table", "on", { name: "on", instance_name: "i", automated_backup_policy: blk({ retention_period: "72h0m0s", frequency: "24h0m0s" }) }),
    );
    const off = component(graph, "google_bigtable_table.off");
    expect(off.nativeBackup.enabled).toBe(false);
    expect(off.region).toBe("us-east1");
    const on = component(graph, "google_bigtable_table.on");
    expect(on.nativeBackup).toMatchObject({ enabled: true, retentionDays: 3, frequencyHours: 24 });
    expect(on.copies.map((c) => c.region)).toEqual(["europe-west1"]);
    expect(isUnknownFact(graph.coverage.get(component(graph, "google_bigtable_instance.i").id)!.unknowns[0])).toBe(true);
  });

  it("Cloud SQL: final backup and retained backups decide what survives deletion", () => {
    const graph = graphOf(g("google_sql_database_instance", "db", { name: "db", settings: blk({ tier: "t", retain_backups_on_delete: true, final_backup_config: blk({ enabled: true, retention_days: 30 }) }) }));
    const db = component(graph, "google_sql_database_instance.db");
    expect(db.backupsSurviveDeletion).toBe(true);
    expect(db.finalSnapshot).toBe(true);
  });

  it("a locked bucket retention policy is WORM", () => {
    const graph = graphOf(g("google_storage_bucket", "b", { name: "b", location: "EU", retention_policy: blk({ retention_period: 86400, is_locked: true }) }));
    expect(component(graph, "google_storage_bucket.b").objectLock).toMatchObject({ enabled: true, mode: "COMPLIANCE", retentionDays: 1, label: "bucket retention policy" });
  });
});
