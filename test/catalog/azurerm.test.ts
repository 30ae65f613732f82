import { describe, expect, it } from "vitest";
import { AZURE_REGION_PAIRS, hourlyWindowGapHours, isoDurationDays, normalizeAzureRegion, pairedRegion, parseRepeatingInterval, repeatingIntervalsGapHours, weekdaysGapHours } from "../../src/catalog/azurerm.js";
import { vmScheduleIntervalHours } from "../../src/catalog/azurerm-mechanisms.js";
import type { BackupPlan, BackupSelection, BackupVault } from "../../src/graph/types.js";
import { buildGraph } from "../../src/graph/index.js";
import { isUnknownFact } from "../../src/graph/types.js";
import { blk, ref, res, root, unknown } from "../graph/builders.js";

describe("ISO 8601 retention durations", () => {
  it.each([
    ["P7Y", 2555],
    // A month is 365/12 days: 12 months are a year, so a 12-month policy meets a 365-day requirement.
    ["P12M", 365],
    ["P6M", 182.5],
    ["P1Y6M", 547.5],
    ["P52W", 364],
    ["P30D", 30],
    ["PT0S", 0],
    ["p1y", 365],
  ])("%s → %d days", (s, days) => expect(isoDurationDays(s)).toBe(days));

  it.each(["7 years", "P", "PT", "P1.5Y"])("%s is not a duration", (s) => expect(isoDurationDays(s)).toBeUndefined());
});

describe("Azure regions", () => {
  it("normalizes display names", () => expect(normalizeAzureRegion("West Europe")).toBe("westeurope"));
  it("pairs regions", () => expect(pairedRegion("eastus2")).toBe("centralus"));
  it("a region without a pair is unknown, not a pass", () => expect(isUnknownFact(pairedRegion("polandcentral"))).toBe(true));
});

describe("azurerm catalog", () => {
  const rg = res("azurerm_resource_group", "rg", { name: "rg", location: "West Europe" });
  const server = res("azurerm_mssql_server", "s", { name: "s", location: ref("azurerm_resource_group.rg", "location") });

  it("a database takes its server's location, and its LTR is a second native stream", () => {
    const db = res("azurerm_mssql_database", "db", {
      server_id: ref("azurerm_mssql_server.s", "id"),
      long_term_retention_policy: blk({ weekly_retention: "P4W", yearly_retention: "P7Y" }),
    });
    const g = buildGraph([root([rg, server, db])]);
    const c = g.components.find((x) => x.type === "azurerm_mssql_database")!;
    expect(c.region).toBe("westeurope");
    expect(c.nativeBackup.retentionDays).toBe(7);
    expect(c.nativeBackup.longTerm).toMatchObject({ retentionDays: 2555, frequencyHours: 365 * 24 });
    // storage_account_type defaults to Geo: a copy in the paired region.
    expect(c.copies.map((x) => x.region)).toEqual(["northeurope"]);
    expect(g.coverage.get(c.id)!.streams.map((s) => s.retentionDays)).toEqual([7, 2555]);
  });

  it("locally redundant backup storage keeps no copy", () => {
    const db = res("azurerm_mssql_database", "db", { server_id: ref("azurerm_mssql_server.s", "id"), storage_account_type: "Local" });
    const c = buildGraph([root([rg, server, db])]).components.find((x) => x.type === "azurerm_mssql_database")!;
    expect(c.copies).toEqual([]);
  });

  it("geo-redundant storage in a region without a pair is a copy to an unknown region", () => {
    const sa = res("azurerm_storage_account", "sa", { name: "sa", location: "polandcentral", account_replication_type: "GZRS" });
    const c = buildGraph([root([sa])]).components[0]!;
    expect(c.copies).toHaveLength(1);
    expect(isUnknownFact(c.copies[0]!.region)).toBe(true);
  });

  it("storage account: soft delete alone keeps its days; nothing set is no backup", () => {
    const soft = res("azurerm_storage_account", "soft", { location: "eastus", account_replication_type: "LRS", blob_properties: blk({ delete_retention_policy: blk({ days: 14 }) }) });
    const bare = res("azurerm_storage_account", "bare", { location: "eastus", account_replication_type: "LRS" });
    const g = buildGraph([root([soft, bare])]);
    const by = (n: string) => g.components.find((x) => x.address === `azurerm_storage_account.${n}`)!;
    expect(by("soft").nativeBackup).toMatchObject({ enabled: true, retentionDays: 14, via: "soft-delete" });
    expect(g.coverage.get(by("bare").id)!.status).toBe("uncovered");
  });

  it("Cosmos DB periodic backups default to every 4 hours, kept 8 hours, geo-redundant", () => {
    const acct = res("azurerm_cosmosdb_account", "c", { location: "eastus" });
    const c = buildGraph([root([acct])]).components[0]!;
    expect(c.nativeBackup).toMatchObject({ retentionDays: 8 / 24, frequencyHours: 4 });
    expect(c.copies.map((x) => x.region)).toEqual(["westus"]);
  });

  it("a Key Vault without purge protection can be purged at once; unknown stays unknown", () => {
    const kv = res("azurerm_key_vault", "kv", { location: "eastus" });
    const on = res("azurerm_key_vault", "on", { location: "eastus", purge_protection_enabled: true });
    const g = buildGraph([root([kv, on])]);
    expect(g.components.find((x) => x.address === "azurerm_key_vault.kv")!.deletionRecovery?.immediate).toBe(true);
    expect(g.components.find((x) => x.address === "azurerm_key_vault.on")!.deletionRecovery?.immediate).toBe(false);
  });
});

