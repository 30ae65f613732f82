/**
 * Built-in policies (policies/regimes/*.yaml, policies/classes.yaml), validated
 * with the JSON Schemas in policies/schema/. They ship with the package: the
 * folder is found relative to this module, from src/ (tests) and lib/ (build) alike.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { createRequire } from "node:module";
import type { Ajv2020 as Ajv2020Class, ValidateFunction } from "ajv/dist/2020.js";
import type { Strength } from "./types.js";
import { parseYaml, problemAt, schemaProblem, type YamlPath, type YamlSource } from "./yaml.js";

/** src/policy and lib/policy: ../../policies; the Action's bundle (dist/index.js): ../policies, the action's root. */
export const POLICY_DIR = [new URL("../policies/", import.meta.url), new URL("../../policies/", import.meta.url)]
  .map((u) => fileURLToPath(u))
  .find((dir) => existsSync(path.join(dir, "classes.yaml"))) ?? fileURLToPath(new URL("../../policies/", import.meta.url));

const SCHEMA_BASE = "https://restorable.dev/schema/";
export const SCHEMA_IDS = {
  regime: `${SCHEMA_BASE}regime.schema.json`,
  regimeOverride: `${SCHEMA_BASE}regime.schema.json#/$defs/override`,
  classes: `${SCHEMA_BASE}classes.schema.json`,
  config: `${SCHEMA_BASE}restorable-config.schema.json`,
} as const;

/** A regime as rules and messages use it. */
export interface Regime {
  id: string;
  name: string;
  /** How messages name it ("SOX"). */
  shortName: string;
  jurisdiction: string;
  citation: string;
  /** What messages print in parentheses ("auditors' 7-year rule, 17 CFR 210.2-06"). */
  shortCitation: string;
  appliesTo: string;
  strength: Strength;
  minRetentionDays?: number;
  /** `must-configure`: the regime demands a maximum that the organisation sets. */
  maxRetentionDays?: number | "must-configure";
  retentionStarts: "creation" | "end_of_calendar_year";
  minImmediatelyAvailableDays?: number;
  requiresBackup: boolean;
  requiresImmutability: boolean;
  requiresSeparateCopy: boolean;
  requiresRestoreTesting: boolean;
  requiresEncryption: boolean;
  notes?: string;
  /** File that defines it (or last overrides it). */
  definedIn: string;
}

export interface DataClass {
  id: string;
  description?: string;
  regimes: string[];
  critical: boolean;
  /** Caches and scratch data (`ephemeral`): no backup expected when it is the only class. */
  exemptFromCoverage: boolean;
  minRetentionDays?: number;
  maxRetentionDays?: number;
  rpoHours?: number;
  requiresCrossRegion?: boolean;
  requiresCrossAccount?: boolean;
  requiresImmutability?: boolean;
  requiresRestoreTesting?: boolean;
  requiresCustomerManagedKey?: boolean;
  definedIn: string;
}

/** Raw (snake_case) entries as written in YAML; merged by id before conversion. */
export type RawEntry = Record<string, unknown>;

export interface PolicySet {
  regimes: Map<string, Regime>;
  classes: Map<string, DataClass>;
}

let ajv: Ajv2020Class | undefined;
const validators = new Map<string, ValidateFunction>();

/**
 * The compiled validator of a shipped schema, compiled on first use. ajv is loaded only then:
 * a scan without a config (the shipped policies are checked by their tests, not on every run)
 * does not pay its load and compile time (issue 7: a small scan under 400 ms).
 */
export function validator(id: keyof typeof SCHEMA_IDS): ValidateFunction {
  const known = validators.get(id);
  if (known) return known;
  if (!ajv) {
    const { Ajv2020 } = createRequire(import.meta.url)("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js");
    ajv = new Ajv2020({ allErrors: false, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true });
    for (const f of ["regime", "classes", "restorable-config"]) ajv.addSchema(JSON.parse(readFileSync(path.join(POLICY_DIR, "schema", `${f}.schema.json`), "utf8")) as object);
  }
  const compiled = ajv.getSchema(SCHEMA_IDS[id])!;
  validators.set(id, compiled);
  return compiled;
}

