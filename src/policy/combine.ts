/**
 * Combining (SPEC section 3): requirements only add up. The defaults apply to
 * every stateful component; classes and their regimes raise them, never lower
 * them (a class lowers the default floor only with its own `min_retention_days`);
 * with several classes the most protective value of each requirement wins;
 * `ephemeral` applies only when it is the only class; a minimum above another
 * class's maximum wins (GDPR Art. 17(3)(b)) and `conflicts` says so.
 */
import { defaultRequirements } from "./defaults.js";
import type { Classification } from "./classify.js";
import type { DataClass, PolicySet, Regime } from "./load.js";
import type { Requirement, RequirementSource, Requirements, Strength } from "./types.js";

export interface PolicyDefaults {
  minRetentionDays: number;
  maxBackupIntervalHours: number;
  /** Set when the config's `defaults:` changed them (its file name). */
  configuredIn?: string;
}

const STRENGTH_RANK: Record<Strength, number> = { law: 3, standard: 2, convention: 1 };

/** Higher wins a tie between equal values: a law over a standard over a convention over a class setting over the defaults. */
function rank(s: RequirementSource): number {
  if (s.strength) return 10 + STRENGTH_RANK[s.strength];
  return s.kind === "class" ? 5 : 0;
}

export function regimeSource(r: Regime, viaClass?: string): RequirementSource {
  const what = `the ${r.shortName} ${r.strength} (${r.shortCitation})`;
  const src: RequirementSource = {
    kind: "regime",
    id: r.id,
    strength: r.strength,
    citation: r.citation,
    label: viaClass ? `class ${viaClass} carries ${what}` : `${what}, named by the component's data-class tag`,
  };
  if (viaClass) src.viaClass = viaClass;
  return src;
}

function classSource(c: DataClass): RequirementSource {
  return { kind: "class", id: c.id, label: `class ${c.id} (${c.definedIn})` };
}

/** Most protective of the candidates by `better`; ties go to the stronger source. */
function pick<T>(candidates: Requirement<T>[], better: (a: T, b: T) => boolean): Requirement<T> | undefined {
  let best: Requirement<T> | undefined;
  for (const c of candidates) {
    if (!best || better(c.value, best.value) || (!better(best.value, c.value) && rank(c.source) > rank(best.source))) best = c;
  }
  return best;
}

function defaultsFor(d: PolicyDefaults): Requirements {
  const base = defaultRequirements(d.minRetentionDays, d.maxBackupIntervalHours);
  if (!d.configuredIn) return base;
  const configured = (label: string): RequirementSource => ({ kind: "config", id: "", label: `${label}, defaults in ${d.configuredIn}` });
  base.minRetentionDays.source = configured(`the configured retention floor (${d.minRetentionDays} days)`);
  base.maxBackupIntervalHours.source = configured(`the configured backup frequency (at least every ${d.maxBackupIntervalHours} hours)`);
  return base;
}

/** A regime carried by a class (or named by a tag: `via` undefined). */
interface Carried {
  regime: Regime;
  via?: string;
}

/** The requirements of a classified component. */
export function combine(classification: Classification, policy: PolicySet, defaults: PolicyDefaults): Requirements {
  const out = defaultsFor(defaults);
  const ids = classification.classes.map((c) => c.id).filter((id) => policy.classes.has(id));
  const onlyExempt = ids.length > 0 && ids.every((id) => policy.classes.get(id)!.exemptFromCoverage) && classification.regimes.length === 0;
  if (onlyExempt) return { ...out, classes: [...ids].sort(), ephemeral: true };

  const classes = ids.map((id) => policy.classes.get(id)!).filter((c) => !c.exemptFromCoverage);
  const carried: Carried[] = [
    ...classes.flatMap((c) => c.regimes.map((r) => policy.regimes.get(r)).filter((r): r is Regime => r !== undefined).map((regime) => ({ regime, via: c.id }))),
    ...classification.regimes.map((o) => policy.regimes.get(o.id)).filter((r): r is Regime => r !== undefined).map((regime) => ({ regime })),
  ];
  out.classes = classes.map((c) => c.id).sort();
  out.regimes = [...new Set(carried.map((c) => c.regime.id))].sort();
  out.critical = classes.some((c) => c.critical);

  out.minRetentionDays = minRetention(out.minRetentionDays, classes, carried, classification.regimes.length > 0);
  const max = maxRetention(classes, carried);
  if (max) {
    if (typeof max.value === "number" && out.minRetentionDays.value > max.value) {
      out.conflicts.push(conflictText(max as Requirement<number>, out.minRetentionDays));
      out.maxRetentionDays = {
        value: out.minRetentionDays.value,
        source: { ...max.source, label: `${max.source.label}, raised to the minimum of ${out.minRetentionDays.source.label} (GDPR Art. 17(3)(b))` },
      };
    } else out.maxRetentionDays = max;
  }
  out.maxBackupIntervalHours = pick(
    [out.maxBackupIntervalHours, ...classes.filter((c) => c.rpoHours !== undefined).map((c) => ({ value: c.rpoHours!, source: classSource(c) }))],
    (a, b) => a < b,
  )!;
  const available = pick(
    carried.filter((c) => c.regime.minImmediatelyAvailableDays !== undefined).map((c) => ({ value: c.regime.minImmediatelyAvailableDays!, source: regimeSource(c.regime, c.via) })),
    (a, b) => a > b,
  );
  if (available) out.minImmediatelyAvailableDays = available;

  const crossRegion = duty(classes, carried, (c) => c.requiresCrossRegion, (r) => r.requiresSeparateCopy);
  if (crossRegion) out.requiresCrossRegion = crossRegion;
  setDuty(out, "requiresCrossAccount", duty(classes, carried, (c) => c.requiresCrossAccount, () => false));
  setDuty(out, "requiresImmutability", duty(classes, carried, (c) => c.requiresImmutability, (r) => r.requiresImmutability));
  setDuty(out, "requiresRestoreTesting", duty(classes, carried, (c) => c.requiresRestoreTesting, (r) => r.requiresRestoreTesting));
  setDuty(out, "requiresCustomerManagedKey", duty(classes, carried, (c) => c.requiresCustomerManagedKey, () => false));
  setDuty(out, "requiresEncryption", duty(classes, carried, () => false, (r) => r.requiresEncryption));
  setDuty(out, "requiresBackup", duty(classes, carried, () => false, (r) => r.requiresBackup));
  return out;
}

