import type * as Sarif from "sarif";
import type { Location, ScanUnknown } from "../graph/types.js";
import type { Finding, RelatedLocation, RuleMeta } from "../rules/types.js";
import type { ScanResult } from "../scan-result.js";
import {
  asSentence,
  compareLocations,
  compareStrings,
  findingFingerprint,
  FINGERPRINT_KEY,
  isInBaseline,
  type ReportOptions,
  sortedFindings,
  sortedUnknowns,
  UNKNOWN_RULE_ID,
  unknownFingerprint,
} from "./common.js";
import { UNKNOWN_RULE_FALLBACK, unknownMessage } from "./unknown-rule.js";

export const SARIF_SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
export const SRCROOT = "%SRCROOT%";
/** GitHub and SARIF viewers expect few related locations; the rest go to `properties.affected`. */
export const MAX_RELATED_LOCATIONS = 20;
/** GitHub code scanning keeps at most 20 tags per rule. */
export const MAX_RULE_TAGS = 20;
/**
 * GitHub code scanning rejects a run with more than 25,000 results (and more than 1,000
 * locations per result, which MAX_RELATED_LOCATIONS keeps far below):
 * https://docs.github.com/en/code-security/code-scanning/troubleshooting-sarif-uploads/results-exceed-limit
 * Beyond it the most severe results are kept and the run says how many were left out.
 */
export const MAX_RESULTS_PER_RUN = 25_000;

export type SarifOptions = Pick<ReportOptions, "reportUnknown" | "baseline"> & {
  /**
   * Code scanning category (`runAutomationDetails.id`, written as "category/"): separates
   * analyses of the same commit, e.g. one per Terraform root. Absent: no automationDetails,
   * so `upload-sarif`'s own `category` input applies.
   */
  category?: string;
  /** Cap on results per run; default MAX_RESULTS_PER_RUN. */
  maxResults?: number;
};

export function toSarif(result: ScanResult, options: SarifOptions = {}): Sarif.Log {
  const rules = driverRules(result, options);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const all = [
    ...sortedFindings(result.findings).map((f) => findingResult(f, indexOfRule(ruleIndex, f.ruleId), options)),
    ...(options.reportUnknown ? unknownResults(result.unknowns, indexOfRule(ruleIndex, UNKNOWN_RULE_ID), options) : []),
  ];
  const results = mostSevere(all, options.maxResults ?? MAX_RESULTS_PER_RUN).sort(compareResults);
  const automationDetails = automationDetailsOf(options.category);
  return {
    $schema: SARIF_SCHEMA_URI,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: result.tool.name,
            version: result.tool.version,
            informationUri: result.tool.informationUri,
            rules: rules.map(ruleDescriptor),
          },
        },
        // No `uri`: an absolute scan root would leak the host's paths; consumers
        // (GitHub) resolve %SRCROOT% against their own checkout.
        originalUriBaseIds: { [SRCROOT]: { description: { text: "The scan root: result URIs are relative to it." } } },
        columnKind: "utf16CodeUnits",
        ...(automationDetails !== undefined ? { automationDetails } : {}),
        results,
        ...(all.length > results.length
          ? { properties: { omittedResults: all.length - results.length, omittedReason: `GitHub code scanning accepts at most ${options.maxResults ?? MAX_RESULTS_PER_RUN} results per run; the most severe are kept` } }
          : {}),
      },
    ],
  };
}

/** "category/": GitHub reads the part before the last "/" as the category, the rest as a run id. */
function automationDetailsOf(category: string | undefined): Sarif.RunAutomationDetails | undefined {
  const trimmed = category?.trim() ?? "";
  if (trimmed === "") return undefined;
  return { id: trimmed.endsWith("/") ? trimmed : `${trimmed}/` };
}

const LEVEL_ORDER: Record<string, number> = { error: 0, warning: 1, note: 2, none: 3 };

/** At most `max` results: errors first, then warnings, then notes; order within a level kept. */
function mostSevere(results: Sarif.Result[], max: number): Sarif.Result[] {
  if (results.length <= max) return results;
  return results
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (LEVEL_ORDER[a.r.level ?? "warning"] ?? 1) - (LEVEL_ORDER[b.r.level ?? "warning"] ?? 1) || a.i - b.i)
    .slice(0, max)
    .map((x) => x.r);
}

/** The SARIF log as bytes: 2-space JSON with a trailing newline. */
export function formatSarif(result: ScanResult, options: SarifOptions = {}): string {
  return `${JSON.stringify(toSarif(result, options), null, 2)}\n`;
}

function driverRules(result: ScanResult, options: SarifOptions): RuleMeta[] {
  const rules = [...result.rules];
  if (options.reportUnknown && !rules.some((r) => r.id === UNKNOWN_RULE_ID)) rules.push(UNKNOWN_RULE_FALLBACK);
  return rules.sort((a, b) => compareStrings(a.id, b.id));
}

function indexOfRule(ruleIndex: ReadonlyMap<string, number>, ruleId: string): number {
  const index = ruleIndex.get(ruleId);
  // A finding of a rule the scan did not declare is a bug in the pipeline, never something to hide.
  if (index === undefined) throw new Error(`finding of rule ${ruleId}, which is not in the scan's rule list`);
  return index;
}