/** Validates `data` (found at `base` in `src`); throws a UsageError at the offending node. */
export function validateAt(src: YamlSource, base: YamlPath, schema: keyof typeof SCHEMA_IDS, data: unknown): void {
  const validate = validator(schema);
  if (!validate(data)) throw schemaProblem(src, validate.errors ?? [], base);
}

export function regimeFromRaw(raw: RawEntry, definedIn: string): Regime {
  const max = raw.max_retention_days;
  const r: Regime = {
    id: raw.id as string,
    name: raw.name as string,
    shortName: (raw.short_name as string | undefined) ?? (raw.id as string),
    jurisdiction: raw.jurisdiction as string,
    citation: raw.citation as string,
    shortCitation: (raw.short_citation as string | undefined) ?? (raw.citation as string),
    appliesTo: raw.applies_to as string,
    strength: raw.strength as Strength,
    retentionStarts: raw.retention_starts as Regime["retentionStarts"],
    requiresBackup: raw.requires_backup === true,
    requiresImmutability: raw.requires_immutability === true,
    requiresSeparateCopy: raw.requires_separate_copy === true,
    requiresRestoreTesting: raw.requires_restore_testing === true,
    requiresEncryption: raw.requires_encryption === true,
    definedIn,
  };
  if (typeof raw.min_retention_days === "number") r.minRetentionDays = raw.min_retention_days;
  if (typeof max === "number") r.maxRetentionDays = max;
  else if (max === "must_configure") r.maxRetentionDays = "must-configure";
  if (typeof raw.min_immediately_available_days === "number") r.minImmediatelyAvailableDays = raw.min_immediately_available_days;
  if (typeof raw.notes === "string") r.notes = raw.notes;
  return r;
}

export function classFromRaw(id: string, raw: RawEntry, definedIn: string): DataClass {
  const c: DataClass = {
    id,
    regimes: (raw.regimes as string[] | undefined) ?? [],
    critical: raw.critical === true,
    exemptFromCoverage: raw.exempt_from_coverage === true,
    definedIn,
  };
  if (typeof raw.description === "string") c.description = raw.description;
  const numbers = { min_retention_days: "minRetentionDays", max_retention_days: "maxRetentionDays", rpo_hours: "rpoHours" } as const;
  for (const [k, field] of Object.entries(numbers)) if (typeof raw[k] === "number") c[field] = raw[k];
  const flags = {
    requires_cross_region: "requiresCrossRegion",
    requires_cross_account: "requiresCrossAccount",
    requires_immutability: "requiresImmutability",
    requires_restore_testing: "requiresRestoreTesting",
    requires_customer_managed_key: "requiresCustomerManagedKey",
  } as const;
  for (const [k, field] of Object.entries(flags)) if (typeof raw[k] === "boolean") c[field] = raw[k];
  return c;
}

export interface BuiltinSources {
  regimes: Map<string, { raw: RawEntry; file: string }>;
  classes: Map<string, { raw: RawEntry; file: string }>;
}

let builtins: BuiltinSources | undefined;

/**
 * The shipped policies compiled to JSON by the build (lib/builtin-policies.json, written by
 * scripts/bundle-cli.mjs from the validated YAML), with the size and time of each YAML file it
 * came from: reading it skips the YAML parser on every run (issue 7). Undefined when it is
 * absent (tests, the Action's bundle) or the YAML changed since.
 */
const COMPILED = fileURLToPath(new URL("../builtin-policies.json", import.meta.url));

interface CompiledBuiltins {
  sources: [file: string, size: number, mtimeMs: number][];
  regimes: [id: string, raw: RawEntry, file: string][];
  classes: [id: string, raw: RawEntry, file: string][];
}

function policyFiles(dir: string): string[] {
  return [...readdirSync(path.join(dir, "regimes")).filter((x) => /\.ya?ml$/.test(x)).sort().map((f) => `regimes/${f}`), "classes.yaml"];
}

function compiledBuiltins(): BuiltinSources | undefined {
  let compiled: CompiledBuiltins;
  try {
    compiled = JSON.parse(readFileSync(COMPILED, "utf8")) as CompiledBuiltins;
  } catch {
    return undefined;
  }
  const files = policyFiles(POLICY_DIR);
  if (files.length !== compiled.sources.length) return undefined;
  for (const [file, size, mtimeMs] of compiled.sources) {
    const st = statSync(path.join(POLICY_DIR, file), { throwIfNoEntry: false });
    if (!st || st.size !== size || st.mtimeMs !== mtimeMs) return undefined;
  }
  return { regimes: new Map(compiled.regimes.map(([id, raw, file]) => [id, { raw, file }])), classes: new Map(compiled.classes.map(([id, raw, file]) => [id, { raw, file }])) };
}