/** Each class's floor is its own `min_retention_days` or the default; its regimes' minima only raise it. */
function minRetention(dflt: Requirement<number>, classes: DataClass[], carried: Carried[], directRegimes: boolean): Requirement<number> {
  const candidates: Requirement<number>[] = [];
  for (const c of classes) candidates.push(c.minRetentionDays !== undefined ? { value: c.minRetentionDays, source: classSource(c) } : dflt);
  if (classes.length === 0 || directRegimes) candidates.push(dflt);
  for (const { regime, via } of carried) {
    if (regime.minRetentionDays === undefined) continue;
    const fromYearEnd = regime.retentionStarts === "end_of_calendar_year";
    const source = regimeSource(regime, via);
    if (fromYearEnd) source.label += `, counted from the end of the calendar year (${regime.minRetentionDays} + 365 days)`;
    candidates.push({ value: regime.minRetentionDays + (fromYearEnd ? 365 : 0), source });
  }
  return pick(candidates, (a, b) => a > b)!;
}

/** The smallest configured maximum; `must-configure` only when a regime demands one and none is set. */
function maxRetention(classes: DataClass[], carried: Carried[]): Requirement<number | "must-configure"> | undefined {
  const numbers: Requirement<number>[] = [
    ...classes.filter((c) => c.maxRetentionDays !== undefined).map((c) => ({ value: c.maxRetentionDays!, source: classSource(c) })),
    ...carried.filter((c) => typeof c.regime.maxRetentionDays === "number").map((c) => ({ value: c.regime.maxRetentionDays as number, source: regimeSource(c.regime, c.via) })),
  ];
  const smallest = pick(numbers, (a, b) => a < b);
  if (smallest) return smallest;
  const demanding = carried.filter((c) => c.regime.maxRetentionDays === "must-configure").map((c) => ({ value: "must-configure" as const, source: regimeSource(c.regime, c.via) }));
  return pick(demanding, () => false);
}

function conflictText(max: Requirement<number>, min: Requirement<number>): string {
  return (
    `${max.source.label} sets a maximum of ${max.value} days, below the minimum of ${min.value} days that ${min.source.label} requires: ` +
    `the minimum wins (GDPR Art. 17(3)(b): data kept to comply with a legal obligation is exempt from erasure), so keep it ${min.value} days and no longer`
  );
}

/** A yes/no duty set by a class flag or a regime flag; the strongest source is kept. */
function duty(classes: DataClass[], carried: Carried[], ofClass: (c: DataClass) => boolean | undefined, ofRegime: (r: Regime) => boolean): Requirement<true> | undefined {
  return pick<true>(
    [
      ...classes.filter((c) => ofClass(c) === true).map((c) => ({ value: true as const, source: classSource(c) })),
      ...carried.filter((c) => ofRegime(c.regime)).map((c) => ({ value: true as const, source: regimeSource(c.regime, c.via) })),
    ],
    () => false,
  );
}

type DutyKey = "requiresCrossAccount" | "requiresImmutability" | "requiresRestoreTesting" | "requiresCustomerManagedKey" | "requiresEncryption" | "requiresBackup";

function setDuty(out: Requirements, key: DutyKey, value: Requirement<true> | undefined): void {
  if (value) out[key] = value;
}
