/**
 * Values produced by static evaluation of Terraform expressions.
 *
 * Three-valued by construction: anything that cannot be known before apply is an
 * `Unknown` carrying a reason and a hint, never a guess. A reference to a
 * resource attribute that is computed at apply time (an `arn`, an `id`) is a
 * `ResourceRef`: unknown as a string, but it still identifies the resource, so
 * `resources = [aws_db_instance.main.arn]` can link a selection to the database.
 */

export class Unknown {
  constructor(
    readonly reason: string,
    readonly hint?: string,
    /** The reference that made it unknown, when one did (`jsonencode({ arn = aws_sqs_queue.dlq.arn })`). */
    readonly ref?: ResourceRef,
  ) {}
}

export class ResourceRef {
  constructor(
    /** Root-relative Terraform address of the referenced resource instance. */
    readonly address: string,
    /** The attribute referenced (`arn`, `id`, `name`...). */
    readonly attribute: string,
  ) {}
}

export type Primitive = null | boolean | number | string;
export type ObjectValue = { [key: string]: Value };
export type Value = Primitive | Value[] | ObjectValue | Unknown | ResourceRef;

export function isUnknown(v: Value | undefined): v is Unknown {
  return v instanceof Unknown;
}

export function isRef(v: Value | undefined): v is ResourceRef {
  return v instanceof ResourceRef;
}

/** Unknown or a ref: a value whose concrete content is not known statically. */
export function isOpaque(v: Value | undefined): v is Unknown | ResourceRef {
  return v instanceof Unknown || v instanceof ResourceRef;
}

export function isObject(v: Value | undefined): v is ObjectValue {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Unknown) && !(v instanceof ResourceRef);
}

export function isList(v: Value | undefined): v is Value[] {
  return Array.isArray(v);
}

export function makeObject(entries: Iterable<[string, Value]> = []): ObjectValue {
  const o: ObjectValue = Object.create(null);
  for (const [k, v] of entries) o[k] = v;
  return o;
}

/** Deep check: true when no Unknown or ResourceRef occurs anywhere inside. */
export function isWhollyKnown(v: Value): boolean {
  if (isOpaque(v)) return false;
  if (Array.isArray(v)) return v.every(isWhollyKnown);
  if (isObject(v)) return Object.values(v).every(isWhollyKnown);
  return true;
}

/** The first Unknown found inside a value (for reasons), if any. */
export function firstUnknown(v: Value): Unknown | undefined {
  if (v instanceof Unknown) return v;
  if (v instanceof ResourceRef) return new Unknown(`${v.address}.${v.attribute} is known only after apply`, undefined, v);
  if (Array.isArray(v)) {
    for (const x of v) {
      const u = firstUnknown(x);
      if (u) return u;
    }
  } else if (isObject(v)) {
    for (const x of Object.values(v)) {
      const u = firstUnknown(x);
      if (u) return u;
    }
  }
  return undefined;
}

/** Terraform's type name for messages. */
export function typeName(v: Value): string {
  if (v === null) return "null";
  if (v instanceof Unknown || v instanceof ResourceRef) return "unknown";
  if (Array.isArray(v)) return "list";
  if (typeof v === "object") return "object";
  return typeof v === "number" ? "number" : typeof v === "boolean" ? "bool" : "string";
}

/** Structural equality of known values (Terraform `==`). Unknown when either side is. */
export function valuesEqual(a: Value, b: Value): boolean | Unknown {
  if (isOpaque(a) || isOpaque(b)) {
    if (isRef(a) && isRef(b) && a.address === b.address && a.attribute === b.attribute) return true;
    return firstUnknown(isOpaque(a) ? a : b)!;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    let unknown: Unknown | undefined;
    for (let i = 0; i < a.length; i++) {
      const r = valuesEqual(a[i]!, b[i]!);
      if (r === false) return false;
      if (r instanceof Unknown) unknown ??= r;
    }
    return unknown ?? true;
  }
  if (isObject(a) || isObject(b)) {
    if (!isObject(a) || !isObject(b)) return false;
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return false;
    let unknown: Unknown | undefined;
    for (const k of ka) {
      const r = valuesEqual(a[k]!, b[k]!);
      if (r === false) return false;
      if (r instanceof Unknown) unknown ??= r;
    }
    return unknown ?? true;
  }
  return a === b;
}

/**
 * An expression that Terraform itself would reject (wrong type, missing key,
 * index out of range). `try`/`can` catch it; elsewhere the evaluator turns it
 * into an Unknown with the message as reason.
 */
export class EvalError extends Error {
  override name = "EvalError";
}
