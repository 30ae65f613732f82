/**
 * Aggregation over a component's recovery streams (SPEC section 1, "Aggregation"),
 * provider-neutral. Rules (RET-*, RPO-001) and the JSON inventory both use it.
 *
 * - Effective retention: the longest retention over the streams (native backups,
 *   PITR, plan rules, copy actions, snapshot policies, versioning), and the data
 *   retention of stores that expire their own data. null = forever.
 * - Effective interval: the largest gap between runs of the best (most frequent) stream.
 * - Immediately available days: how long the points stay readable without a restore
 *   job (before AWS Backup cold storage or S3 Glacier).
 *
 * Three-valued: a stream whose value is unknown, or a mechanism that may or may not
 * cover the component (Coverage.uncertain), makes the answer unknown only when it
 * could beat the best known value ("unknown when a stream's retention is unknown and
 * the known maximum falls short").
 */
import type { Component, Coverage, Fact, Location, RecoveryStream, UnknownFact } from "./types.js";
import { isUnknownFact, unknownFact } from "./types.js";

/** Where a value comes from: a recovery stream, or the component's own data (self-expiring stores). */
export interface ValueSource {
  via: RecoveryStream["via"] | "data";
  /** The deciding place: a delete_after, a schedule, the component's own attribute... */
  location: Location;
  /** Key path in the component's anchors when the deciding place is in its own block. */
  anchor?: string;
  stream?: RecoveryStream;
}

/** The best known value, its source, and why it may not be the answer. */
export interface Aggregate {
  /** undefined = no source at all; null = forever (retention, availability). */
  value: number | null | undefined;
  source?: ValueSource;
  /** Every source with a known value, best first. */
  sources: { value: number | null; source: ValueSource }[];
  /** Set when a source that could beat `value` is unknown. */
  unknown?: UnknownFact;
}

interface Candidate {
  value: Fact<number | null>;
  source: ValueSource;
  /** The mechanism may not apply at all. */
  uncertain?: UnknownFact;
}

/** Kinds whose data retention counts even when it is "forever" (append-only by nature). */
const APPEND_ONLY_KINDS = new Set<Component["kind"]>(["log-store", "queue", "stream"]);

function sameLocation(a: Location, b: Location): boolean {
  return a.file === b.file && a.startLine === b.startLine && a.startColumn === b.startColumn && a.endLine === b.endLine && a.endColumn === b.endColumn;
}

/** The anchor key of a location in the component's own block, if it is one. */
export function anchorAt(c: Component, location: Location): string | undefined {
  for (const [key, at] of Object.entries(c.anchors)) if (sameLocation(at, location)) return key;
  return undefined;
}

function streamSource(c: Component, s: RecoveryStream, location: Location): ValueSource {
  const anchor = anchorAt(c, location);
  return anchor === undefined ? { via: s.via, location, stream: s } : { via: s.via, location, anchor, stream: s };
}

function dataSource(c: Component): ValueSource {
  const anchor = c.dataRetentionAnchor;
  if (anchor !== undefined && c.anchors[anchor]) return { via: "data", location: c.anchors[anchor]!, anchor };
  return { via: "data", location: c.dataRetentionLocation ?? c.location };
}

/** Streams that certainly apply, then those of mechanisms that may apply (with their reason). */
function streamsOf(coverage: Coverage | undefined): { stream: RecoveryStream; uncertain?: UnknownFact }[] {
  if (!coverage) return [];
  const out: { stream: RecoveryStream; uncertain?: UnknownFact }[] = coverage.streams.map((stream) => ({ stream }));
  for (const u of coverage.uncertain ?? []) for (const stream of u.streams) out.push({ stream, uncertain: u.reason });
  return out;
}

/** Uncertain mechanisms that add streams no one knows (an unreadable backup module): unknown for every measure. */
function opaqueUncertainty(coverage: Coverage | undefined): Candidate[] {
  return (coverage?.uncertain ?? [])
    .filter((u) => u.streams.length === 0)
    .map((u) => ({ value: u.reason, source: { via: "external" as const, location: { file: "", startLine: 0, startColumn: 0, endLine: 0, endColumn: 0 } }, uncertain: u.reason }));
}

/** Does the component's own data retention count (SPEC: stores that expire their own data)? */
function dataRetentionCounts(c: Component): boolean {
  const d = c.dataRetentionDays;
  if (d === undefined) return false;
  if (APPEND_ONLY_KINDS.has(c.kind)) return true;
  // Other stores count only when they expire their data (an S3 expiration rule); "never expires" is not a promise.
  return d !== null;
}

type Better = (a: number | null, b: number | null) => boolean;
/** null = forever, longer than any number. */
const longer: Better = (a, b) => (a === null ? b !== null : b !== null && a > b);
const shorter: Better = (a, b) => a !== null && (b === null || a < b);

function aggregate(cands: Candidate[], better: Better): Aggregate {
  const known = cands
    .filter((c) => !c.uncertain && !isUnknownFact(c.value))
    .map((c) => ({ value: c.value as number | null, source: c.source }))
    .sort((a, b) => (better(a.value, b.value) ? -1 : better(b.value, a.value) ? 1 : 0));
  const best = known[0];
  const agg: Aggregate = { value: best?.value, sources: known };
  if (best) agg.source = best.source;
  for (const c of cands) {
    if (!c.uncertain && !isUnknownFact(c.value)) continue;
    if (isUnknownFact(c.value) || best === undefined || better(c.value, best.value)) {
      agg.unknown = c.uncertain ?? (c.value as UnknownFact);
      break;
    }
  }
  return agg;
}

