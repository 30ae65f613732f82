/**
 * Values within Levenshtein distance 2 of a query, without comparing the query with every value
 * (issue 7): a deletion index (symmetric delete, as SymSpell): two strings within distance k
 * share a string reached from each by at most k deletions, so the candidates are the values
 * indexed under the query's own deletion variants, checked exactly afterwards. Long values are
 * compared directly (their variants would be many; such tag values are rare).
 */
const MAX_DISTANCE = 2;
const MAX_INDEXED_LENGTH = 40;

/** The strings reached from `s` by deleting at most two characters (`s` itself included). */
function deletions(s: string): Set<string> {
  const out = new Set<string>([s]);
  let frontier = [s];
  for (let d = 0; d < MAX_DISTANCE; d++) {
    const next: string[] = [];
    for (const x of frontier) {
      for (let i = 0; i < x.length; i++) {
        const y = x.slice(0, i) + x.slice(i + 1);
        if (!out.has(y)) {
          out.add(y);
          next.push(y);
        }
      }
    }
    frontier = next;
  }
  return out;
}

/** Up to this many values, a query is compared with each directly: cheaper than building the deletion index. */
const DIRECT_MAX = 32;

export class NearValues<T> {
  private readonly items = new Map<string, T[]>();
  /** The deletion index, built on the first query once there are more than DIRECT_MAX values. */
  private byVariant: Map<string, Set<string>> | undefined;
  private readonly long: string[] = [];
  /** Answers by query: many components share a tag value (env = prod), and the answer is the same for each. */
  private readonly answers = new Map<string, [string, T[]][]>();

  constructor(private readonly distance: (a: string, b: string) => number) {}

  add(value: string, item: T): void {
    this.answers.clear();
    const list = this.items.get(value);
    if (list) {
      list.push(item);
      return;
    }
    this.items.set(value, [item]);
    if (value.length > MAX_INDEXED_LENGTH) this.long.push(value);
    else if (this.byVariant) this.index(value);
  }

  /** Every value, with its items. */
  all(): IterableIterator<[string, T[]]> {
    return this.items.entries();
  }

  /** Values at distance 1 or 2 from `query` (not equal to it), with their items, sorted by value. */
  near(query: string): [string, T[]][] {
    const known = this.answers.get(query);
    if (known) return known;
    const out: [string, T[]][] = [];
    for (const c of this.candidates(query)) if (c !== query && this.distance(query, c) <= MAX_DISTANCE) out.push([c, this.items.get(c)!]);
    out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    this.answers.set(query, out);
    return out;
  }

  private candidates(query: string): Iterable<string> {
    if (this.items.size <= DIRECT_MAX) return this.items.keys();
    if (!this.byVariant) {
      this.byVariant = new Map();
      for (const v of this.items.keys()) if (v.length <= MAX_INDEXED_LENGTH) this.index(v);
    }
    const out = new Set<string>();
    if (query.length <= MAX_INDEXED_LENGTH + MAX_DISTANCE) for (const v of deletions(query)) for (const c of this.byVariant.get(v) ?? []) out.add(c);
    for (const c of this.long) out.add(c);
    return out;
  }

  private index(value: string): void {
    for (const v of deletions(value)) (this.byVariant!.get(v) ?? this.byVariant!.set(v, new Set()).get(v)!).add(value);
  }
}
