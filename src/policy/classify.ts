/**
 * Classification (SPEC section 3): a component's classes come from its tags
 * (provider default_tags already merged in), from `classify` rules of the config,
 * and from receiving audit logs unless a tag says otherwise. A tag value may name
 * a class or a regime; anything else is a ClassificationProblem (CFG-002).
 */
import picomatch from "picomatch";
import { isUnknownFact, type Component } from "../graph/types.js";
import type { ComponentMatch, ClassifyRule } from "./config.js";
import type { PolicySet } from "./load.js";
import type { ClassificationProblem } from "./types.js";

/** Tag keys that carry a data class, in the order the SPEC lists them. */
/** Tag and label keys read for a class, in order (SPEC section 3); Kubernetes objects carry theirs as the annotation `restorable.dev/data-class` (or a label). */
export const CLASS_TAG_KEYS = ["data-class", "data_class", "DataClass", "data-classification", "DataClassification", "restorable.dev/data-class"] as const;

export interface ClassOrigin {
  id: string;
  /** How it was assigned, printable ("tag data-class", "classify rule 1 of .restorable.yml", "destination of aws_cloudtrail.main"). */
  via: string;
}

export interface Classification {
  classes: ClassOrigin[];
  /** Regimes named directly by a tag value. */
  regimes: ClassOrigin[];
  problems: ClassificationProblem[];
}

/** Address globs treat brackets literally: `aws_instance.web[0]` is an address, not a character class. */
export function addressMatcher(glob: string): (address: string) => boolean {
  return picomatch(glob, { nobracket: true, dot: true });
}

export function matchesComponent(c: Component, match: ComponentMatch, address: (a: string) => boolean = match.address ? addressMatcher(match.address) : () => true): boolean {
  if (match.address !== undefined && !address(c.address)) return false;
  if (match.type !== undefined && match.type !== c.type) return false;
  if (match.tags !== undefined) {
    if (isUnknownFact(c.tags)) return false;
    const tags = c.tags;
    for (const [k, v] of Object.entries(match.tags)) if (tags[k] !== v) return false;
  }
  return true;
}

export class Classifier {
  private readonly rules: { rule: ClassifyRule; index: number; matches: (a: string) => boolean }[];

  constructor(
    private readonly policy: PolicySet,
    rules: readonly ClassifyRule[],
    private readonly configFile = ".restorable.yml",
  ) {
    this.rules = rules.map((rule, index) => ({ rule, index, matches: rule.match.address ? addressMatcher(rule.match.address) : () => true }));
  }

  classify(c: Component): Classification {
    const out: Classification = { classes: [], regimes: [], problems: [] };
    const tagged = this.fromTags(c, out);
    for (const { rule, index, matches } of this.rules) {
      if (!matchesComponent(c, rule.match, matches)) continue;
      const origin = { id: rule.class, via: `classify rule ${index + 1} of ${this.configFile}` };
      add(this.policy.classes.has(rule.class) ? out.classes : out.regimes, origin);
    }
    if (!tagged && c.receivesAuditLogs?.length) add(out.classes, { id: "audit-log", via: `destination of the audit logs of ${c.receivesAuditLogs.join(", ")}` });
    return out;
  }

  /** Adds tag-given classes and regimes; true when a tag names a class or regime (it decides over the audit-log default). */
  private fromTags(c: Component, out: Classification): boolean {
    if (isUnknownFact(c.tags)) return false;
    let tagged = false;
    for (const key of CLASS_TAG_KEYS) {
      const value = c.tags[key];
      if (value === undefined || isUnknownFact(value)) continue;
      for (const part of value.split(/[\s,;+]+/).filter(Boolean)) {
        const id = part.toLowerCase();
        if (this.policy.classes.has(id)) add(out.classes, { id, via: `tag ${key}` });
        else if (this.policy.regimes.has(id)) add(out.regimes, { id, via: `tag ${key}` });
        else {
          out.problems.push(this.problem(key, value, part));
          continue;
        }
        tagged = true;
      }
    }
    return tagged;
  }

  private problem(key: string, value: string, unrecognised: string): ClassificationProblem {
    const knownClasses = [...this.policy.classes.keys()].sort();
    const p: ClassificationProblem = { key, value, unrecognised, knownClasses };
    const suggestion = closest(unrecognised.toLowerCase(), [...knownClasses, ...[...this.policy.regimes.keys()].sort()]);
    if (suggestion) p.suggestion = suggestion;
    return p;
  }
}

function add(list: ClassOrigin[], o: ClassOrigin): void {
  if (!list.some((x) => x.id === o.id)) list.push(o);
}

/** The id within edit distance 2 (the closest, first in order on ties). */
function closest(word: string, ids: string[]): string | undefined {
  let best: { id: string; d: number } | undefined;
  for (const id of ids) {
    const d = editDistance(word.replace(/_/g, "-"), id);
    if (d <= 2 && (!best || d < best.d)) best = { id, d };
  }
  return best?.id;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}
