/** What the Kubernetes stage says besides objects: notes for the summary, problems (CFG-001), unknowns. */
import type { Location, ScanUnknown } from "../graph/types.js";
import type { FileProblem } from "../rules/types.js";

/** A line of the summary: a namespace defaulted, a chart not known, a file not parsed, an environment. */
export interface StageNote {
  subject: string;
  what: string;
  reason: string;
  location?: Location;
}

export class StageOutput {
  readonly notes: StageNote[] = [];
  readonly problems: FileProblem[] = [];
  readonly unknowns: ScanUnknown[] = [];
  private readonly seen = new Set<string>();

  /** Each subject + what once (environments of one chart would repeat the same note). */
  note(n: StageNote): void {
    const key = `${n.subject}\u0000${n.what}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.notes.push(n);
  }

  problem(file: string, message: string, location?: Location): void {
    this.problems.push({ file, message, location: location ?? { file, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 } });
  }
}