function retentionCandidates(c: Component, coverage: Coverage | undefined): Candidate[] {
  const cands: Candidate[] = streamsOf(coverage).map(({ stream, uncertain }) => ({
    value: stream.retentionDays,
    source: streamSource(c, stream, stream.retentionLocation ?? stream.location),
    ...(uncertain ? { uncertain } : {}),
  }));
  if (dataRetentionCounts(c)) cands.push({ value: c.dataRetentionDays!, source: dataSource(c) });
  return [...cands, ...opaqueUncertainty(coverage)];
}

/** Effective retention: the longest over the streams and the data's own retention (null = forever). */
export function effectiveRetention(c: Component, coverage: Coverage | undefined): Aggregate {
  return aggregate(retentionCandidates(c, coverage), longer);
}

/** Effective interval: the smallest "largest gap" over the streams, in hours. */
export function effectiveInterval(c: Component, coverage: Coverage | undefined): Aggregate {
  const cands: Candidate[] = streamsOf(coverage).map(({ stream, uncertain }) => ({
    value: stream.intervalHours,
    source: streamSource(c, stream, stream.intervalLocation ?? stream.location),
    ...(uncertain ? { uncertain } : {}),
  }));
  return aggregate([...cands, ...opaqueUncertainty(coverage)], shorter);
}

/** Days a point stays readable without a restore job: before cold storage, or until it expires. */
function warmDays(retention: Fact<number | null>, cold: Fact<number | null> | undefined): Fact<number | null> {
  if (cold === undefined || cold === null) return retention;
  if (isUnknownFact(cold)) return cold;
  if (isUnknownFact(retention)) return retention;
  return retention === null ? cold : Math.min(cold, retention);
}

/**
 * Immediately available days: the longest warm period over the streams and the data
 * itself. When the data goes to Glacier, the versions kept by versioning live in the
 * same store and follow it: they do not keep the records warm.
 */
export function immediatelyAvailable(c: Component, coverage: Coverage | undefined): Aggregate {
  const dataCold = c.dataColdAfterDays;
  const dataGoesCold = typeof dataCold === "number";
  const cands: Candidate[] = [];
  for (const { stream, uncertain } of streamsOf(coverage)) {
    if (dataGoesCold && stream.via === "versioning") continue;
    cands.push({ value: warmDays(stream.retentionDays, stream.coldAfterDays), source: streamSource(c, stream, stream.location), ...(uncertain ? { uncertain } : {}) });
  }
  if (dataCold !== undefined && dataCold !== null) {
    const retention = dataRetentionCounts(c) ? c.dataRetentionDays! : null;
    cands.push({ value: warmDays(retention, dataCold), source: { via: "data", location: c.dataRetentionLocation ?? (c.dataRetentionAnchor ? c.anchors[c.dataRetentionAnchor] : undefined) ?? c.location } });
  } else if (dataRetentionCounts(c)) cands.push({ value: c.dataRetentionDays!, source: dataSource(c) });
  return aggregate([...cands, ...opaqueUncertainty(coverage)], longer);
}

/** Three-valued "falls short of `min`" (retention, availability): undefined when there is nothing to judge. */
export function fallsShort(agg: Aggregate, min: number): boolean | UnknownFact | undefined {
  if (agg.value === null || (agg.value !== undefined && agg.value >= min)) return false;
  if (agg.unknown) return agg.unknown;
  return agg.value === undefined ? undefined : true;
}

/** Three-valued "exceeds `max`" (retention above a maximum): unknown sources can only make it longer. */
export function exceeds(agg: Aggregate, max: number): boolean | UnknownFact | undefined {
  if (agg.value === null || (agg.value !== undefined && agg.value > max)) return true;
  if (agg.unknown) return agg.unknown;
  return agg.value === undefined ? undefined : false;
}

/** Three-valued "gap larger than `maxHours`" (interval): undefined when there is no stream. */
export function sparserThan(agg: Aggregate, maxHours: number): boolean | UnknownFact | undefined {
  if (agg.value !== undefined && agg.value !== null && agg.value <= maxHours) return false;
  if (agg.unknown) return agg.unknown;
  return agg.value === undefined ? undefined : true;
}

/** The aggregate as one fact, for inventories: unknown when an unknown source could change it. */
export function aggregateFact(agg: Aggregate, what: string): Fact<number | null> {
  if (agg.value === null) return null;
  if (agg.unknown) return agg.unknown;
  if (agg.value === undefined) return unknownFact(`no ${what} is known`);
  return agg.value;
}

/** Per-component summary for the JSON inventory. */
export interface RecoverySummary {
  retentionDays: Fact<number | null>;
  intervalHours: Fact<number | null>;
  immediatelyAvailableDays: Fact<number | null>;
}

export function recoverySummary(c: Component, coverage: Coverage | undefined): RecoverySummary {
  return {
    retentionDays: aggregateFact(effectiveRetention(c, coverage), "retention"),
    intervalHours: aggregateFact(effectiveInterval(c, coverage), "backup interval"),
    immediatelyAvailableDays: aggregateFact(immediatelyAvailable(c, coverage), "availability"),
  };
}

/** "7 days", "1 day", "0.5 days", "forever". */
export function daysText(d: number | null): string {
  if (d === null) return "forever";
  const r = Math.round(d * 100) / 100;
  return `${r} day${r === 1 ? "" : "s"}`;
}

/** "24 hours", "5 minutes", "1 second". */
export function hoursText(h: number): string {
  if (h >= 1) {
    const r = Math.round(h * 100) / 100;
    return `${r} hour${r === 1 ? "" : "s"}`;
  }
  const m = h * 60;
  if (m >= 1) {
    const r = Math.round(m * 100) / 100;
    return `${r} minute${r === 1 ? "" : "s"}`;
  }
  const s = Math.round(m * 60);
  return `${s} second${s === 1 ? "" : "s"}`;
}
