/**
 * Every YAML text of the Kubernetes stage, parsed once: the scan's YAML files and the members of
 * packaged charts (`charts/*.tgz`, named `<archive>/<member>`, e.g.
 * `charts/postgresql-16.7.4.tgz/postgresql/values.yaml`: a relative URI that says where the line is,
 * although no such file exists on disk). Problems become CFG-001 only for files that are Kubernetes
 * or Helm inputs (see `isKubernetesInput`): an unrelated YAML file (a CI workflow, mkdocs.yml) that does
 * not parse is not ours to report.
 */
import type { FileProblem } from "../rules/types.js";
import { readChartArchive } from "./archive.js";
import { parseYamlDocuments, type PositionedDocument } from "./yaml.js";

/** Nested packaged charts are followed this deep (a chart's dependency's dependency...). */
const MAX_ARCHIVE_DEPTH = 4;
/** Most archive members kept over the whole scan. */
const MAX_ARCHIVE_FILES = 20_000;

export interface ParsedYaml {
  documents: PositionedDocument[];
  problems: FileProblem[];
}

export class YamlCorpus {
  private readonly texts = new Map<string, string>();
  private readonly parsed = new Map<string, ParsedYaml>();
  /** Paths that come from inside an archive. */
  private readonly packaged = new Set<string>();
  readonly problems: FileProblem[] = [];
  private archiveFiles = 0;

  constructor(files: readonly { path: string; text: string }[], archives: readonly { path: string; bytes: Uint8Array }[]) {
    for (const f of files) this.texts.set(f.path, f.text);
    for (const a of archives) this.addArchive(a.path, a.bytes, 0);
  }

  private addArchive(path: string, bytes: Uint8Array, depth: number): void {
    const { members, problems } = readChartArchive(bytes);
    for (const message of problems) this.problems.push(problemAt(path, message));
    for (const [member, data] of [...members].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (++this.archiveFiles > MAX_ARCHIVE_FILES) {
        this.problems.push(problemAt(path, `the packaged charts of the scan hold more than ${MAX_ARCHIVE_FILES} files; the rest were not read`));
        return;
      }
      const name = `${path}/${member}`;
      if (member.endsWith(".tgz")) {
        if (depth + 1 < MAX_ARCHIVE_DEPTH) this.addArchive(name, data, depth + 1);
        continue;
      }
      const text = decodeUtf8(data);
      if (text === undefined) {
        this.problems.push(problemAt(path, `${member} is not UTF-8 text; it was not read`));
        continue;
      }
      this.texts.set(name, text);
      this.packaged.add(name);
    }
  }

  paths(): string[] {
    return [...this.texts.keys()].sort();
  }

  has(path: string): boolean {
    return this.texts.has(path);
  }

  text(path: string): string | undefined {
    return this.texts.get(path);
  }

  isPackaged(path: string): boolean {
    return this.packaged.has(path);
  }

  /** Files a source read as a Kubernetes or Helm input: their parse problems are CFG-001. */
  readonly inputs = new Set<string>();

  /** The documents of an input file (parsed on first use); undefined when the file is not in the scan. */
  get(path: string): ParsedYaml | undefined {
    if (this.texts.has(path)) this.inputs.add(path);
    return this.peek(path);
  }

  /** The documents of a file that may not be an input (every YAML file is looked at for manifests). */
  peek(path: string): ParsedYaml | undefined {
    const cached = this.parsed.get(path);
    if (cached) return cached;
    const text = this.texts.get(path);
    if (text === undefined) return undefined;
    const r = parseYamlDocuments(text, path);
    const parsed = { documents: r.documents, problems: r.problems.map((p) => ({ file: p.file, message: p.message, location: p.location })) };
    this.parsed.set(path, parsed);
    return parsed;
  }

  /** Parse problems of the files that are inputs or look like manifests (see looksLikeManifest). */
  inputProblems(): FileProblem[] {
    const out: FileProblem[] = [];
    for (const [path, parsed] of [...this.parsed].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (this.inputs.has(path) || looksLikeManifest(this.texts.get(path) ?? "")) out.push(...parsed.problems);
    }
    return out;
  }

  /** The first document of a file (values files, Chart.yaml). */
  first(path: string): PositionedDocument | undefined {
    return this.get(path)?.documents[0];
  }
}

function problemAt(file: string, message: string): FileProblem {
  return { file, message, location: { file, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 } };
}

function decodeUtf8(b: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(b).replace(/^\uFEFF/, "");
  } catch {
    return undefined;
  }
}

/** Does the text look like Kubernetes manifests (a top-level `apiVersion:` and `kind:`)? */
export function looksLikeManifest(text: string): boolean {
  return /^apiVersion:/m.test(text) && /^kind:/m.test(text);
}
