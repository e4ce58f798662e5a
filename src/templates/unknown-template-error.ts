import { CotpotError } from "../errors/index.js";

/** A template or partial name that no loaded file has; the message lists those that exist. */
export class UnknownTemplateError extends CotpotError {
  override name = "UnknownTemplateError";

  /** The name that was asked for. */
  readonly template: string;

  /** Every name that does exist. */
  readonly known: readonly string[];

  constructor(template: string, known: readonly string[], usedIn?: string) {
    const where = usedIn === undefined ? "" : ` (used as a partial in '${usedIn}')`;
    super(`Unknown template '${template}'${where}. Known templates: ${known.join(", ")}.`);
    this.template = template;
    this.known = known;
  }
}
