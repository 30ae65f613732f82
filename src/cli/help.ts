export function usage(version: string): string {
  return `restorable ${version}: find broken backup promises in Terraform and Helm before they merge.

Usage:
  restorable scan [options] [PATH...]     scan files or folders (default: .); "-" reads Kubernetes
                                          manifests from standard input (helm template ... | restorable scan -)
  restorable pre-commit [options] [FILE...]
                                          scan the project under the current folder; print and gate
                                          only findings in FILE... or related to them (pre-commit hook)
  restorable --version | --help

Options:
  -f, --format FORMAT      text | json | sarif | markdown (default: text)
  -o, --output FILE        write the report to FILE (written whole, or not at all)
      --config FILE        configuration file (default: .restorable.yml at the scan root)
      --var-file FILE      Terraform variables file; repeatable
      --var NAME=VALUE     Terraform variable; repeatable
      --values FILE        Helm values file for every chart folder of the scan, on top of its
                           values.yaml, as helm install -f; repeatable, in order (-f is --format)
      --helm-render        render chart folders with the local helm template (no dependency
                           update, no network) instead of restorable's chart knowledge; the one
                           option that runs a program; a failed render is a CFG-001 finding
      --fail-on LEVEL      error | warning | note | none (default: error)
      --baseline FILE      SARIF of an earlier scan: its results do not fail the run
      --root DIR           scan root (paths in reports are relative to it)
      --exclude GLOB       skip matching files; repeatable
      --changed FILE       print and gate only findings in FILE or with a related location in it
                           (SARIF keeps every result); repeatable
      --report-unknown     add undecidable checks to SARIF as UNK-001 notes
      --now DATE           date that decides ignore expiry (default: SOURCE_DATE_EPOCH, else today)
      --max-file-size SIZE skip larger files with a CFG-001 finding: bytes, or 512K, 20M, 1G
                           (default: 10M)
      --workers N          threads that parse, with tree-sitter, the Terraform files the fast
                           parser leaves to it; 0 parses in the main thread (default: one per core
                           beyond the first, when 300 files or 512 KB need it)
  -q, --quiet              list only findings at or above --fail-on, no summary, no progress
                           (progress "parsed N/M files" is shown on stderr when it is a terminal)
      --no-color           no colours in text output (also NO_COLOR=1)
      --debug              print stack traces of internal errors
  -v, --version            print the version
  -h, --help               print this help

Exit codes:
  0  no finding at or above --fail-on (suppressed and baseline findings never count)
  1  findings at or above --fail-on
  2  a problem with the command's own inputs (options, paths, config, output file)
  3  an internal error (please report it)
`;
}
