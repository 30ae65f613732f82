/**
 * Azure regions: names, pairs (as data: src/catalog/data/azure-paired-regions.json, with its
 * source and the date it was read) and the region a geo-redundant option copies to.
 */
import type { Fact } from "../graph/types.js";
import { isUnknownFact, unknownFact } from "../graph/types.js";
import pairedRegions from "./data/azure-paired-regions.json" with { type: "json" };

/** The data file: where each region's geo-redundant storage replicates, and the regions without a pair. */
export const AZURE_REGION_PAIRS: { readonly source: string; readonly retrieved: string; readonly pairs: Readonly<Record<string, string>>; readonly unpaired: readonly string[] } = pairedRegions;

/** Region → its pair (one way for Brazil South, Brazil Southeast, West US 3, West India). */
export const AZURE_PAIRED_REGIONS: Readonly<Record<string, string>> = AZURE_REGION_PAIRS.pairs;

/** Azure accepts display names ("West Europe") and names ("westeurope") for the same region. */
export function normalizeAzureRegion(location: string): string {
  return location.toLowerCase().replace(/[\s_-]/g, "");
}

/** The region a geo-redundant option copies to: the pair, or unknown when the region has none or is unknown. */
export function pairedRegion(region: Fact<string>): Fact<string> {
  if (isUnknownFact(region)) return region;
  const pair = AZURE_PAIRED_REGIONS[region];
  if (pair !== undefined) return pair;
  const hint = `see ${AZURE_REGION_PAIRS.source.match(/https:\/\/\S+?(?=\))/)?.[0] ?? "https://learn.microsoft.com/en-us/azure/reliability/regions-paired"}`;
  return AZURE_REGION_PAIRS.unpaired.includes(region)
    ? unknownFact(`${region} has no Azure paired region: geo-redundant storage is not available there`, hint)
    : unknownFact(`${region} has no Azure paired region in the pairs read ${AZURE_REGION_PAIRS.retrieved}: geo-redundant storage may not be available there`, hint);
}
