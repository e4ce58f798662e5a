import { TemplateError, type TemplateLocation } from "./template-error.js";

/**
 * A template used a variable that was not given. Templates are strict: a missing value
 * is an error, never an empty string; a part that may be absent is written inside
 * `{{#if name}}...{{/if}}`.
 */
export class MissingVariableError extends TemplateError {
  override name = "MissingVariableError";

  /** The variable's path as written in the template (`problem.answer`). */
  readonly variable: string;

  /** The names of the variables that were given. */
  readonly given: readonly string[];

  constructor(location: TemplateLocation, variable: string, given: readonly string[]) {
    const known = given.length > 0 ? given.join(", ") : "none";
    super(
      location,
      `missing variable '${variable}'. Variables given: ${known}. ` +
        `Pass it, or wrap the part that uses it in {{#if ${variable}}}...{{/if}}.`,
    );
    this.variable = variable;
    this.given = given;
  }
}
