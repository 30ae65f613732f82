import type { ScanUnknown } from "../graph/types.js";
import type { RuleMeta } from "../rules/types.js";
import { asSentence, oneLine, UNKNOWN_RULE_ID } from "./common.js";

/**
 * Metadata of UNK-001, used only when the scan's rule list does not carry it:
 * SARIF needs a rule descriptor for every result, and unknowns become results
 * with `--report-unknown`.
 */
export const UNKNOWN_RULE_FALLBACK: RuleMeta = {
  id: UNKNOWN_RULE_ID,
  name: "UndeterminedDecision",
  category: "configuration",
  level: "note",
  shortDescription: "A backup decision could not be made statically",
  fullDescription:
    "A value that a backup decision depends on (a region, a retention, a selection) could not be determined from the code, so no rule judged it.",
  helpMarkdown:
    "A value that decides a backup promise could not be determined statically, so restorable raised no finding from it.\n\n" +
    "Give the value: pass the environment's variables, for example:\n\n```sh\nrestorable scan --var-file prod.tfvars .\n```",
  helpText:
    "A value that decides a backup promise could not be determined statically, so restorable raised no finding from it. " +
    "Give the value, for example: restorable scan --var-file prod.tfvars .",
  tags: ["backup", "unknown"],
  securitySeverity: "0.0",
  providers: ["aws", "google", "azurerm"],
};

/** "could not determine region of aws_backup_vault.dr: <reason>. <hint>" */
export function unknownMessage(u: ScanUnknown): string {
  const parts = [asSentence(`Could not determine ${oneLine(u.what)} of ${u.subject}: ${oneLine(u.reason)}`)];
  if (u.hint !== undefined && u.hint.trim() !== "") parts.push(asSentence(oneLine(u.hint)));
  return parts.join(" ");
}