describe("paired regions data", () => {
  it("names its source and date", () => {
    expect(AZURE_REGION_PAIRS.source).toMatch(/learn\.microsoft\.com/);
    expect(AZURE_REGION_PAIRS.retrieved).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
  it("pairs both ways except the documented one-way regions", () => {
    const oneWay = new Set(["westus3", "brazilsouth", "brazilsoutheast", "westindia"]);
    for (const [a, b] of Object.entries(AZURE_REGION_PAIRS.pairs)) if (!oneWay.has(a)) expect(AZURE_REGION_PAIRS.pairs[b], `${a} → ${b}`).toBe(a);
  });
  it("lists no unpaired region as paired", () => {
    for (const r of AZURE_REGION_PAIRS.unpaired) expect(AZURE_REGION_PAIRS.pairs[r]).toBeUndefined();
  });
});

describe("ISO 8601 repeating intervals (Data Protection schedules)", () => {
  it("parses start and period", () => {
    expect(parseRepeatingInterval("R/2021-05-19T06:33:16+00:00/PT4H")).toEqual({ startMs: Date.parse("2021-05-19T06:33:16+00:00"), periodHours: 4 });
    expect(parseRepeatingInterval("R3/2021-05-19T06:33:16Z/P1D")).toMatchObject({ periodHours: 24, repetitions: 3 });
    expect(parseRepeatingInterval("every 4 hours")).toBeUndefined();
  });
  it.each([
    [["R/2021-05-19T06:33:16+00:00/PT4H"], 4],
    [["R/2021-05-23T02:30:00+00:00/P1W"], 168],
    // Sunday and Wednesday: gaps of 3 and 4 days.
    [["R/2021-05-23T02:30:00+00:00/P1W", "R/2021-05-26T02:30:00+00:00/P1W"], 96],
  ])("%j → %d hours", (list, hours) => expect(repeatingIntervalsGapHours(list)).toBe(hours));
  it("mixed periods, schedules that stop and garbage are unknown", () => {
    expect(isUnknownFact(repeatingIntervalsGapHours(["R/2021-05-19T06:00:00Z/PT4H", "R/2021-05-19T06:00:00Z/P1D"]))).toBe(true);
    expect(isUnknownFact(repeatingIntervalsGapHours(["R2/2021-05-19T06:00:00Z/P1D"]))).toBe(true);
    expect(isUnknownFact(repeatingIntervalsGapHours(["daily"]))).toBe(true);
    expect(isUnknownFact(repeatingIntervalsGapHours([]))).toBe(true);
  });
});

describe("VM policy schedules", () => {
  it("weekday lists give the largest gap", () => {
    expect(weekdaysGapHours(["Sunday"])).toBe(168);
    expect(weekdaysGapHours(["Monday", "Thursday"])).toBe(96);
    expect(weekdaysGapHours(["Funday"])).toBeUndefined();
  });
  it("hourly windows take the smaller reading of the gap after the window", () => {
    expect(hourlyWindowGapHours(4, 24)).toBe(4);
    expect(hourlyWindowGapHours(4, 12)).toBe(12);
    expect(hourlyWindowGapHours(8, 4)).toBeUndefined();
  });
  it("frequencies", () => {
    expect(vmScheduleIntervalHours("Daily", undefined, null, null)).toBe(24);
    expect(vmScheduleIntervalHours("Weekly", ["Sunday", "Wednesday"], null, null)).toBe(96);
    expect(vmScheduleIntervalHours("Hourly", undefined, 6, 24)).toBe(6);
    expect(isUnknownFact(vmScheduleIntervalHours("Hourly", undefined, null, null))).toBe(true);
  });
});

describe("Azure Backup mechanisms", () => {
  const rg = res("azurerm_resource_group", "rg", { name: "rg", location: "westeurope" });
  const vault = (name: string, extra: Record<string, unknown> = {}) => res("azurerm_recovery_services_vault", name, { name, location: "westeurope", resource_group_name: "rg", sku: "Standard", ...(extra as object) });
  const vm = res("azurerm_linux_virtual_machine", "app", { name: "app", location: "westeurope", resource_group_name: "rg" });
  const policy = (vaultName: string) =>
    res("azurerm_backup_policy_vm", "daily", {
      name: "daily",
      resource_group_name: "rg",
      recovery_vault_name: vaultName,
      backup: blk({ frequency: "Daily", time: "23:00" }),
      retention_daily: blk({ count: 30 }),
      retention_weekly: blk({ count: 12, weekdays: ["Sunday"] }),
      retention_monthly: blk({ count: 12, weekdays: ["Sunday"], weeks: ["First"] }),
      retention_yearly: blk({ count: 7, weekdays: ["Sunday"], weeks: ["First"], months: ["January"] }),
    });
  const item = res("azurerm_backup_protected_vm", "app", { resource_group_name: "rg", recovery_vault_name: "rsv", source_vm_id: ref("azurerm_linux_virtual_machine.app", "id"), backup_policy_id: ref("azurerm_backup_policy_vm.daily", "id") });

  it("a VM policy has one rule per tier, found by the vault's literal name, with a geo copy by default", () => {
    const g = buildGraph([root([rg, vault("rsv"), policy("rsv"), vm, item])]);
    const p = g.mechanisms.find((m): m is BackupPlan => m.node === "backup-plan")!;
    expect(p.label).toBe("Azure Backup VM policy");
    expect(p.rules.map((r) => [r.name, r.intervalHours, r.retentionDays])).toEqual([
      ["daily", 24, 30],
      ["weekly", 168, 84],
      ["monthly", 730, 365],
      ["yearly", 8760, 2555],
    ]);
    expect(p.rules[0]!.vaultId).toBe(".::azurerm_recovery_services_vault.rsv");
    expect(p.rules[0]!.copyActions.map((c) => [c.destinationRegion, c.via])).toEqual([["northeurope", "azure-geo-redundant-vault"]]);
    const c = g.components.find((x) => x.type === "azurerm_linux_virtual_machine")!;
    const cov = g.coverage.get(c.id)!;
    expect(cov.status).toBe("covered");
    expect(Math.max(...cov.streams.map((s) => (typeof s.retentionDays === "number" ? s.retentionDays : 0)))).toBe(2555);
  });

  it("a locally redundant vault keeps no copy; an unlocked immutable vault is a governance lock", () => {
    const g = buildGraph([root([rg, vault("rsv", { storage_mode_type: "LocallyRedundant", immutability: "Unlocked" }), policy("rsv")])]);
    const p = g.mechanisms.find((m): m is BackupPlan => m.node === "backup-plan")!;
    expect(p.rules.every((r) => r.copyActions.length === 0)).toBe(true);
    const v = g.mechanisms.find((m): m is BackupVault => m.node === "backup-vault")!;
    expect(v.lock).toMatchObject({ mode: "governance", holdsPointRetention: true });
    expect(v.failureAlerts?.enabled).toBe(true);
  });

  it("a vault that is not in the scan leaves region and copy unknown", () => {
    const g = buildGraph([root([policy("elsewhere")])]);
    const p = g.mechanisms.find((m): m is BackupPlan => m.node === "backup-plan")!;
    expect(isUnknownFact(p.region)).toBe(true);
    expect(isUnknownFact(p.rules[0]!.copyActions[0]!.destinationRegion)).toBe(true);
  });

  it("a protected VM is an association; a data disk attached to the VM is covered with it", () => {
    const disk = res("azurerm_managed_disk", "data", { name: "data", location: "westeurope", resource_group_name: "rg", storage_account_type: "Premium_LRS", create_option: "Empty", disk_size_gb: 128 });
    const attach = res("azurerm_virtual_machine_data_disk_attachment", "data", { managed_disk_id: ref("azurerm_managed_disk.data", "id"), virtual_machine_id: ref("azurerm_linux_virtual_machine.app", "id"), lun: 0, caching: "ReadWrite" });
    const g = buildGraph([root([rg, vault("rsv"), policy("rsv"), vm, item, disk, attach])]);
    const sel = g.mechanisms.find((m): m is BackupSelection => m.node === "backup-selection")!;
    expect(sel).toMatchObject({ provider: "azurerm", association: true, planId: ".::azurerm_backup_policy_vm.daily" });
    const d = g.components.find((x) => x.type === "azurerm_managed_disk")!;
    expect(g.coverage.get(d.id)!.status).toBe("covered");
  });

  it("disk backups stay in the operational tier: no vault, no copy", () => {
    const bv = res("azurerm_data_protection_backup_vault", "bv", { name: "bv", location: "westeurope", resource_group_name: "rg", datastore_type: "VaultStore", redundancy: "GeoRedundant" });
    const dp = res("azurerm_data_protection_backup_policy_disk", "disk", {
      name: "disk",
      vault_id: ref("azurerm_data_protection_backup_vault.bv", "id"),
      backup_repeating_time_intervals: ["R/2021-05-19T06:33:16+00:00/PT4H"],
      default_retention_duration: "P7D",
      retention_rule: blk({ name: "Weekly", duration: "P84D", priority: 20, criteria: blk({ absolute_criteria: "FirstOfWeek" }) }),
    });
    const p = buildGraph([root([bv, dp])]).mechanisms.find((m): m is BackupPlan => m.node === "backup-plan")!;
    expect(p.rules.map((r) => [r.intervalHours, r.retentionDays, r.vaultId, r.copyActions.length])).toEqual([
      [4, 7, undefined, 0],
      [4, 84, undefined, 0],
    ]);
  });

  it("a key's deletion window is its vault's soft-delete window with purge protection, 0 without", () => {
    const on = res("azurerm_key_vault", "on", { name: "on", location: "westeurope", purge_protection_enabled: true, soft_delete_retention_days: 30 });
    const off = res("azurerm_key_vault", "off", { name: "off", location: "westeurope" });
    const k1 = res("azurerm_key_vault_key", "k1", { name: "k1", key_vault_id: ref("azurerm_key_vault.on", "id") });
    const k2 = res("azurerm_key_vault_key", "k2", { name: "k2", key_vault_id: ref("azurerm_key_vault.off", "id") });
    const g = buildGraph([root([on, off, k1, k2])]);
    const facts = (n: string) => g.components.find((x) => x.address === `azurerm_key_vault_key.${n}`)!.keyFacts!;
    expect(facts("k1").deletionWindowDays).toBe(30);
    expect(facts("k2").deletionWindowDays).toBe(0);
  });

  it("a management lock on the database's resource group protects it; on another group it does not", () => {
    const server = res("azurerm_postgresql_flexible_server", "ledger", { name: "ledger", location: "westeurope", resource_group_name: "rg" });
    const other = res("azurerm_resource_group", "other", { name: "other", location: "westeurope" });
    const lockRg = (target: string) => res("azurerm_management_lock", "lock", { name: "lock", scope: ref(`azurerm_resource_group.${target}`, "id"), lock_level: "CanNotDelete" });
    const db = (g: ReturnType<typeof buildGraph>) => g.components.find((x) => x.type === "azurerm_postgresql_flexible_server")!;
    expect(db(buildGraph([root([rg, server, lockRg("rg")])])).deletionProtection).toBe(true);
    expect(db(buildGraph([root([rg, other, server, lockRg("other")])])).deletionProtection).toBe(false);
    expect(db(buildGraph([root([rg, server])])).deletionProtection).toBe(false);
    const unknownScope = res("azurerm_management_lock", "lock", { name: "lock", scope: unknown("var.lock_scope has no value"), lock_level: "CanNotDelete" });
    expect(isUnknownFact(db(buildGraph([root([rg, server, unknownScope])])).deletionProtection)).toBe(true);
  });
});
