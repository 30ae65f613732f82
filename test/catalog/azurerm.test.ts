import { describe, expect, it } from "vitest";
import { isoDurationDays, normalizeAzureRegion, pairedRegion } from "../../src/catalog/azurerm.js";
import { buildGraph } from "../../src/graph/index.js";
import { isUnknownFact } from "../../src/graph/types.js";
import { blk, ref, res, root } from "../graph/builders.js";

describe("ISO 8601 retention durations", () => {
  it.each([
    ["P7Y", 2555],
    ["P12M", 360],
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