function ruleDescriptor(meta: RuleMeta): Sarif.ReportingDescriptor {
  const properties: Sarif.PropertyBag = {
    category: meta.category,
    tags: [...new Set(meta.tags)].slice(0, MAX_RULE_TAGS),
    "security-severity": securitySeverity(meta),
  };
  if (meta.citation !== undefined) properties["citation"] = meta.citation;
  return {
    id: meta.id,
    name: meta.name,
    shortDescription: { text: meta.shortDescription },
    fullDescription: { text: asSentence(meta.fullDescription) },
    help: { text: meta.helpText, markdown: meta.helpMarkdown },
    defaultConfiguration: { level: meta.level },
    properties,
  };
}

/** GitHub reads `security-severity` as a string holding a number from 0.0 to 10.0. */
function securitySeverity(meta: RuleMeta): string {
  const value = Number(meta.securitySeverity);
  if (meta.securitySeverity.trim() === "" || !Number.isFinite(value) || value < 0 || value > 10) {
    throw new Error(`rule ${meta.id} has security-severity "${meta.securitySeverity}"; it must be a number from 0.0 to 10.0`);
  }
  return value.toFixed(1);
}

function physicalLocation(loc: Location): Sarif.PhysicalLocation {
  return {
    artifactLocation: { uri: encodeUri(loc.file), uriBaseId: SRCROOT },
    region: {
      startLine: loc.startLine,
      startColumn: loc.startColumn,
      endLine: loc.endLine,
      endColumn: loc.endColumn,
    },
  };
}

/** A relative POSIX path as a URI reference: spaces, `%`, `#`, `?` and non-ASCII are percent-encoded. */
export function encodeUri(path: string): string {
  return path
    .replace(/\\/g, "/")
    .split("/")
    .map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join("/");
}

function sortedRelated(related: readonly RelatedLocation[]): RelatedLocation[] {
  return [...related].sort((a, b) => compareLocations(a.location, b.location) || compareStrings(a.message, b.message));
}

function relatedLocations(related: readonly RelatedLocation[]): Sarif.Location[] {
  return sortedRelated(related)
    .slice(0, MAX_RELATED_LOCATIONS)
    .map((r, i) => ({ id: i + 1, physicalLocation: physicalLocation(r.location), message: { text: asSentence(r.message) } }));
}

function findingProperties(f: Finding): Sarif.PropertyBag {
  const properties: Sarif.PropertyBag = { ...(f.properties ?? {}), root: f.root };
  if (f.affected !== undefined) properties["affected"] = [...new Set(f.affected)].sort(compareStrings);
  if (f.environment !== "") properties["environment"] = f.environment;
  if (f.affected === undefined && f.related.length > MAX_RELATED_LOCATIONS) {
    properties["omittedRelatedLocations"] = f.related.length - MAX_RELATED_LOCATIONS;
  }
  return properties;
}

function findingResult(f: Finding, ruleIndex: number, options: SarifOptions): Sarif.Result {
  const result: Sarif.Result = {
    ruleId: f.ruleId,
    ruleIndex,
    level: f.level,
    message: { text: asSentence(f.message) },
    locations: [
      {
        physicalLocation: physicalLocation(f.location),
        logicalLocations: [{ fullyQualifiedName: f.subject, kind: f.subjectKind }],
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: findingFingerprint(f) },
    properties: findingProperties(f),
  };
  if (f.related.length > 0) result.relatedLocations = relatedLocations(f.related);
  if (f.suppression !== undefined) {
    result.suppressions = [{ kind: f.suppression.kind, justification: f.suppression.justification }];
  }
  if (options.baseline !== undefined) result.baselineState = isInBaseline(f, options.baseline) ? "unchanged" : "new";
  return result;
}

/** UNK-001 notes; an unknown with no source location cannot be placed in a file and stays in the JSON output only. */
function unknownResults(unknowns: readonly ScanUnknown[], ruleIndex: number, options: SarifOptions): Sarif.Result[] {
  return sortedUnknowns(unknowns)
    .filter((u): u is ScanUnknown & { location: Location } => u.location !== undefined)
    .map((u) => {
      const fingerprint = unknownFingerprint(u);
      const result: Sarif.Result = {
        ruleId: UNKNOWN_RULE_ID,
        ruleIndex,
        level: "note",
        message: { text: unknownMessage(u) },
        locations: [
          {
            physicalLocation: physicalLocation(u.location),
            logicalLocations: [{ fullyQualifiedName: u.subject, kind: "resource" }],
          },
        ],
        partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
        properties: { root: u.root, what: u.what },
      };
      if (options.baseline !== undefined) result.baselineState = options.baseline.has(fingerprint) ? "unchanged" : "new";
      return result;
    });
}

function resultSortKey(r: Sarif.Result): [string, number, number, string, string, string] {
  const loc = r.locations?.[0];
  const region = loc?.physicalLocation?.region;
  return [
    loc?.physicalLocation?.artifactLocation?.uri ?? "",
    region?.startLine ?? 0,
    region?.startColumn ?? 0,
    r.ruleId ?? "",
    loc?.logicalLocations?.[0]?.fullyQualifiedName ?? "",
    r.partialFingerprints?.[FINGERPRINT_KEY] ?? "",
  ];
}

/** uri, line, column, rule id, subject (SPEC section 5); the fingerprint breaks remaining ties. */
function compareResults(a: Sarif.Result, b: Sarif.Result): number {
  const ka = resultSortKey(a);
  const kb = resultSortKey(b);
  return (
    compareStrings(ka[0], kb[0]) ||
    ka[1] - kb[1] ||
    ka[2] - kb[2] ||
    compareStrings(ka[3], kb[3]) ||
    compareStrings(ka[4], kb[4]) ||
    compareStrings(ka[5], kb[5]) ||
    compareStrings(a.message.text ?? "", b.message.text ?? "")
  );
}
