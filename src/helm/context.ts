/** What every release source reads and writes. */
import type { Location } from "../graph/types.js";
import type { FileRange } from "../terraform/types-evaluated.js";
import type { ChartIndex } from "./charts.js";
import type { Clusters } from "./clusters.js";
import type { YamlCorpus } from "./corpus.js";
import type { StageOutput } from "./output.js";
import type { ReleaseDeclaration } from "./releases.js";

export interface SourceContext {
  corpus: YamlCorpus;
  charts: ChartIndex;
  clusters: Clusters;
  out: StageOutput;
  /** Chart directories a declaration installs: they are not releases of their own. */
  usedCharts: Set<string>;
  declare(decl: ReleaseDeclaration): void;
}

export function rangeLocation(r: FileRange): Location {
  return { file: r.file, startLine: r.range.start.line, startColumn: r.range.start.column, endLine: r.range.end.line, endColumn: r.range.end.column };
}

/** The folder of a file (`.` at the scan root). */
export function folderOf(file: string): string {
  const i = file.lastIndexOf("/");
  return i < 0 ? "." : file.slice(0, i);
}