/** Writes lib/builtin-policies.json from the shipped YAML, validated (the build calls it). */
export function writeCompiledBuiltins(): void {
  const b = builtinSources(POLICY_DIR, true);
  const compiled: CompiledBuiltins = {
    sources: policyFiles(POLICY_DIR).map((f) => {
      const st = statSync(path.join(POLICY_DIR, f));
      return [f, st.size, st.mtimeMs];
    }),
    regimes: [...b.regimes].map(([id, { raw, file }]) => [id, raw, file]),
    classes: [...b.classes].map(([id, { raw, file }]) => [id, raw, file]),
  };
  writeFileSync(COMPILED, JSON.stringify(compiled));
}

/**
 * The policy files of `dir`, parsed. `validate` checks them against the schemas: always for
 * another folder (a test's, a user's), and for the shipped folder only when asked (its tests
 * do: test/policy; so does the build that compiles them), since shipped files change only with
 * the program. The shipped folder is read once per process, from its compiled form when built.
 */
export function builtinSources(dir = POLICY_DIR, validate = dir !== POLICY_DIR): BuiltinSources {
  if (dir === POLICY_DIR && !validate) return (builtins ??= compiledBuiltins() ?? parseBuiltins(dir, false));
  return parseBuiltins(dir, validate);
}

function parseBuiltins(dir: string, validate: boolean): BuiltinSources {
  const out: BuiltinSources = { regimes: new Map(), classes: new Map() };
  const regimeDir = path.join(dir, "regimes");
  for (const f of readdirSync(regimeDir).filter((x) => /\.ya?ml$/.test(x)).sort()) {
    const file = `policies/regimes/${f}`;
    const src = parseYaml(readFileSync(path.join(regimeDir, f), "utf8"), file);
    const raw = src.doc.toJS() as unknown;
    if (validate) validateAt(src, [], "regime", raw);
    const id = (raw as RawEntry).id as string;
    if (`${id}.yaml` !== f && `${id}.yml` !== f) throw problemAt(src, ["id"], `regime id "${id}" does not match the file name ${f}; rename the file or the id`);
    out.regimes.set(id, { raw: raw as RawEntry, file });
  }
  const classesSrc = parseYaml(readFileSync(path.join(dir, "classes.yaml"), "utf8"), "policies/classes.yaml");
  const classes = (classesSrc.doc.toJS() as unknown) ?? {};
  if (validate) validateAt(classesSrc, [], "classes", classes);
  const entries = new Map(Object.entries(classes as Record<string, RawEntry>).map(([id, raw]) => [id, { raw, src: classesSrc }]));
  checkClassRegimes(entries, new Set(out.regimes.keys()));
  for (const [id, { raw }] of entries) out.classes.set(id, { raw, file: classesSrc.file });
  return out;
}

/** Every regime a class names exists; else a UsageError at the list item. */
export function checkClassRegimes(classes: ReadonlyMap<string, { raw: RawEntry; src: YamlSource; base?: YamlPath }>, regimeIds: ReadonlySet<string>): void {
  for (const [id, { raw, src, base }] of classes) {
    const list = (raw.regimes as string[] | undefined) ?? [];
    list.forEach((r, i) => {
      if (!regimeIds.has(r)) {
        throw problemAt(src, [...(base ?? [id]), "regimes", i], `class ${id} names regime "${r}", which does not exist; use one of: ${[...regimeIds].sort().join(", ")}, or define it under regimes:`);
      }
    });
  }
}

/** The built-in policy set alone (no config). */
export function loadBuiltinPolicies(dir = POLICY_DIR): PolicySet {
  const b = builtinSources(dir);
  return {
    regimes: new Map([...b.regimes].map(([id, { raw, file }]) => [id, regimeFromRaw(raw, file)])),
    classes: new Map([...b.classes].map(([id, { raw, file }]) => [id, classFromRaw(id, raw, file)])),
  };
}
