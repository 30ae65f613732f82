/** How rules list a decision they could not make (SPEC section 1: unknowns are listed, never findings). */
import type { Location, UnknownFact } from "../graph/types.js";
import type { RuleContext } from "./types.js";

/** The node the undecided value belongs to: a component or a mechanism. */
export interface UnknownOwner {
  address: string;
  root: string;
  location: Location;
}

/**
 * Lists "`what` could not be determined" with the UnknownFact's own reason and hint.
 * `what` names the value and its owner ("retention of aws_dynamodb_table.x"); the subject
 * is the owner's address, so the reason stays generic and reports can group by it.
 */
export function reportUnknownFact(ctx: RuleContext, owner: UnknownOwner, what: string, fact: UnknownFact, location: Location = owner.location, subject: string = owner.address): void {
  ctx.reportUnknown({ subject, root: owner.root, what, reason: fact.reason, ...(fact.hint !== undefined ? { hint: fact.hint } : {}), location });
}
